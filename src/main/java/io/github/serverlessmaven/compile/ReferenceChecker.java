package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.template.Template;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every {@code Ref} and {@code Fn::GetAtt} in the finished template must name a resource of the template, a
 * parameter or a pseudo parameter; otherwise CloudFormation would reject the stack only at deploy time. The
 * configuration is checked first (events, then {@code resources:}) so the error points at the line the user
 * wrote; what remains (generated references) is reported against the template path.
 */
public final class ReferenceChecker {

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    public void check(Service service, Template template) {
        Set<String> known = known(template);
        for (FunctionDef function : service.functions().values()) {
            for (EventSpec event : function.events()) {
                checkNode(event.body(), event.path(), known);
            }
        }
        if (service.root() != null && service.root().get("resources") instanceof MapNode resources) {
            checkNode(resources, "resources", known);
        }
        for (String section : List.of("Resources", "Outputs", "Conditions")) {
            checkPlain(template.root().get(section), section, known, service.configFile());
        }
    }

    private static Set<String> known(Template template) {
        // The merge of resources: replaces the Resources map in the root, so read it from there.
        Set<String> known = new LinkedHashSet<>();
        if (template.root().get("Resources") instanceof Map<?, ?> resources) {
            resources.keySet().forEach(k -> known.add(String.valueOf(k)));
        }
        if (template.root().get("Parameters") instanceof Map<?, ?> parameters) {
            parameters.keySet().forEach(k -> known.add(String.valueOf(k)));
        }
        return known;
    }

    private static void checkNode(Node node, String path, Set<String> known) {
        if (node instanceof MapNode map) {
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                String childPath = path + "." + e.getKey();
                String target = target(e.getKey(), e.getValue().toPlain());
                if (target != null && !isKnown(target, e.getKey(), known)) {
                    throw missing(e.getValue().position(), childPath, e.getKey(), target, known);
                }
                checkNode(e.getValue(), childPath, known);
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                checkNode(list.items().get(i), path + "[" + i + "]", known);
            }
        }
    }

    private static void checkPlain(Object value, String path, Set<String> known, String configFile) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String target = target(key, e.getValue());
                if (target != null && !isKnown(target, key, known)) {
                    throw missing(Position.of(configFile), path + "." + key, key, target, known);
                }
                checkPlain(e.getValue(), path + "." + key, known, configFile);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkPlain(list.get(i), path + "[" + i + "]", known, configFile);
            }
        }
    }

    /** The logical ID a {@code Ref} or {@code Fn::GetAtt} value points to, or null for any other key. */
    private static String target(String key, Object value) {
        if (key.equals("Ref") && value instanceof String s) {
            return s;
        }
        if (key.equals("Fn::GetAtt")) {
            if (value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) {
                return s;
            }
            if (value instanceof String s) {
                int dot = s.indexOf('.');
                return dot > 0 ? s.substring(0, dot) : s;
            }
        }
        return null;
    }

    private static boolean isKnown(String target, String key, Set<String> known) {
        return known.contains(target) || (key.equals("Ref") && PSEUDO_PARAMETERS.contains(target));
    }

    private static ConfigException missing(Position position, String path, String key, String target,
            Set<String> known) {
        String closest = ConfigReader.closest(target, known);
        return new ConfigException(position, path, "'" + key + "' points to '" + target + "', which is neither a "
                + "resource of the stack (generated or in resources.Resources) nor a parameter",
                closest != null ? "write '" + closest + "'"
                        : "define " + target + " under resources.Resources, or fix the logical ID");
    }

}
