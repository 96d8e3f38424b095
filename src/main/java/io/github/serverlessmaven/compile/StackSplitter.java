package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Splits a template that exceeds CloudFormation's per-stack limits (500 resources, 200 outputs, 1 MB) into
 * nested stacks. Each function moves with its own resources (log group, versions, permissions, event source
 * mappings, rules, aliases ...) into one of a fixed number of stacks chosen by a hash of the function's key, so
 * adding a function never moves an existing resource. Shared resources (bucket, role, APIs, user resources)
 * stay in the root stack. References across stacks go through nested-stack parameters and outputs.
 */
public final class StackSplitter {

    public static final int MAX_RESOURCES = 500;
    public static final int MAX_OUTPUTS = 200;
    public static final int MAX_TEMPLATE_BYTES = 1_000_000;
    /** Fixed so a function's stack never changes as functions come and go. */
    static final int STACKS = 20;

    /** Resource name endings that mark a resource as belonging to the function whose name prefixes it. */
    private static final List<String> FUNCTION_SUFFIXES = List.of("LambdaFunction", "LogGroup", "LambdaVersion",
            "LambdaPermission", "EventSourceMapping", "EventsRule", "SnsSubscription", "ProvConcLambdaAlias",
            "SnapStartLambdaAlias", "LambdaEvConf", "IotTopicRule", "LogsSubscriptionFilter", "SchedulerSchedule",
            "EventBridgeLambdaPermission", "AlbTargetGroup", "AlbMultiValueTargetGroup", "AlbListenerRule");

    private static final Pattern SUB_TOKEN = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z0-9.]+)?}");

    /** @param nested nested templates by the logical ID of their AWS::CloudFormation::Stack in the root */
    public record Split(Map<String, Object> root, Map<String, Map<String, Object>> nested) {}

    public static boolean needsSplit(Map<String, Object> template) {
        return section(template, "Resources").size() > MAX_RESOURCES
                || section(template, "Outputs").size() > MAX_OUTPUTS
                || Json.pretty(template).length() > MAX_TEMPLATE_BYTES;
    }

    public static final String NESTED_TEMPLATE_PREFIX = "cloudformation-template-nested-";

    public static String nestedTemplateFileName(String stackLogicalId) {
        return NESTED_TEMPLATE_PREFIX + stackLogicalId + ".json";
    }

    public static String stackLogicalId(String functionKey) {
        CRC32 crc = new CRC32();
        crc.update(functionKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int bucket = (int) (crc.getValue() % STACKS) + 1;
        return (bucket < 10 ? "FunctionsNestedStack0" : "FunctionsNestedStack") + bucket;
    }

    @SuppressWarnings("unchecked")
    public Split split(Service service, Map<String, Object> template, String artifactDirectoryName) {
        Map<String, Object> resources = section(template, "Resources");
        Map<String, String> owner = assignOwners(service, resources);
        Map<String, Map<String, Object>> nested = new TreeMap<>();
        for (String stack : new LinkedHashSet<>(owner.values())) {
            nested.put(stack, newNested(service));
        }
        Map<String, Object> rootResources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : resources.entrySet()) {
            String stack = owner.get(e.getKey());
            if (stack == null) {
                rootResources.put(e.getKey(), e.getValue());
            } else {
                section(nested.get(stack), "Resources").put(e.getKey(), e.getValue());
            }
        }
        Map<String, Object> root = new LinkedHashMap<>(template);
        root.put("Resources", rootResources);
        Rewriter rewriter = new Rewriter(owner, nested, rootResources);

        // Outputs that only name one nested stack's resources move there, keeping their export names.
        Map<String, Object> rootOutputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : section(template, "Outputs").entrySet()) {
            Set<String> stacks = rewriter.stacksReferenced(e.getValue());
            if (stacks.size() == 1 && !stacks.contains(null)) {
                section(nested.get(stacks.iterator().next()), "Outputs").put(e.getKey(), e.getValue());
            } else {
                rootOutputs.put(e.getKey(), e.getValue());
            }
        }
        root.put("Outputs", rootOutputs);

        for (Map.Entry<String, Object> e : rootResources.entrySet()) {
            e.setValue(rewriter.rewriteResource((Map<String, Object>) e.getValue(), null));
        }
        for (Map.Entry<String, Object> e : rootOutputs.entrySet()) {
            e.setValue(rewriter.rewrite(e.getValue(), null));
        }
        for (Map.Entry<String, Map<String, Object>> stack : nested.entrySet()) {
            for (Map.Entry<String, Object> e : section(stack.getValue(), "Resources").entrySet()) {
                e.setValue(rewriter.rewriteResource((Map<String, Object>) e.getValue(), stack.getKey()));
            }
            for (Map.Entry<String, Object> e : section(stack.getValue(), "Outputs").entrySet()) {
                e.setValue(rewriter.rewrite(e.getValue(), stack.getKey()));
            }
        }
        Object bucket = service.provider().deploymentBucket().name() != null
                ? service.provider().deploymentBucket().name() : Cfn.ref(Naming.deploymentBucketLogicalId());
        for (Map.Entry<String, Map<String, Object>> stack : nested.entrySet()) {
            Map<String, Object> properties = Cfn.map("TemplateURL", Cfn.join("", "https://", bucket, ".s3.",
                    Cfn.ref("AWS::Region"), ".", Cfn.ref("AWS::URLSuffix"), "/" + artifactDirectoryName + "/"
                            + nestedTemplateFileName(stack.getKey())));
            Map<String, Object> parameters = rewriter.parameterValues(stack.getKey());
            if (!parameters.isEmpty()) {
                properties.put("Parameters", parameters);
            }
            Map<String, Object> resource = Cfn.resource("AWS::CloudFormation::Stack", properties);
            Set<String> dependsOn = rewriter.stackDependsOn(stack.getKey());
            if (!dependsOn.isEmpty()) {
                resource.put("DependsOn", new ArrayList<>(dependsOn));
            }
            rootResources.put(stack.getKey(), resource);
            if (section(stack.getValue(), "Outputs").isEmpty()) {
                stack.getValue().remove("Outputs");
            }
            if (section(stack.getValue(), "Parameters").isEmpty()) {
                stack.getValue().remove("Parameters");
            }
        }
        return new Split(root, nested);
    }

    /** Function-owned resources by logical ID to their nested stack; functions with conditions stay in root. */
    private static Map<String, String> assignOwners(Service service, Map<String, Object> resources) {
        Map<String, String> prefixes = new HashMap<>();
        Map<String, String> stacks = new HashMap<>();
        for (String key : service.functions().keySet()) {
            prefixes.put(Naming.normalizeFunctionName(key), key);
            stacks.put(key, stackLogicalId(key));
        }
        Map<String, String> owner = new LinkedHashMap<>();
        Set<String> pinned = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : resources.entrySet()) {
            String id = e.getKey();
            String function = owningFunction(id, prefixes);
            if (function != null) {
                owner.put(id, stacks.get(function));
                if (e.getValue() instanceof Map<?, ?> r && r.containsKey("Condition")) {
                    pinned.add(function);
                }
            }
        }
        for (String function : pinned) {
            String prefix = Naming.normalizeFunctionName(function);
            for (Iterator<String> ids = owner.keySet().iterator(); ids.hasNext(); ) {
                if (ids.next().startsWith(prefix)) {
                    ids.remove();
                }
            }
        }
        return owner;
    }

    /**
     * The function whose resource {@code id} is: the longest function logical name that {@code id} starts with,
     * followed by one of the function resource suffixes. Every suffix starts with a capital letter, so only the
     * capitals of {@code id} can end the name: services this big have hundreds of functions and thousands of
     * resources, and trying every function for every resource costs seconds on a cold JVM.
     */
    private static String owningFunction(String id, Map<String, String> functionsByPrefix) {
        for (int at = id.length() - 1; at > 0; at--) {
            char c = id.charAt(at);
            // Logical IDs are ASCII letters and digits.
            if (c < 'A' || c > 'Z') {
                continue;
            }
            String function = functionsByPrefix.get(id.substring(0, at));
            if (function != null) {
                for (String suffix : FUNCTION_SUFFIXES) {
                    if (id.startsWith(suffix, at)) {
                        return function;
                    }
                }
            }
        }
        return null;
    }

    private static Map<String, Object> newNested(Service service) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("AWSTemplateFormatVersion", "2010-09-09");
        t.put("Description", "Functions of " + service.name() + "-" + service.stage()
                + " (nested stack: the service exceeds one stack's limits)");
        t.put("Parameters", new LinkedHashMap<String, Object>());
        t.put("Resources", new LinkedHashMap<String, Object>());
        t.put("Outputs", new LinkedHashMap<String, Object>());
        return t;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> template, String name) {
        Object s = template.get(name);
        if (s == null) {
            s = new LinkedHashMap<String, Object>();
            template.put(name, s);
        }
        return (Map<String, Object>) s;
    }

    /** Rewrites references that cross stacks into parameters and outputs, remembering what each stack needs. */
    private static final class Rewriter {
        private final Map<String, String> owner;
        private final Map<String, Map<String, Object>> nested;
        private final Map<String, Object> rootResources;
        private final Map<String, Map<String, Object>> parameterValues = new HashMap<>();
        private final Map<String, Set<String>> stackDependsOn = new HashMap<>();

        Rewriter(Map<String, String> owner, Map<String, Map<String, Object>> nested, Map<String, Object> rootResources) {
            this.owner = owner;
            this.nested = nested;
            this.rootResources = rootResources;
        }

        Map<String, Object> parameterValues(String stack) {
            return parameterValues.getOrDefault(stack, Map.of());
        }

        Set<String> stackDependsOn(String stack) {
            return stackDependsOn.getOrDefault(stack, Set.of());
        }

        /** The stacks (null for root) whose resources a value references. */
        Set<String> stacksReferenced(Object value) {
            Set<String> out = new LinkedHashSet<>();
            collect(value, out);
            return out;
        }

        private void collect(Object value, Set<String> out) {
            if (value instanceof Map<?, ?> m) {
                if (m.size() == 1 && m.containsKey("Ref") && m.get("Ref") instanceof String id && isResource(id)) {
                    out.add(owner.get(id));
                    return;
                }
                if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
                    String id = getAttTarget(m.get("Fn::GetAtt"));
                    if (id != null && isResource(id)) {
                        out.add(owner.get(id));
                    }
                    return;
                }
                for (Object v : m.values()) {
                    collect(v, out);
                }
            } else if (value instanceof List<?> l) {
                for (Object v : l) {
                    collect(v, out);
                }
            }
        }

        private boolean isResource(String id) {
            return owner.containsKey(id) || rootResources.containsKey(id);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> rewriteResource(Map<String, Object> resource, String stack) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : resource.entrySet()) {
                if (e.getKey().equals("DependsOn")) {
                    List<Object> kept = new ArrayList<>();
                    List<Object> deps = e.getValue() instanceof List<?> l ? (List<Object>) l : List.of(e.getValue());
                    for (Object d : deps) {
                        String target = String.valueOf(d);
                        String targetStack = owner.get(target);
                        if (java.util.Objects.equals(targetStack, stack) || !isResource(target)) {
                            kept.add(d);
                        } else if (stack == null) {
                            if (!kept.contains(targetStack)) {
                                kept.add(targetStack);
                            }
                        } else {
                            Set<String> dependsOn = stackDependsOn.get(stack);
                            if (dependsOn == null) {
                                dependsOn = new LinkedHashSet<>();
                                stackDependsOn.put(stack, dependsOn);
                            }
                            dependsOn.add(targetStack == null ? target : targetStack);
                        }
                    }
                    if (!kept.isEmpty()) {
                        out.put("DependsOn", kept);
                    }
                } else if (e.getKey().equals("Properties") || e.getKey().equals("Metadata")) {
                    out.put(e.getKey(), rewrite(e.getValue(), stack));
                } else {
                    out.put(e.getKey(), e.getValue());
                }
            }
            return out;
        }

        Object rewrite(Object value, String stack) {
            if (value instanceof Map<?, ?> m) {
                if (m.size() == 1 && m.get("Ref") instanceof String id && isResource(id)) {
                    return reference(id, null, stack, value);
                }
                if (m.size() == 1 && m.containsKey("Fn::GetAtt")) {
                    String id = getAttTarget(m.get("Fn::GetAtt"));
                    if (id != null && isResource(id)) {
                        return reference(id, getAttAttribute(m.get("Fn::GetAtt")), stack, value);
                    }
                    return value;
                }
                if (m.size() == 1 && m.containsKey("Fn::Sub")) {
                    return Cfn.map("Fn::Sub", rewriteSub(m.get("Fn::Sub"), stack));
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.put(String.valueOf(e.getKey()), rewrite(e.getValue(), stack));
                }
                return out;
            }
            if (value instanceof List<?> l) {
                List<Object> out = new ArrayList<>(l.size());
                for (Object v : l) {
                    out.add(rewrite(v, stack));
                }
                return out;
            }
            return value;
        }

        private Object rewriteSub(Object sub, String stack) {
            String text;
            Object variables = null;
            if (sub instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) {
                text = s;
                variables = l.size() > 1 ? rewrite(l.get(1), stack) : null;
            } else if (sub instanceof String s) {
                text = s;
            } else {
                return rewrite(sub, stack);
            }
            Set<String> local = variables instanceof Map<?, ?> vm ? ((Map<String, Object>) vm).keySet() : Set.of();
            Matcher matcher = SUB_TOKEN.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (matcher.find()) {
                String id = matcher.group(1);
                String attribute = matcher.group(2) == null ? null : matcher.group(2).substring(1);
                String replacement = matcher.group(0);
                if (!local.contains(id) && isResource(id) && !java.util.Objects.equals(owner.get(id), stack)) {
                    Object ref = reference(id, attribute, stack, null);
                    if (ref instanceof Map<?, ?> rm && rm.get("Ref") instanceof String param) {
                        replacement = "${" + param + "}";
                    } else if (ref instanceof Map<?, ?> rm && rm.get("Fn::GetAtt") instanceof List<?> ga) {
                        replacement = "${" + ga.get(0) + "." + ga.get(1) + "}";
                    }
                }
                matcher.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(sb);
            return variables == null ? sb.toString() : Cfn.list(sb.toString(), variables);
        }

        /** A reference from {@code fromStack} (null = root) to resource {@code id} (attribute null = Ref). */
        private Object reference(String id, String attribute, String fromStack, Object original) {
            String targetStack = owner.get(id);
            Object direct = attribute == null ? Cfn.ref(id) : Cfn.getAtt(id, attribute);
            if (java.util.Objects.equals(targetStack, fromStack)) {
                return original != null ? original : direct;
            }
            String name = id + (attribute == null ? "" : Naming.alphanumeric(attribute));
            Object valueInRoot = direct;
            if (targetStack != null) {
                section(nested.get(targetStack), "Outputs").putIfAbsent("O" + name, Cfn.map("Value", direct));
                valueInRoot = Cfn.getAtt(targetStack, "Outputs.O" + name);
            }
            if (fromStack == null) {
                return valueInRoot;
            }
            section(nested.get(fromStack), "Parameters").putIfAbsent("P" + name, Cfn.map("Type", "String"));
            Map<String, Object> values = parameterValues.get(fromStack);
            if (values == null) {
                values = new LinkedHashMap<>();
                parameterValues.put(fromStack, values);
            }
            values.putIfAbsent("P" + name, valueInRoot);
            return Cfn.ref("P" + name);
        }

        private static String getAttTarget(Object getAtt) {
            if (getAtt instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) {
                return s;
            }
            if (getAtt instanceof String s && s.contains(".")) {
                return s.substring(0, s.indexOf('.'));
            }
            return null;
        }

        private static String getAttAttribute(Object getAtt) {
            if (getAtt instanceof List<?> l && l.size() > 1) {
                return String.valueOf(l.get(1));
            }
            return ((String) getAtt).substring(((String) getAtt).indexOf('.') + 1);
        }
    }
}
