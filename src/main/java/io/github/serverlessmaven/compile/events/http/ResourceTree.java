package io.github.serverlessmaven.compile.events.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API's path nodes: one per distinct path prefix, in v3's order (trees in order of first use, each
 * walked depth first, children in order of first use).
 */
final class ResourceTree {

    /** @param parentPath null for a child of the API's root resource */
    record PathNode(String path, String pathPart, String parentPath) {}

    private ResourceTree() {}

    static List<PathNode> of(List<String> paths) {
        List<String> roots = new ArrayList<>();
        Map<String, List<String>> children = new HashMap<>();
        Map<String, PathNode> nodes = new HashMap<>();
        for (String path : paths) {
            if (path.isEmpty()) {
                continue;
            }
            String current = null;
            for (String part : path.split("/")) {
                String parent = current;
                current = parent == null ? part : parent + "/" + part;
                if (!nodes.containsKey(current)) {
                    nodes.put(current, new PathNode(current, part, parent));
                    if (parent == null) {
                        roots.add(current);
                    } else {
                        List<String> siblings = children.get(parent);
                        if (siblings == null) {
                            siblings = new ArrayList<>();
                            children.put(parent, siblings);
                        }
                        siblings.add(current);
                    }
                }
            }
        }
        List<PathNode> ordered = new ArrayList<>();
        for (String root : roots) {
            walk(root, nodes, children, ordered);
        }
        return ordered;
    }

    private static void walk(String path, Map<String, PathNode> nodes, Map<String, List<String>> children,
            List<PathNode> out) {
        out.add(nodes.get(path));
        for (String child : children.getOrDefault(path, List.of())) {
            walk(child, nodes, children, out);
        }
    }
}
