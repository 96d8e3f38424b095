package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API keys, usage plans and usage plan keys (v3's api-keys.js, usage-plan.js, usage-plan-keys.js).
 * {@code apiKeys} items are key names, key settings, or {@code {planName: [keys]}} groups when
 * {@code usagePlan} is a list of named plans; numbering and naming follow v3 exactly, including the key
 * counter shared between plain keys and groups.
 */
final class UsagePlans {

    private static final Set<String> KEY_PROPERTIES = Set.of("name", "value", "description", "customerId", "enabled");

    private final CompileContext context;
    private final RestApiSettings api;
    private final String deploymentLogicalId;

    UsagePlans(CompileContext context, RestApiSettings api, String deploymentLogicalId) {
        this.context = context;
        this.api = api;
        this.deploymentLogicalId = deploymentLogicalId;
    }

    /** True when {@code provider.apiGateway.apiKeys} lists at least one key. */
    static boolean hasApiKeys(RestApiSettings api) {
        return api.apiKeys() instanceof ListNode l && !l.items().isEmpty();
    }

    /** One API key and the usage plan key that attaches it to its plan. */
    private record KeyEntry(String keyLogicalId, Node key, String path, String planKeyLogicalId,
            String planLogicalId) {}

    /** In v3's order: every key, then the plans, then the plan keys. */
    void compile() {
        List<Node> keys = apiKeyItems();
        boolean namedPlans = api.usagePlan() instanceof ListNode;
        List<String> planNames = namedPlans ? namedPlans() : List.of("default");
        List<KeyEntry> entries = keys != null ? resolveKeys(keys, planNames, namedPlans) : List.of();
        for (KeyEntry e : entries) {
            addKey(e.keyLogicalId(), e.key(), e.path());
        }
        compilePlans(keys != null);
        for (KeyEntry e : entries) {
            addPlanKey(e.planKeyLogicalId(), e.keyLogicalId(), e.planLogicalId());
        }
    }

    private List<Node> apiKeyItems() {
        Node raw = api.apiKeys();
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof ListNode list)) {
            throw ConfigReader.typeError(raw, api.apiKeysPath(), "a list of API keys");
        }
        return list.items();
    }

    private List<String> namedPlans() {
        List<String> names = new ArrayList<>();
        if (api.usagePlan() instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                if (!(item instanceof MapNode m) || m.entries().size() != 1) {
                    throw new ConfigException(item.position(), api.usagePlanPath() + "[" + i + "]", "expected a map "
                            + "with one key, the plan name, such as '- free: {quota: {limit: 100, period: DAY}}'",
                            "write one named plan per list item");
                }
                String name = m.entries().keySet().iterator().next();
                if (!name.matches("[A-Za-z0-9]+")) {
                    throw new ConfigException(m.keyPosition(name), api.usagePlanPath() + "[" + i + "]", "usage plan "
                            + "name '" + name + "' would give the logical ID " + Naming.usagePlanLogicalId(name)
                            + ", but CloudFormation logical IDs allow only letters and digits",
                            "rename the plan (and its API key group) using letters and digits only");
                }
                names.add(name);
            }
        }
        return names;
    }

    private void compilePlans(boolean hasKeys) {
        Node raw = api.usagePlan();
        if (raw == null && !hasKeys) {
            return;
        }
        if (raw instanceof ListNode list) {
            List<String> names = namedPlans();
            for (int i = 0; i < names.size(); i++) {
                MapNode item = (MapNode) list.items().get(i);
                String name = names.get(i);
                Map<String, Object> properties = planProperties(
                        "Usage plan \"" + name + "\" for " + service() + " " + context.stage() + " stage",
                        service() + "-" + name + "-" + context.stage());
                Node settings = item.get(name);
                if (settings instanceof MapNode) {
                    addLimits(properties, ConfigReader.of(settings, api.usagePlanPath() + "[" + i + "]." + name));
                }
                add(Naming.usagePlanLogicalId(name), properties);
            }
            return;
        }
        Map<String, Object> properties = planProperties("Usage plan for " + service() + " " + context.stage()
                + " stage", service() + "-" + context.stage());
        if (raw != null) {
            addLimits(properties, ConfigReader.of(raw, api.usagePlanPath()));
        }
        add(Naming.usagePlanLogicalId(null), properties);
    }

    private Map<String, Object> planProperties(String description, String planName) {
        return Cfn.map("ApiStages", Cfn.list(Cfn.map("ApiId", api.restApiRef(), "Stage", context.stage())),
                "Description", description, "UsagePlanName", planName);
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private void addLimits(Map<String, Object> properties, ConfigReader plan) {
        plan.checkKnownKeys(Set.of("quota", "throttle"), context.diagnostics());
        ConfigReader q = plan.optMap("quota").orElse(null);
        if (q != null) {
            q.checkKnownKeys(Set.of("limit", "offset", "period"), context.diagnostics());
            properties.put("Quota", Cfn.map("Limit", q.optInt("limit", 0, Integer.MAX_VALUE).orElse(null),
                    "Offset", q.optInt("offset", 0, Integer.MAX_VALUE).orElse(null),
                    "Period", q.optEnum("period", List.of("DAY", "WEEK", "MONTH")).orElse(null)));
        }
        ConfigReader t = plan.optMap("throttle").orElse(null);
        if (t != null) {
            t.checkKnownKeys(Set.of("burstLimit", "rateLimit"), context.diagnostics());
            properties.put("Throttle", Cfn.map("BurstLimit", t.optInt("burstLimit", 0, Integer.MAX_VALUE).orElse(null),
                    "RateLimit", t.optInt("rateLimit", 0, Integer.MAX_VALUE).orElse(null)));
        }
    }

    private void add(String logicalId, Map<String, Object> properties) {
        context.template().addResource(logicalId, Cfn.map("Type", "AWS::ApiGateway::UsagePlan",
                "DependsOn", deploymentLogicalId, "Properties", properties));
    }

    private List<KeyEntry> resolveKeys(List<Node> keys, List<String> planNames, boolean namedPlans) {
        List<KeyEntry> entries = new ArrayList<>();
        int number = 0;
        for (int i = 0; i < keys.size(); i++) {
            Node item = keys.get(i);
            String path = api.apiKeysPath() + "[" + i + "]";
            MapNode map = item instanceof MapNode m && !m.entries().isEmpty() ? m : null;
            String group = map != null ? map.entries().keySet().iterator().next() : null;
            if (group != null && namedPlans && planNames.contains(group)) {
                Node members = map.get(group);
                List<Node> list = members instanceof ListNode l ? l.items() : List.of(members);
                number = 0;
                for (int k = 0; k < list.size(); k++) {
                    number++;
                    entries.add(new KeyEntry(Naming.apiKeyLogicalId(number, group), list.get(k),
                            path + "." + group + "[" + k + "]", Naming.usagePlanKeyLogicalId(number, group),
                            Naming.usagePlanLogicalId(group)));
                }
                continue;
            }
            if (group != null && !(map.get(group) instanceof ScalarNode)) {
                throw new ConfigException(item.position(), path, "API key \"" + group + "\" has no usage plan "
                        + "defined", "add a plan named '" + group + "' to 'provider.apiGateway.usagePlan' (a list of "
                        + "named plans), or write the key as a name or {name, value, description, ...}");
            }
            if (namedPlans) {
                throw new ConfigException(item.position(), path, "with named usage plans every API key must sit in "
                        + "a plan's group (Serverless Framework would reference a usage plan that does not exist)",
                        "write it as '- <planName>: [" + describe(item) + "]'");
            }
            number++;
            entries.add(new KeyEntry(Naming.apiKeyLogicalId(number, null), item, path,
                    Naming.usagePlanKeyLogicalId(number, null), Naming.usagePlanLogicalId(null)));
        }
        return entries;
    }

    private static String describe(Node item) {
        return item instanceof ScalarNode s ? String.valueOf(s.value()) : "{name: ...}";
    }

    private void addKey(String logicalId, Node key, String path) {
        Map<String, Object> properties;
        if (key instanceof ScalarNode s && s.value() instanceof String name) {
            properties = Cfn.map("Enabled", true, "Name", name);
        } else {
            ConfigReader k = ConfigReader.of(key, path);
            k.checkKnownKeys(KEY_PROPERTIES, context.diagnostics());
            properties = Cfn.map("Enabled", k.bool("enabled", true), "Name", k.optString("name").orElse(null),
                    "Value", nonEmpty(k.optString("value").orElse(null)),
                    "Description", k.optString("description").orElse(null),
                    "CustomerId", k.optString("customerId").orElse(null));
        }
        properties.put("StageKeys", Cfn.list(Cfn.map("RestApiId", api.restApiRef(), "StageName", context.stage())));
        context.template().addResource(logicalId, Cfn.map("Type", "AWS::ApiGateway::ApiKey",
                "Properties", properties, "DependsOn", deploymentLogicalId));
    }

    private void addPlanKey(String logicalId, String keyLogicalId, String planLogicalId) {
        context.template().addResource(logicalId, Cfn.resource("AWS::ApiGateway::UsagePlanKey", Cfn.map(
                "KeyId", Cfn.ref(keyLogicalId), "KeyType", "API_KEY", "UsagePlanId", Cfn.ref(planLogicalId))));
    }

    private String service() {
        return context.service().name();
    }
}
