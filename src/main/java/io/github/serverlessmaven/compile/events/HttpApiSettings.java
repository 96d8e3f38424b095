package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code provider.httpApi} and {@code provider.logs.httpApi}, read once per template as v3's
 * {@code resolveConfiguration} does.
 *
 * @param id an external HTTP API id (no Api/Stage resources are generated then), or null
 * @param cors null when CORS is off
 * @param authorizers by their key under {@code provider.httpApi.authorizers}, in configuration order
 * @param accessLogFormat null when access logs are off
 */
record HttpApiSettings(
        Object id,
        String name,
        boolean shouldStartNameWithService,
        boolean metrics,
        Boolean disableDefaultEndpoint,
        String payload,
        Cors cors,
        Map<String, Authorizer> authorizers,
        String accessLogFormat,
        String path) {

    static final List<String> DEFAULT_CORS_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization",
            "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Amzn-Trace-Id");

    /** v3's default access log format: JSON.stringify of these fields, in this order. */
    static final String DEFAULT_ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\","
            + "\"httpMethod\":\"$context.httpMethod\",\"routeKey\":\"$context.routeKey\","
            + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\","
            + "\"responseLength\":\"$context.responseLength\"}";

    /**
     * @param allowedMethods null until filled: when the user gives none, v3 starts from OPTIONS and adds
     *     every route's method
     */
    record Cors(Boolean allowCredentials, Set<String> allowedHeaders, Set<String> allowedMethods,
            Set<String> allowedOrigins, Set<String> exposedResponseHeaders, Object maxAge, boolean fillMethods) {}

    /**
     * @param name the authorizer's name in API Gateway (its {@code name}, else its key)
     * @param function the service function behind a request authorizer given by functionName, else null
     */
    record Authorizer(String key, String name, String type, List<Object> identitySource, String issuerUrl,
            List<Object> audience, FunctionDef function, Object functionArn, boolean managedExternally,
            Object resultTtlInSeconds, Object enableSimpleResponses, String payloadVersion) {

        boolean isRequest() {
            return "request".equals(type);
        }
    }

    static HttpApiSettings read(CompileContext context) {
        ConfigReader provider = new ConfigReader(context.service().provider().raw(), "provider");
        ConfigReader http = provider.optMap("httpApi").orElseGet(
                () -> new ConfigReader(MapNode.empty(provider.position()), "provider.httpApi"));
        http.checkKnownKeys(Set.of("id", "name", "payload", "cors", "authorizers", "metrics", "disableDefaultEndpoint",
                "shouldStartNameWithService", "useProviderTags"), context.diagnostics());
        Object id = http.plain("id");
        Cors cors = readCors(http, id);
        Map<String, Authorizer> authorizers = readAuthorizers(context, http, id);
        String accessLogFormat = readAccessLogFormat(provider, id);
        return new HttpApiSettings(id, http.optString("name").orElse(null),
                http.bool("shouldStartNameWithService", false), http.bool("metrics", false),
                http.optBool("disableDefaultEndpoint").orElse(null), http.optEnum("payload", List.of("1.0", "2.0")).orElse(null), cors,
                authorizers, accessLogFormat, http.path());
    }

    private static Cors readCors(ConfigReader http, Object id) {
        Node node = http.raw("cors");
        if (node == null || node instanceof ScalarNode s && Boolean.FALSE.equals(s.value())) {
            return null;
        }
        if (id != null) {
            throw http.error("cors", "CORS cannot be set up for an externally configured HTTP API "
                    + "(provider.httpApi.id)", "configure CORS where that API is defined, or remove provider.httpApi.id");
        }
        if (node instanceof ScalarNode s && Boolean.TRUE.equals(s.value())) {
            return new Cors(null, new LinkedHashSet<>(DEFAULT_CORS_HEADERS), new LinkedHashSet<>(List.of("OPTIONS")),
                    new LinkedHashSet<>(List.of("*")), null, null, true);
        }
        ConfigReader c = ConfigReader.of(node, http.childPath("cors"));
        Set<String> origins = c.has("allowedOrigins") ? new LinkedHashSet<>(c.stringList("allowedOrigins"))
                : new LinkedHashSet<>(List.of("*"));
        Set<String> headers = c.has("allowedHeaders") ? new LinkedHashSet<>(c.stringList("allowedHeaders"))
                : new LinkedHashSet<>(DEFAULT_CORS_HEADERS);
        boolean fill = !c.has("allowedMethods");
        Set<String> methods = fill ? new LinkedHashSet<>(List.of("OPTIONS"))
                : new LinkedHashSet<>(c.stringList("allowedMethods"));
        Set<String> exposed = c.has("exposedResponseHeaders")
                ? new LinkedHashSet<>(c.stringList("exposedResponseHeaders")) : null;
        return new Cors(c.bool("allowCredentials", false) ? Boolean.TRUE : null, headers, methods, origins, exposed,
                c.optInt("maxAge", -1, 86400).orElse(null), fill);
    }

    private static Map<String, Authorizer> readAuthorizers(CompileContext context, ConfigReader http, Object id) {
        Map<String, Authorizer> out = new LinkedHashMap<>();
        ConfigReader all = http.optMap("authorizers").orElse(null);
        if (all == null) {
            return out;
        }
        if (id != null) {
            throw http.error("authorizers", "authorizers cannot be set up for an externally configured HTTP API "
                    + "(provider.httpApi.id)", "reference the existing authorizer with 'authorizer: {id: ...}' "
                    + "on the event instead");
        }
        for (String key : all.keys()) {
            ConfigReader a = ConfigReader.of(all.node().get(key), all.childPath(key));
            a.checkKnownKeys(Set.of("type", "name", "identitySource", "issuerUrl", "audience", "functionName",
                    "functionArn", "managedExternally", "resultTtlInSeconds", "enableSimpleResponses",
                    "payloadVersion"), context.diagnostics());
            String type = a.optEnum("type", List.of("jwt", "request")).orElse(null);
            FunctionDef function = null;
            if ("request".equals(type)) {
                if (a.has("functionArn") == a.has("functionName")) {
                    throw new ConfigException(a.position(), a.path(), "a request authorizer needs exactly one of "
                            + "'functionName' and 'functionArn'", "set functionName to a function of this service, "
                            + "or functionArn to a Lambda ARN");
                }
                if (a.has("functionName")) {
                    String fn = a.optString("functionName").orElseThrow();
                    function = context.function(fn);
                    if (function == null) {
                        throw a.error("functionName", "function '" + fn + "' for HTTP API authorizer '" + key
                                + "' is not defined in this service", "use one of "
                                + context.service().functions().keySet());
                    }
                }
                if (a.has("resultTtlInSeconds") && !Integer.valueOf(0).equals(a.plain("resultTtlInSeconds"))
                        && !a.has("identitySource")) {
                    throw a.error("resultTtlInSeconds", "'identitySource' has to be set on authorizer '" + key
                            + "' when 'resultTtlInSeconds' is not 0", "add identitySource, such as "
                            + "$request.header.Authorization");
                }
            } else {
                if (!a.has("issuerUrl") || !a.has("audience")) {
                    throw new ConfigException(a.position(), a.path(), "a JWT authorizer needs 'issuerUrl' and "
                            + "'audience'", "set both, or set 'type: request' for a Lambda authorizer");
                }
            }
            List<Object> identitySource = new ArrayList<>(plainList(a.plain("identitySource")));
            List<Object> audience = a.has("audience") ? uniqueList(a.plain("audience")) : null;
            out.put(key, new Authorizer(key, a.optString("name").orElse(key), type, identitySource,
                    a.optString("issuerUrl").orElse(null), audience, function, a.plain("functionArn"),
                    a.bool("managedExternally", false), a.plain("resultTtlInSeconds"),
                    a.plain("enableSimpleResponses"), a.optString("payloadVersion").orElse("2.0")));
        }
        return out;
    }

    private static String readAccessLogFormat(ConfigReader provider, Object id) {
        ConfigReader logs = provider.optMap("logs").orElse(null);
        if (logs == null) {
            return null;
        }
        Node node = logs.raw("httpApi");
        if (node == null || node instanceof ScalarNode s && Boolean.FALSE.equals(s.value())) {
            return null;
        }
        if (id != null) {
            throw logs.error("httpApi", "access logs cannot be set up for an externally configured HTTP API "
                    + "(provider.httpApi.id)", "remove provider.logs.httpApi");
        }
        if (node instanceof MapNode) {
            return ConfigReader.of(node, logs.childPath("httpApi")).optString("format")
                    .orElse(DEFAULT_ACCESS_LOG_FORMAT);
        }
        return DEFAULT_ACCESS_LOG_FORMAT;
    }

    static List<Object> plainList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
    }

    /** v3's {@code Array.from(toSet(x))}: a value or list, duplicates dropped, order kept. */
    static List<Object> uniqueList(Object value) {
        return new ArrayList<>(new LinkedHashSet<>(plainList(value)));
    }
}
