package io.github.serverlessmaven.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Logical id to resource type, read from a template's JSON. */
final class TemplateResources {

    private TemplateResources() {}

    static Map<String, String> of(String template) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode resources = JsonNode.parser().parse(template).asObject().get("Resources");
        if (resources != null && resources.isObject()) {
            resources.asObject().forEach((id, r) -> {
                JsonNode type = r.isObject() ? r.asObject().get("Type") : null;
                out.put(id, type != null && type.isString() ? type.asString() : "?");
            });
        }
        return out;
    }
}
