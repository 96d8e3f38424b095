package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * What the last successful deploy left in the bucket ({@code serverless-state.json}, uploaded only once the stack
 * update succeeded): the template's digest and, per artifact name, where it lives and its digest. The next deploy
 * compares against it to skip unchanged uploads, or the whole deploy.
 */
public record DeployedState(String templateSha256, Map<String, StoredArtifact> artifacts) {

    public static final String FILE = "serverless-state.json";

    public record StoredArtifact(String key, String sha256) {}

    public String toJson(String service, String stage) {
        Map<String, Object> files = new LinkedHashMap<>();
        artifacts.forEach((name, a) -> files.put(name, Cfn.map("key", a.key(), "sha256", a.sha256())));
        return Json.pretty(Cfn.map("service", service, "stage", stage, "templateSha256", templateSha256,
                "artifacts", files));
    }

    public static DeployedState parse(String json) {
        return parse(JsonNode.parser().parse(json));
    }

    public static DeployedState parse(JsonNode json) {
        Map<String, JsonNode> root = json.asObject();
        Map<String, StoredArtifact> artifacts = new LinkedHashMap<>();
        JsonNode files = root.get("artifacts");
        if (files != null && files.isObject()) {
            files.asObject().forEach((name, node) -> {
                Map<String, JsonNode> f = node.asObject();
                artifacts.put(name, new StoredArtifact(f.get("key").asString(), f.get("sha256").asString()));
            });
        }
        JsonNode template = root.get("templateSha256");
        return new DeployedState(template == null || template.isNull() ? null : template.asString(), artifacts);
    }
}
