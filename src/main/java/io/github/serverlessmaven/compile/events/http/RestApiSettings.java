package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.Provider;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code provider.apiGateway} and the other provider keys that shape the REST API, read once.
 *
 * @param restApiId an existing API to add methods to (string or intrinsic), or null to create one
 * @param restApiResources resources that already exist in that API: path (without leading or trailing slash)
 *     to resource id
 * @param apiKeys the raw {@code apiKeys} list, or null
 * @param usagePlan the raw {@code usagePlan} (map or list), or null
 * @param deploymentStage {@code apiGateway.stage} or the service stage
 * @param providerSchemas {@code apiGateway.request.schemas}: id to {schema, name, description}
 */
public record RestApiSettings(
        Object restApiId,
        Object restApiRootResourceId,
        Map<String, Object> restApiResources,
        String name,
        String endpointType,
        Object vpcEndpointIds,
        List<Object> binaryMediaTypes,
        Boolean disableDefaultEndpoint,
        Object resourcePolicy,
        String apiKeySourceType,
        Integer minimumCompressionSize,
        String description,
        String deploymentStage,
        Map<String, Object> providerSchemas,
        Node apiKeys,
        Node usagePlan,
        String apiKeysPath,
        String usagePlanPath,
        Position position) {

    private static final Set<String> KEYS = Set.of("apiKeys", "apiKeySourceType", "binaryMediaTypes", "description",
            "disableDefaultEndpoint", "metrics", "minimumCompressionSize", "resourcePolicy", "restApiId",
            "restApiResources", "restApiRootResourceId", "request", "shouldStartNameWithService", "stage", "usagePlan",
            "websocketApiId");

    public static RestApiSettings read(CompileContext context) {
        Provider provider = context.service().provider();
        ConfigReader p = new ConfigReader(provider.raw(), "provider");
        ConfigReader g = p.optMap("apiGateway")
                .orElse(new ConfigReader(MapNode.empty(provider.raw().position()), "provider.apiGateway"));
        g.checkKnownKeys(KEYS, context.diagnostics());
        String stage = context.stage();
        Object restApiId = g.plain("restApiId");
        Object rootId = g.plain("restApiRootResourceId");
        if (restApiId != null && rootId == null) {
            throw g.error("restApiId", "'provider.apiGateway.restApiRootResourceId' is required when "
                    + "'restApiId' is given", "add 'restApiRootResourceId:' with the root resource id of that API");
        }
        if (restApiId != null) {
            ConfigReader logs = p.optMap("logs").orElse(null);
            if (logs != null && logs.has("restApi")) {
                throw logs.error("restApi", "'provider.logs.restApi' has no effect on an API imported with "
                        + "'provider.apiGateway.restApiId'", "remove it, or configure logging where the API is defined");
            }
        }
        warnUnsupported(p, context);

        String endpointType = provider.endpointType() != null ? provider.endpointType().toUpperCase(Locale.ROOT)
                : "EDGE";
        Object vpcEndpointIds = p.plain("vpcEndpointIds");
        if (vpcEndpointIds != null && !endpointType.equals("PRIVATE")) {
            throw p.error("vpcEndpointIds", "VPC endpoint IDs are only available for private APIs",
                    "set 'provider.endpointType: PRIVATE' or remove 'vpcEndpointIds'");
        }
        List<Object> binaryMediaTypes = null;
        if (g.has("binaryMediaTypes")) {
            binaryMediaTypes = new ArrayList<>(g.stringList("binaryMediaTypes"));
        }
        String name = Naming.apiGatewayName(context.service().name(), stage, provider.apiName(),
                g.bool("shouldStartNameWithService", false));
        return new RestApiSettings(restApiId, rootId, restApiResources(g), name, endpointType, vpcEndpointIds, binaryMediaTypes,
                g.optBool("disableDefaultEndpoint").orElse(null), resourcePolicy(g),
                upperCase(g.optEnum("apiKeySourceType", List.of("HEADER", "AUTHORIZER", "header", "authorizer"))
                        .orElse(null)),
                g.optInt("minimumCompressionSize", 0, 10485760).orElse(null),
                g.optString("description").orElse(null),
                g.optString("stage").orElse(stage),
                providerSchemas(g, context),
                g.raw("apiKeys"), g.raw("usagePlan"), g.childPath("apiKeys"), g.childPath("usagePlan"),
                g.position());
    }

    /** {@code restApiResources} as a map {path: id} or a list of {path, resourceId}. */
    private static Map<String, Object> restApiResources(ConfigReader g) {
        Node raw = g.raw("restApiResources");
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        String path = g.childPath("restApiResources");
        if (raw instanceof MapNode) {
            ConfigReader map = ConfigReader.of(raw, path);
            for (String key : map.keys()) {
                out.put(stripSlashes(key), map.plain(key));
            }
            return out;
        }
        if (!(raw instanceof ListNode list)) {
            throw ConfigReader.typeError(raw, path, "a map of path to resource id");
        }
        for (int i = 0; i < list.items().size(); i++) {
            ConfigReader item = ConfigReader.of(list.items().get(i), path + "[" + i + "]");
            String fix = "give each item a 'path' and a 'resourceId'";
            out.put(stripSlashes(item.string("path", fix)), item.string("resourceId", fix));
        }
        return out;
    }

    private static String stripSlashes(String path) {
        return path.replaceFirst("^/", "").replaceFirst("/$", "");
    }

    private static Map<String, Object> providerSchemas(ConfigReader g, CompileContext context) {
        ConfigReader request = g.optMap("request").orElse(null);
        if (request == null) {
            return Map.of();
        }
        request.checkKnownKeys(Set.of("schemas"), context.diagnostics());
        ConfigReader schemas = request.optMap("schemas").orElse(null);
        if (schemas == null) {
            return Map.of();
        }
        for (String id : schemas.keys()) {
            ConfigReader schema = ConfigReader.of(schemas.raw(id), schemas.childPath(id));
            schema.checkKnownKeys(Set.of("schema", "name", "description"), context.diagnostics());
            if (!schema.has("schema")) {
                throw new ConfigException(schema.position(), schema.path(), "missing required property 'schema'",
                        "put the JSON schema under 'schema:'");
            }
        }
        return request.plainMap("schemas");
    }

    /** REST API id as templates reference it: the imported id, or a Ref to ApiGatewayRestApi. */
    public Object restApiRef() {
        return restApiId != null ? restApiId : Cfn.ref(Naming.restApiLogicalId());
    }

    public Object rootResourceRef() {
        return restApiRootResourceId != null ? restApiRootResourceId
                : Cfn.getAtt(Naming.restApiLogicalId(), "RootResourceId");
    }

    /**
     * The statements as v3 leaves them after its schema's type coercion: a single Action becomes a list, a
     * one-item Resource list becomes its item.
     */
    @SuppressWarnings("unchecked")
    private static Object resourcePolicy(ConfigReader g) {
        Object plain = g.plain("resourcePolicy");
        if (plain == null) {
            return null;
        }
        if (!(plain instanceof List<?> statements)) {
            throw ConfigReader.typeError(g.raw("resourcePolicy"), g.childPath("resourcePolicy"),
                    "a list of policy statements");
        }
        List<Object> out = new ArrayList<>();
        for (Object statement : statements) {
            if (!(statement instanceof Map<?, ?> m)) {
                out.add(statement);
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            for (String key : List.of("Action", "NotAction")) {
                if (copy.get(key) instanceof String s) {
                    copy.put(key, new ArrayList<>(List.of(s)));
                }
            }
            for (String key : List.of("Resource", "NotResource")) {
                if (copy.get(key) instanceof List<?> l && l.size() == 1 && l.get(0) instanceof String s) {
                    copy.put(key, s);
                }
            }
            out.add(copy);
        }
        return out;
    }

    private static String upperCase(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static void warnUnsupported(ConfigReader p, CompileContext context) {
        ConfigReader logs = p.optMap("logs").orElse(null);
        if (logs != null && logs.has("restApi")) {
            context.diagnostics().warn(logs.raw("restApi").position(), logs.childPath("restApi"),
                    "REST API access logging is not supported by serverless-maven-plugin yet and is ignored",
                    "remove it, or configure the stage's logging outside this service");
        }
        ConfigReader tracing = p.optMap("tracing").orElse(null);
        if (tracing != null && tracing.bool("apiGateway", false)) {
            context.diagnostics().warn(tracing.raw("apiGateway").position(), tracing.childPath("apiGateway"),
                    "X-Ray tracing of the REST API stage is not supported by serverless-maven-plugin yet and is "
                            + "ignored", "enable tracing on the stage outside this service");
        }
    }
}
