package io.github.serverlessmaven.validate;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.template.Cfn;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks for values that are copied into the template as written. Left unchecked, each would be rejected by
 * CloudFormation or IAM only at deploy time, minutes later and without a line number.
 */
final class ShapeChecks {

    /** Lambda's own limit on layers per function. */
    static final int MAX_LAYERS = 5;

    private static final Pattern LAYER_VERSION_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:\\d+");

    private ShapeChecks() {
    }

    /** {@code Ref}, {@code Fn::...} and {@code Condition} maps stand for a value CloudFormation computes. */
    static boolean isIntrinsic(Node node) {
        return node instanceof MapNode m && m.entries().size() == 1
                && Cfn.isIntrinsicKey(m.entries().keySet().iterator().next());
    }

    /**
     * Environment variables and tags: Lambda and CloudFormation take strings; numbers and booleans are written
     * as text, a computed value is fine, but a nested map, a list or an empty value is not.
     */
    static void scalarValues(Node values, String path, String what) {
        if (!(values instanceof MapNode map)) {
            return;
        }
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            Node value = e.getValue();
            String at = path + "." + e.getKey();
            if (value instanceof ScalarNode s && s.isNull()) {
                throw new ConfigException(value.position().line() > 0 ? value.position() : map.keyPosition(e.getKey()),
                        at, what + " '" + e.getKey() + "' has no value", "write '" + e.getKey()
                                + ": \"\"' for an empty value, or remove it");
            }
            if (!(value instanceof ScalarNode) && !isIntrinsic(value)) {
                throw new ConfigException(value.position(), at, "expected a string for " + what + " '"
                        + e.getKey() + "' but found " + value.kind(), what.startsWith("environment")
                                ? "write a single string (for structured data, a JSON string such as "
                                        + "'{\"host\": \"x\"}'), or a Ref/Fn:: value"
                                : "write a single string, or a Ref/Fn:: value");
            }
        }
    }

    /** {@code provider.iam.role.statements} and the legacy {@code provider.iamRoleStatements}. */
    static void iamStatements(Node statements, String path) {
        if (statements == null || statements instanceof ScalarNode s && s.isNull()) {
            return;
        }
        if (!(statements instanceof ListNode list)) {
            throw new ConfigException(statements.position(), path, "expected a list of IAM statements but found "
                    + statements.kind(), "start each statement with '- ', as in '- Effect: Allow'");
        }
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String at = path + "[" + i + "]";
            if (!(item instanceof MapNode statement)) {
                throw new ConfigException(item.position(), at, "expected an IAM statement (a map with Effect, "
                        + "Action and Resource) but found " + describe(item), "write it as '{ Effect: Allow, "
                                + "Action: [s3:GetObject], Resource: \"*\" }'");
            }
            Node effect = statement.get("Effect");
            if (effect == null) {
                throw new ConfigException(statement.position(), at + ".Effect", "the statement has no Effect",
                        "add 'Effect: Allow' (or Deny)");
            }
            if (!(effect instanceof ScalarNode s && ("Allow".equals(s.value()) || "Deny".equals(s.value())))) {
                throw new ConfigException(effect.position(), at + ".Effect", "expected Allow or Deny but found "
                        + describe(effect), "write 'Effect: Allow' or 'Effect: Deny'");
            }
            requireOneOf(statement, at, "Action", "NotAction", "add 'Action: [s3:GetObject]'");
            requireOneOf(statement, at, "Resource", "NotResource",
                    "add 'Resource: arn:aws:s3:::my-bucket/*' (or \"*\" for every resource)");
        }
    }

    private static void requireOneOf(MapNode statement, String at, String key, String negated, String fix) {
        Node value = statement.get(key) != null ? statement.get(key) : statement.get(negated);
        String name = statement.get(key) != null || statement.get(negated) == null ? key : negated;
        if (value == null) {
            throw new ConfigException(statement.position(), at + "." + key, "the statement has neither " + key
                    + " nor " + negated, fix);
        }
        checkStringOrList(value, at + "." + name, key.equals("Action") ? "an action such as s3:GetObject"
                : "a resource ARN or \"*\"");
    }

    private static void checkStringOrList(Node value, String path, String expected) {
        if (value instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                if (!(item instanceof ScalarNode s && s.value() instanceof String) && !isIntrinsic(item)) {
                    throw new ConfigException(item.position(), path + "[" + i + "]", "expected " + expected
                            + " but found " + describe(item), "write it as a string");
                }
            }
        } else if (!(value instanceof ScalarNode s && s.value() instanceof String) && !isIntrinsic(value)) {
            throw new ConfigException(value.position(), path, "expected " + expected + " (or a list of them) but "
                    + "found " + describe(value), "write it as a string or a list of strings");
        }
    }

    /** {@code managedPolicies} / {@code iamManagedPolicies}: a list of policy ARNs. */
    static void managedPolicies(Node policies, String path) {
        if (policies == null || policies instanceof ScalarNode s && s.isNull()) {
            return;
        }
        if (!(policies instanceof ListNode)) {
            throw new ConfigException(policies.position(), path, "expected a list of managed policy ARNs but found "
                    + describe(policies), "write '- arn:aws:iam::aws:policy/...' for each policy");
        }
        checkStringOrList(policies, path, "a managed policy ARN");
    }

    /** A function's layers (or the provider's default): at most five layer version ARNs or computed values. */
    static void layers(Node layers, String path) {
        if (layers == null || layers instanceof ScalarNode s && s.isNull()) {
            return;
        }
        if (!(layers instanceof ListNode list)) {
            throw new ConfigException(layers.position(), path, "expected a list of layer version ARNs but found "
                    + describe(layers), "write 'layers: [arn:aws:lambda:<region>:<account>:layer:<name>:<version>]'"
                            + " or '[{ Ref: <Layer>LambdaLayer }]'");
        }
        if (list.items().size() > MAX_LAYERS) {
            throw new ConfigException(list.items().get(MAX_LAYERS).position(), path, "a function can use at most "
                    + MAX_LAYERS + " layers, but " + list.items().size() + " are listed",
                    "merge some layers into one, or move the code into the function's artifact");
        }
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            if (isIntrinsic(item)) {
                continue;
            }
            if (!(item instanceof ScalarNode s && s.value() instanceof String arn)
                    || !LAYER_VERSION_ARN.matcher(arn).matches()) {
                throw new ConfigException(item.position(), path + "[" + i + "]", "expected a layer version ARN "
                        + "(arn:aws:lambda:<region>:<account>:layer:<name>:<version>) but found " + describe(item),
                        "write the full ARN including the version number, or '{ Ref: <Layer>LambdaLayer }' for "
                                + "a layer of this service");
            }
        }
    }

    /** {@code vpc:} at provider or function level (false or null at function level opts out, checked before). */
    static void vpc(Node vpc, String path) {
        if (vpc == null || vpc instanceof ScalarNode s && (s.isNull() || Boolean.FALSE.equals(s.value()))
                || isIntrinsic(vpc)) {
            return;
        }
        if (!(vpc instanceof MapNode map)) {
            throw new ConfigException(vpc.position(), path, "expected a map with securityGroupIds and subnetIds "
                    + "but found " + describe(vpc), "write 'vpc: { securityGroupIds: [sg-...], subnetIds: "
                            + "[subnet-...] }' (Lambda takes the VPC from the subnets)");
        }
        for (String key : List.of("securityGroupIds", "subnetIds")) {
            Node ids = map.get(key);
            if (ids == null || ids instanceof ScalarNode s && s.isNull()) {
                throw new ConfigException(map.position(), path + "." + key, "missing '" + key + "': a function in "
                        + "a VPC needs both securityGroupIds and subnetIds", "add '" + key + ": ["
                                + (key.equals("subnetIds") ? "subnet-..." : "sg-...") + "]'");
            }
            if (ids instanceof ScalarNode s && s.value() instanceof String single) {
                throw new ConfigException(ids.position(), path + "." + key, "expected a list but found a string",
                        "write '" + key + ": [" + single + "]'");
            }
            if (!(ids instanceof ListNode) && !isIntrinsic(ids)) {
                throw ConfigReader.typeError(ids, path + "." + key, "a list of IDs");
            }
            if (ids instanceof ListNode list) {
                checkStringOrList(list, path + "." + key, "an ID");
            }
        }
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode s && s.value() != null) {
            return node.kind() + " '" + s.value() + "'";
        }
        return node.kind();
    }
}
