package io.github.serverlessmaven.validate;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.config.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of {@code resources:} checked where the user wrote it. Without this a list where a map belongs
 * surfaces later as a failed cast in the merge, and a malformed resource only as a CloudFormation rejection at
 * deploy time. Whether a resource has its {@code Type} and an output its {@code Value} can only be told after
 * the merge (overriding a generated resource may leave them out), so those two checks live in the merger.
 */
final class ResourcesShape {

    /** CloudFormation's own rule, which v3's schema repeats. */
    private static final Pattern LOGICAL_ID = Pattern.compile("[a-zA-Z0-9]{1,255}");

    private static final List<String> MAP_SECTIONS = List.of("Resources", "Outputs", "Conditions", "Mappings",
            "Parameters", "Metadata", "extensions");

    private final List<Problem> problems = new ArrayList<>();

    static void check(Node resources) {
        if (!(resources instanceof MapNode root)) {
            return;
        }
        ResourcesShape shape = new ResourcesShape();
        shape.checkRoot(root);
        if (!shape.problems.isEmpty()) {
            throw new ConfigException(shape.problems);
        }
    }

    private void checkRoot(MapNode root) {
        for (String section : MAP_SECTIONS) {
            Node value = root.get(section);
            if (value != null && !isNull(value) && !(value instanceof MapNode)) {
                problems.add(ConfigReader.typeProblem(value, "resources." + section, "a map of logical IDs"));
            }
        }
        if (root.get("Resources") instanceof MapNode resources) {
            resources.entries().forEach((id, value) -> checkResource(resources, id, value));
        }
        if (root.get("Outputs") instanceof MapNode outputs) {
            outputs.entries().forEach((id, value) -> checkOutput(outputs, id, value));
        }
        for (String section : List.of("Parameters", "Conditions", "extensions")) {
            if (root.get(section) instanceof MapNode entries) {
                entries.entries().forEach((id, value) -> {
                    if (!(value instanceof MapNode) && !isNull(value)) {
                        problems.add(ConfigReader.typeProblem(value, "resources." + section + "." + id, "a map"));
                    }
                });
            }
        }
    }

    private void checkResource(MapNode resources, String id, Node value) {
        String path = "resources.Resources." + id;
        if (!LOGICAL_ID.matcher(id).matches()) {
            String fixed = id.replaceAll("[^a-zA-Z0-9]", "");
            problems.add(new Problem(resources.keyPosition(id), path, "'" + id + "' is not a valid logical ID: "
                    + "CloudFormation allows only letters and digits (A-Z, a-z, 0-9), at most 255 of them",
                    fixed.isEmpty() ? "rename it using letters and digits only" : "rename it to '" + fixed
                            + "' (and update every Ref and Fn::GetAtt to it)"));
        }
        if (!(value instanceof MapNode resource)) {
            Problem problem = ConfigReader.typeProblem(value, path, "a map with Type and Properties");
            if (value instanceof ScalarNode s && s.value() instanceof String type && type.contains("::")) {
                problem = new Problem(problem.position(), path, problem.message(), "write '" + id
                        + ": { Type: " + type + " }' (the type goes under Type)");
            }
            problems.add(problem);
            return;
        }
        Node type = resource.get("Type");
        if (type != null && !(type instanceof ScalarNode s && s.value() instanceof String)) {
            problems.add(ConfigReader.typeProblem(type, path + ".Type", "a resource type such as AWS::SQS::Queue"));
        }
        Node properties = resource.get("Properties");
        if (properties != null && !isNull(properties) && !(properties instanceof MapNode)) {
            problems.add(ConfigReader.typeProblem(properties, path + ".Properties", "a map"));
        }
        Node dependsOn = resource.get("DependsOn");
        if (dependsOn instanceof MapNode) {
            problems.add(ConfigReader.typeProblem(dependsOn, path + ".DependsOn", "a logical ID or a list of them"));
        }
    }

    private void checkOutput(MapNode outputs, String id, Node value) {
        String path = "resources.Outputs." + id;
        if (!LOGICAL_ID.matcher(id).matches()) {
            problems.add(new Problem(outputs.keyPosition(id), path, "'" + id + "' is not a valid output name: "
                    + "CloudFormation allows only letters and digits (A-Z, a-z, 0-9)",
                    "rename it to '" + id.replaceAll("[^a-zA-Z0-9]", "") + "'"));
        }
        if (!(value instanceof MapNode output)) {
            Problem problem = ConfigReader.typeProblem(value, path, "a map with Value (and optionally Description, Export)");
            if (value instanceof ScalarNode s && s.value() != null) {
                problem = new Problem(problem.position(), path, problem.message(), "write '" + id + ": { Value: "
                        + s.value() + " }'");
            }
            problems.add(problem);
            return;
        }
        Node export = output.get("Export");
        if (export != null && !(export instanceof MapNode m && m.has("Name"))) {
            String fix = export instanceof ScalarNode s && s.value() != null
                    ? "write 'Export: { Name: " + s.value() + " }'" : "write 'Export: { Name: <export name> }'";
            problems.add(new Problem(export.position(), path + ".Export", "expected a map with Name but found "
                    + describe(export), fix));
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.isNull();
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return node.kind() + " '" + s.value() + "'";
        }
        return node instanceof MapNode m && !m.has("Name") ? "a map without Name" : node.kind();
    }
}
