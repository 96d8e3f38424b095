package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is deployed: printed after deploy and by info, and written as {@code target/serverless/deploy-report.json}.
 * Holds only names, ARNs, URLs and stack outputs (no parameters, no environment, no secrets).
 *
 * @param result "deployed", "unchanged" (nothing to deploy) or "info"
 * @param elapsedMillis the deploy's duration, or -1 for info
 */
public record DeployReport(
        String service,
        String stage,
        String region,
        String stack,
        String stackStatus,
        String result,
        List<String> endpoints,
        List<FunctionInfo> functions,
        Map<String, String> outputs,
        long elapsedMillis) {

    public record FunctionInfo(String key, String name, String arn, String logGroup) {}

    public DeployReport withResult(String newResult, long elapsed) {
        return new DeployReport(service, stage, region, stack, stackStatus, newResult, endpoints, functions, outputs,
                elapsed);
    }

    /** The summary as plain lines; outputs only when {@code withOutputs}. */
    public List<String> lines(boolean withOutputs) {
        List<String> out = new ArrayList<>();
        out.add("service: " + service);
        out.add("stage: " + stage);
        out.add("region: " + region);
        out.add("stack: " + stack + (stackStatus != null ? " (" + stackStatus + ")" : ""));
        if (!endpoints.isEmpty()) {
            out.add("endpoints:");
            endpoints.forEach(e -> out.add("  " + e));
        }
        if (!functions.isEmpty()) {
            out.add("functions:");
            functions.forEach(f -> out.add("  " + f.key() + ": " + f.name() + " (" + f.arn() + ", logs: "
                    + f.logGroup() + ")"));
        }
        if (withOutputs && !outputs.isEmpty()) {
            out.add("outputs:");
            outputs.forEach((k, v) -> out.add("  " + k + ": " + v));
        }
        if (elapsedMillis >= 0) {
            out.add("elapsed: " + String.format(java.util.Locale.ROOT, "%.1f s", elapsedMillis / 1000.0));
        }
        return out;
    }

    /** Reads what {@link #toJson} wrote; null when {@code node} is not such an object. */
    static DeployReport parse(software.amazon.awssdk.protocols.jsoncore.JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, software.amazon.awssdk.protocols.jsoncore.JsonNode> o = node.asObject();
        List<String> endpoints = new ArrayList<>();
        if (o.get("endpoints") != null && o.get("endpoints").isArray()) {
            o.get("endpoints").asArray().forEach(e -> endpoints.add(e.asString()));
        }
        List<FunctionInfo> functions = new ArrayList<>();
        if (o.get("functions") != null && o.get("functions").isArray()) {
            o.get("functions").asArray().forEach(f -> {
                Map<String, software.amazon.awssdk.protocols.jsoncore.JsonNode> fo = f.asObject();
                functions.add(new FunctionInfo(text(fo, "key"), text(fo, "name"), text(fo, "arn"), text(fo, "logGroup")));
            });
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        if (o.get("outputs") != null && o.get("outputs").isObject()) {
            o.get("outputs").asObject().forEach((k, v) -> outputs.put(k, v.isNull() ? null : v.asString()));
        }
        return new DeployReport(text(o, "service"), text(o, "stage"), text(o, "region"), text(o, "stack"),
                text(o, "stackStatus"), text(o, "result"), endpoints, functions, outputs, -1);
    }

    private static String text(Map<String, software.amazon.awssdk.protocols.jsoncore.JsonNode> o, String key) {
        var v = o.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    public DeployReport withStackStatus(String status) {
        return new DeployReport(service, stage, region, stack, status, result, endpoints, functions, outputs,
                elapsedMillis);
    }

    public String toJson() {
        List<Object> fns = new ArrayList<>();
        functions.forEach(f -> fns.add(Cfn.map("key", f.key(), "name", f.name(), "arn", f.arn(), "logGroup",
                f.logGroup())));
        Map<String, Object> root = new LinkedHashMap<>(Cfn.map("service", service, "stage", stage, "region", region,
                "stack", stack, "stackStatus", stackStatus, "result", result, "endpoints", endpoints,
                "functions", fns, "outputs", new LinkedHashMap<>(outputs)));
        if (elapsedMillis >= 0) {
            root.put("elapsedMillis", elapsedMillis);
        }
        return Json.pretty(root);
    }
}
