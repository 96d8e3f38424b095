package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * v3's finalize step: export names on generated outputs, a deep merge of {@code resources:} over the
 * generated template (user keys win), {@code resources.extensions}, then null properties stripped.
 */
public final class ResourcesMerger {

    private static final List<String> EXTENSION_ATTRIBUTES = List.of("Condition", "CreationPolicy", "DeletionPolicy",
            "UpdatePolicy", "UpdateReplacePolicy", "Properties", "DependsOn", "Metadata");

    @SuppressWarnings("unchecked")
    public void merge(Service service, Template template) {
        for (Map.Entry<String, Object> output : template.outputs().entrySet()) {
            Map<String, Object> value = (Map<String, Object>) output.getValue();
            value.putIfAbsent("Export", Cfn.map("Name", Naming.exportName(service.name(), service.stage(),
                    output.getKey())));
        }
        Map<String, Object> resources = new LinkedHashMap<>(service.resources());
        Object extensions = resources.remove("extensions");
        deepMerge(template.root(), resources);
        if (extensions instanceof Map<?, ?> ext) {
            applyExtensions(service, template, (Map<String, Object>) ext);
        }
        checkMerged(service, template);
        for (Object resource : template.resources().values()) {
            if (resource instanceof Map<?, ?> r && r.get("Properties") instanceof Map<?, ?> props) {
                props.values().removeAll(Collections.singleton(null));
            }
        }
    }

    /**
     * A resource of {@code resources.Resources} may leave out {@code Type} only when it overrides one this
     * plugin generates, and an output its {@code Value} likewise; what is still missing after the merge would
     * be rejected by CloudFormation at deploy time, so it is reported here, at the line the user wrote.
     */
    private static void checkMerged(Service service, Template template) {
        Node resourcesNode = service.root() == null ? null : service.root().get("resources");
        if (!(resourcesNode instanceof MapNode userResources)) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        if (userResources.get("Resources") instanceof MapNode declared) {
            for (String id : declared.entries().keySet()) {
                if (template.resources().get(id) instanceof Map<?, ?> merged && !(merged.get("Type") instanceof String)) {
                    problems.add(new Problem(declared.keyPosition(id), "resources.Resources." + id,
                            "the resource has no Type, and " + id + " is not a resource this plugin generates",
                            "add a Type such as 'Type: AWS::SQS::Queue' (leaving it out only works when "
                                    + "overriding a generated resource such as HelloLambdaFunction)"));
                }
            }
        }
        if (userResources.get("Outputs") instanceof MapNode declared) {
            for (String id : declared.entries().keySet()) {
                if (template.outputs().get(id) instanceof Map<?, ?> merged && !merged.containsKey("Value")) {
                    problems.add(new Problem(declared.keyPosition(id), "resources.Outputs." + id,
                            "the output has no Value", "add one, for example 'Value: !Ref MyQueue'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> e : source.entrySet()) {
            Object existing = target.get(e.getKey());
            Object incoming = e.getValue();
            if (existing instanceof Map<?, ?> em && incoming instanceof Map<?, ?> im) {
                // In place: the template's own maps (Resources, Outputs) must stay the ones Template hands out.
                deepMerge((Map<String, Object>) em, (Map<String, Object>) im);
            } else if (existing instanceof List<?> el && incoming instanceof List<?> il) {
                // lodash merge: lists merge by index.
                List<Object> copy = new ArrayList<>(el);
                for (int i = 0; i < il.size(); i++) {
                    Object item = il.get(i);
                    if (i < copy.size() && copy.get(i) instanceof Map<?, ?> cm && item instanceof Map<?, ?> itm) {
                        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) cm);
                        deepMerge(merged, (Map<String, Object>) itm);
                        copy.set(i, merged);
                    } else if (i < copy.size()) {
                        copy.set(i, item);
                    } else {
                        copy.add(item);
                    }
                }
                target.put(e.getKey(), copy);
            } else if (incoming != null || !target.containsKey(e.getKey())) {
                target.put(e.getKey(), incoming);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyExtensions(Service service, Template template, Map<String, Object> extensions) {
        Node resourcesNode = service.root().get("resources");
        Node extensionsNode = resourcesNode instanceof MapNode m ? m.get("extensions") : null;
        for (Map.Entry<String, Object> e : extensions.entrySet()) {
            Position at = extensionsNode instanceof MapNode em ? em.keyPosition(e.getKey()) : Position.UNKNOWN;
            Map<String, Object> resource = template.resource(e.getKey());
            if (resource == null) {
                throw new ConfigException(at, "resources.extensions." + e.getKey(), "cannot extend '" + e.getKey()
                        + "': no such resource in the generated stack", "check the logical ID (for example "
                        + "HelloLambdaFunction or HelloLogGroup)");
            }
            if (!(e.getValue() instanceof Map<?, ?> attributes)) {
                continue;
            }
            for (Map.Entry<String, Object> a : ((Map<String, Object>) attributes).entrySet()) {
                String name = a.getKey();
                if (!EXTENSION_ATTRIBUTES.contains(name)) {
                    throw new ConfigException(at, "resources.extensions." + e.getKey() + "." + name,
                            "extending the '" + name + "' attribute is not supported",
                            "use one of " + EXTENSION_ATTRIBUTES);
                }
                switch (name) {
                    case "Properties", "Metadata" -> {
                        Map<String, Object> current = (Map<String, Object>) resource.computeIfAbsent(name,
                                k -> new LinkedHashMap<>());
                        current.putAll((Map<String, Object>) a.getValue());
                    }
                    case "DependsOn" -> {
                        Object current = resource.get("DependsOn");
                        List<Object> deps = new ArrayList<>();
                        if (current instanceof List<?> l) {
                            deps.addAll(l);
                        } else if (current != null) {
                            deps.add(current);
                        }
                        if (a.getValue() instanceof List<?> l) {
                            deps.addAll(l);
                        } else {
                            deps.add(a.getValue());
                        }
                        resource.put("DependsOn", deps);
                    }
                    default -> resource.put(name, a.getValue());
                }
            }
        }
    }
}
