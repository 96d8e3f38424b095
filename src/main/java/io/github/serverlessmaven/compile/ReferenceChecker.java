package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.template.Template;
import java.util.ArrayList;
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
            checkDependsOnAndConditions(resources, template);
        }
        for (String section : List.of("Resources", "Outputs", "Conditions")) {
            checkPlain(template.root().get(section), section, known, service.configFile());
        }
    }

    /**
     * {@code DependsOn} and {@code Condition} of the user's resources name other resources and conditions;
     * CloudFormation rejects a name that does not exist when the template is validated, without a line.
     */
    private static void checkDependsOnAndConditions(MapNode resources, Template template) {
        if (!(resources.get("Resources") instanceof MapNode declared)) {
            return;
        }
        // DependsOn takes resources only: CloudFormation refuses a parameter there.
        Set<String> resourceIds = keys(template, "Resources");
        Set<String> conditions = keys(template, "Conditions");
        for (Map.Entry<String, Node> e : declared.entries().entrySet()) {
            if (!(e.getValue() instanceof MapNode resource)) {
                continue;
            }
            String path = "resources.Resources." + e.getKey();
            Node dependsOn = resource.get("DependsOn");
            List<Node> names = dependsOn instanceof ListNode l ? l.items() : dependsOn != null ? List.of(dependsOn)
                    : List.of();
            for (Node name : names) {
                if (name instanceof ScalarNode s && s.value() instanceof String target
                        && !resourceIds.contains(target)) {
                    if (keys(template, "Parameters").contains(target)) {
                        throw new ConfigException(name.position(), path + ".DependsOn", "'DependsOn' names '"
                                + target + "', which is a parameter, not a resource",
                                "remove it from DependsOn: parameters have their values before any resource");
                    }
                    String closest = ConfigReader.closest(target, resourceIds);
                    throw new ConfigException(name.position(), path + ".DependsOn", "'DependsOn' names '" + target
                            + "', which is not a resource of the stack", closest != null ? "write '" + closest
                            + "'" : "name a resource of resources.Resources or a generated one");
                }
            }
            Node condition = resource.get("Condition");
            if (condition instanceof ScalarNode s && s.value() instanceof String name
                    && !conditions.contains(name)) {
                String closest = ConfigReader.closest(name, conditions);
                throw new ConfigException(condition.position(), path + ".Condition", "'Condition' names '" + name
                        + "', which is not defined under resources.Conditions", closest != null ? "write '"
                        + closest + "'" : "define it under resources.Conditions, or remove the Condition");
            }
        }
    }

    /** What a Ref or Fn::GetAtt may name: the template's resources and parameters. */
    private static Set<String> known(Template template) {
        Set<String> known = keys(template, "Resources");
        known.addAll(keys(template, "Parameters"));
        return known;
    }

    /** The names a section of the merged template declares; the merge of resources: writes into the root. */
    private static Set<String> keys(Template template, String section) {
        Set<String> keys = new LinkedHashSet<>();
        if (template.root().get(section) instanceof Map<?, ?> declared) {
            for (Object key : declared.keySet()) {
                keys.add(String.valueOf(key));
            }
        }
        return keys;
    }

    private static void checkNode(Node node, String path, Set<String> known) {
        checkNode(node, new Trail(path), known);
    }

    private static void checkNode(Node node, Trail trail, Set<String> known) {
        if (node instanceof MapNode map) {
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                String key = e.getKey();
                if (map.entries().size() == 1 && INTRINSIC_SHAPES.containsKey(key)) {
                    checkShape(key, e.getValue(), trail);
                }
                String target = isReference(key) ? target(key, e.getValue().toPlain()) : null;
                if (target != null && !isKnown(target, key, known)) {
                    throw missing(e.getValue().position(), trail.with(key), key, target, known);
                }
                trail.push(key);
                checkNode(e.getValue(), trail, known);
                trail.pop();
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                trail.push(i);
                checkNode(list.items().get(i), trail, known);
                trail.pop();
            }
        }
    }

    /** What each intrinsic function takes, as CloudFormation documents it. */
    private static final Map<String, String> INTRINSIC_SHAPES = Map.of(
            "Ref", "a logical ID or parameter name",
            "Fn::GetAtt", "[LogicalId, Attribute] or 'LogicalId.Attribute'",
            "Fn::Join", "[delimiter, [values...]]",
            "Fn::Sub", "a string, or [string, { Name: value }]",
            "Fn::Select", "[index, [values...]]",
            "Fn::Split", "[delimiter, string]",
            "Fn::If", "[ConditionName, value if true, value if false]",
            "Fn::FindInMap", "[MapName, TopLevelKey, SecondLevelKey]");

    /**
     * A malformed intrinsic function passes through to the template untouched and is rejected by CloudFormation
     * only at deploy time, with no line number; checked here, where the line is still known.
     */
    private static void checkShape(String function, Node value, Trail trail) {
        List<Node> items = value instanceof ListNode l ? l.items() : null;
        boolean ok = switch (function) {
            case "Ref" -> isString(value);
            case "Fn::GetAtt" -> items != null ? items.size() == 2 && isString(items.get(0))
                    && !(items.get(1) instanceof ListNode)
                    : isString(value) && dotted((String) ((ScalarNode) value).value());
            case "Fn::Join" -> items != null && items.size() == 2 && isString(items.get(0))
                    && !(items.get(1) instanceof ScalarNode);
            case "Fn::Sub" -> isString(value) || items != null && (items.size() == 1 || items.size() == 2)
                    && isString(items.get(0)) && (items.size() == 1 || items.get(1) instanceof MapNode);
            case "Fn::Select", "Fn::Split" -> items != null && items.size() == 2;
            case "Fn::If", "Fn::FindInMap" -> items != null && items.size() == 3;
            default -> true;
        };
        if (ok) {
            return;
        }
        String found = value instanceof ScalarNode s && s.value() != null ? value.kind() + " '" + s.value() + "'"
                : items != null ? "a list of " + items.size() : value.kind();
        throw new ConfigException(value.position(), trail.with(function), "'" + function + "' takes "
                + INTRINSIC_SHAPES.get(function) + " but found " + found, shapeFix(function, value, items));
    }

    private static String shapeFix(String function, Node value, List<Node> items) {
        if (function.equals("Ref") && items != null && items.size() == 1 && isString(items.get(0))) {
            return "write 'Ref: " + ((ScalarNode) items.get(0)).value() + "'";
        }
        if (function.equals("Fn::GetAtt")) {
            String id = value instanceof ScalarNode s && s.value() != null ? String.valueOf(s.value())
                    : items != null && !items.isEmpty() && isString(items.get(0))
                            ? String.valueOf(((ScalarNode) items.get(0)).value())
                    : value instanceof MapNode m && m.entries().size() == 1 ? m.entries().keySet().iterator().next()
                    : "MyQueue";
            String attribute = value instanceof MapNode m && m.entries().size() == 1
                    && m.entries().values().iterator().next() instanceof ScalarNode a && a.value() != null
                    ? String.valueOf(a.value()) : "Arn";
            return "write 'Fn::GetAtt: [" + id + ", " + attribute + "]'";
        }
        return "write it as " + INTRINSIC_SHAPES.get(function);
    }

    private static boolean isString(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof String;
    }

    private static boolean dotted(String value) {
        int dot = value.indexOf('.');
        return dot > 0 && dot < value.length() - 1;
    }

    private static void checkPlain(Object value, String path, Set<String> known, String configFile) {
        checkPlain(value, new Trail(path), known, configFile);
    }

    private static void checkPlain(Object value, Trail trail, Set<String> known, String configFile) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String target = isReference(key) ? target(key, e.getValue()) : null;
                if (target != null && !isKnown(target, key, known)) {
                    throw missing(Position.of(configFile), trail.with(key), key, target, known);
                }
                trail.push(key);
                checkPlain(e.getValue(), trail, known, configFile);
                trail.pop();
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                trail.push(i);
                checkPlain(list.get(i), trail, known, configFile);
                trail.pop();
            }
        }
    }

    private static boolean isReference(String key) {
        return key.equals("Ref") || key.equals("Fn::GetAtt");
    }

    /**
     * Where the walk is, as keys and indexes, made into a path only for an error: a template has thousands of
     * values, and a path string built for each is most of the check's cost on a cold JVM.
     */
    private static final class Trail {
        private final String root;
        private final List<Object> steps = new ArrayList<>();

        Trail(String root) {
            this.root = root;
        }

        void push(Object step) {
            steps.add(step);
        }

        void pop() {
            steps.remove(steps.size() - 1);
        }

        String with(String key) {
            StringBuilder path = new StringBuilder(root);
            for (Object step : steps) {
                if (step instanceof Integer index) {
                    path.append('[').append(index).append(']');
                } else {
                    path.append('.').append(step);
                }
            }
            return path.append('.').append(key).toString();
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
