package io.github.serverlessmaven.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudFormation template under construction. Compilers add resources and outputs; it is written once at
 * the end. Values are plain Java maps and lists, so user-supplied CloudFormation passes through untouched.
 */
public final class Template {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final Map<String, Object> attachments = new LinkedHashMap<>();

    public Template(String description) {
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put("Description", description);
        root.put("Resources", resources);
        root.put("Outputs", outputs);
    }

    public Map<String, Object> root() {
        return root;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resources() {
        return resources;
    }

    public Map<String, Object> outputs() {
        return outputs;
    }

    public boolean hasResource(String logicalId) {
        return resources.containsKey(logicalId);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> resource(String logicalId) {
        return (Map<String, Object>) resources.get(logicalId);
    }

    public Map<String, Object> addResource(String logicalId, Map<String, Object> resource) {
        resources.put(logicalId, resource);
        return resource;
    }

    public void addOutput(String key, Map<String, Object> output) {
        outputs.put(key, output);
    }

    /** Replaces the content with another template's (used when a template is split into nested stacks). */
    @SuppressWarnings("unchecked")
    public void replaceWith(Map<String, Object> other) {
        resources.clear();
        outputs.clear();
        Map<String, Object> newResources = (Map<String, Object>) other.getOrDefault("Resources", Map.of());
        Map<String, Object> newOutputs = (Map<String, Object>) other.getOrDefault("Outputs", Map.of());
        resources.putAll(newResources);
        outputs.putAll(newOutputs);
        root.clear();
        for (Map.Entry<String, Object> e : other.entrySet()) {
            String k = e.getKey();
            root.put(k, k.equals("Resources") ? resources : k.equals("Outputs") ? outputs : e.getValue());
        }
    }

    /**
     * Side files written next to the template (file name to JSON value), for what CloudFormation cannot do and
     * the deploy goal does through the API, such as notifications on existing S3 buckets.
     */
    public Map<String, Object> attachments() {
        return attachments;
    }

    public String toJson() {
        return Json.pretty(root);
    }
}
