package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one {@code http} event the way v3's validate.js does, rejecting what v3 would reject or break on. */
public final class HttpEventParser {

    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE",
            "ANY");

    private static final Set<String> EVENT_KEYS = Set.of("async", "authorizer", "connectionId", "connectionType",
            "cors", "integration", "method", "operationId", "path", "private", "request", "response");
    private static final Set<String> REQUEST_KEYS = Set.of("contentHandling", "method", "parameters", "passThrough",
            "schemas", "template", "uri");
    private static final List<String> PROXY_REQUEST_KEYS = List.of("parameters", "schema", "schemas");
    private static final List<String> HTTP_PROXY_REQUEST_KEYS = List.of("parameters", "uri", "schema", "schemas");
    private static final Set<String> RESPONSE_KEYS = Set.of("contentHandling", "headers", "template", "statusCodes");
    private static final List<String> CONTENT_HANDLING = List.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT");
    private static final Pattern SHORTHAND = Pattern.compile("^(\\S+) (/\\S*)$");
    /** API Gateway path parts: {name}, {name+} or literal characters; no spaces, query or fragment marks. */
    private static final Pattern PATH_PART = Pattern.compile("\\{[A-Za-z0-9._-]+\\+?}|[A-Za-z0-9._~:@!$&'()*+,;=-]+");

    private final CompileContext context;

    public HttpEventParser(CompileContext context) {
        this.context = context;
    }

    public HttpEvent parse(FunctionEvent functionEvent) {
        FunctionDef function = functionEvent.function();
        Node body = functionEvent.event().body();
        String path = functionEvent.event().path();
        if (body instanceof ScalarNode s && s.value() instanceof String text) {
            return parseShorthand(function, text, path, s.position());
        }
        if (!(body instanceof MapNode)) {
            throw new ConfigException(body.position(), path, "expected 'METHOD /path' (such as 'GET /users') or a map "
                    + "with 'path' and 'method', found " + body.kind(), "write for example 'http: GET /users'");
        }
        return parseObject(function, ConfigReader.of(body, path));
    }

    private HttpEvent parseShorthand(FunctionDef function, String text, String configPath, Position position) {
        Matcher m = SHORTHAND.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(position, configPath, "expected 'METHOD /path' (such as 'GET /users'), found '"
                    + text + "'", "write the method and the path separated by one space, such as 'GET "
                    + (text.trim().startsWith("/") ? text.trim() : "/" + text.trim()) + "'");
        }
        String method = checkMethod(m.group(1), position, configPath);
        String path = checkPath(m.group(2), position, configPath);
        return new HttpEvent(function, path, method, "AWS_PROXY", false, false, null, null, null, null, null, null,
                null, null, null, null, configPath, position);
    }

    private HttpEvent parseObject(FunctionDef function, ConfigReader r) {
        r.checkKnownKeys(EVENT_KEYS, context.diagnostics());
        String fix = "give the event both a 'path' and a 'method', such as 'path: users' and 'method: get'";
        String rawMethod = r.string("method", fix);
        String method = checkMethod(rawMethod, r.raw("method").position(), r.childPath("method"));
        String path = checkPath(r.string("path", fix), r.raw("path").position(), r.childPath("path"));
        boolean async = r.bool("async", false);
        String integration = integration(r, async);
        CorsConfig cors = CorsConfig.parse(r, method, context.diagnostics());
        AuthorizerConfig authorizer = r.has("authorizer") ? new AuthorizerParser(context).parse(r, integration) : null;

        ConfigReader requestReader = r.optMap("request").orElse(null);
        RequestSettings request = requestReader != null ? request(requestReader, integration)
                : new RequestSettings(null, null, null, null, null);
        String passThrough = integration.equals("AWS") && request.passThrough() == null ? "NEVER"
                : request.passThrough();
        HttpEvent.HttpBackend backend = integration.startsWith("HTTP") ? backend(r, requestReader, integration) : null;
        return new HttpEvent(function, path, method, integration, async, r.bool("private", false),
                r.optString("operationId").orElse(null), cors, authorizer, request.parameters(), request.templates(),
                request.schemas(), passThrough, request.contentHandling(), response(r, integration), backend,
                r.path(), r.position());
    }

    private record RequestSettings(Map<String, Object> parameters, Map<String, Object> templates,
            Map<String, Object> schemas, String passThrough, String contentHandling) {}

    /** The proxy integrations only take parameters and schemas (v3 drops the rest with a warning). */
    private RequestSettings request(ConfigReader request, String integration) {
        request.checkKnownKeys(REQUEST_KEYS, context.diagnostics());
        Map<String, Object> templates = null;
        String passThrough = null;
        String contentHandling = null;
        if (integration.equals("AWS_PROXY") || integration.equals("HTTP_PROXY")) {
            List<String> allowed = integration.equals("HTTP_PROXY") ? HTTP_PROXY_REQUEST_KEYS : PROXY_REQUEST_KEYS;
            List<String> dropped = request.keys().stream().filter(k -> !allowed.contains(k)).toList();
            if (!dropped.isEmpty()) {
                context.diagnostics().warn(request.position(), request.path(), "only request " + allowed
                        + " apply to the " + integration + " integration; " + dropped + " ignored, as Serverless "
                        + "Framework does", "remove them, or use a non-proxy integration");
            }
        } else {
            templates = requestTemplates(request);
            passThrough = request.optEnum("passThrough", List.of("NEVER", "WHEN_NO_MATCH", "WHEN_NO_TEMPLATES"))
                    .orElse(null);
            contentHandling = request.optEnum("contentHandling", CONTENT_HANDLING).orElse(null);
        }
        if (integration.equals("MOCK") && request.has("parameters")) {
            throw request.error("parameters", "request parameters are not supported with the mock integration "
                    + "(Serverless Framework writes them unconverted into an invalid template)",
                    "remove 'request.parameters' from the mock event");
        }
        return new RequestSettings(requestParameters(request), templates, requestSchemas(request), passThrough,
                contentHandling);
    }

    /** lambda and http get v3's default status codes; mock takes its own as given; the proxies take none. */
    private ResponseConfig response(ConfigReader r, String integration) {
        switch (integration) {
            case "AWS" -> {
                return response(r, true);
            }
            case "HTTP" -> {
                if (!r.has("response")) {
                    throw new ConfigException(r.position(), r.path(), "the http integration needs a 'response' "
                            + "(Serverless Framework v3 fails without one)", "add 'response: {statusCodes: {200: "
                            + "{pattern: \"\"}}}' or use 'integration: http-proxy'");
                }
                return response(r, true);
            }
            case "MOCK" -> {
                if (!r.has("response")) {
                    return null;
                }
                if (!ConfigReader.of(r.raw("response"), r.childPath("response")).has("statusCodes")) {
                    throw r.error("response", "a mock integration's 'response' needs 'statusCodes' (Serverless "
                            + "Framework v3 fails without them)", "add 'statusCodes: {200: {pattern: \"\"}}'");
                }
                return response(r, false);
            }
            default -> {
                if (r.has("response")) {
                    context.diagnostics().warn(r.raw("response").position(), r.childPath("response"), "'response' "
                            + "does not apply to the " + integration + " integration and is ignored, as Serverless "
                            + "Framework does", "remove it, or use a non-proxy integration");
                }
                return null;
            }
        }
    }

    private static HttpEvent.HttpBackend backend(ConfigReader r, ConfigReader request, String integration) {
        Object uri = request != null ? request.plain("uri") : null;
        if (uri == null) {
            throw new ConfigException(request != null ? request.position() : r.position(), r.childPath("request.uri"),
                    "the " + integration + " integration needs the backend URL in 'request.uri'",
                    "add 'request: {uri: https://...}'");
        }
        String method = null;
        if (integration.equals("HTTP") && request.has("method")) {
            method = checkMethod(request.optString("method").orElseThrow(), request.raw("method").position(),
                    request.childPath("method")).toUpperCase(Locale.ROOT);
        }
        String connectionType = null;
        Object connectionId = null;
        if (r.has("connectionType")) {
            String raw = r.optString("connectionType").orElseThrow();
            connectionType = raw.toUpperCase(Locale.ROOT).replaceFirst("-", "_");
            if (!connectionType.equals("VPC_LINK")) {
                throw r.error("connectionType", "unknown connectionType '" + raw + "'", "write 'vpc-link'");
            }
            connectionId = r.plain("connectionId");
            if (connectionId == null) {
                throw r.error("connectionType", "the vpc-link connection type needs a 'connectionId'",
                        "add 'connectionId:' with the VPC link id");
            }
        }
        return new HttpEvent.HttpBackend(uri, method, connectionType, connectionId);
    }

    private static String checkMethod(String raw, Position position, String configPath) {
        String upper = raw.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            String suggestion = ConfigReader.closest(upper, METHODS);
            throw new ConfigException(position, configPath, "unknown HTTP method '" + raw + "', expected one of "
                    + METHODS, suggestion != null ? "write '" + suggestion.toLowerCase(Locale.ROOT) + "'"
                    : "use one of " + METHODS);
        }
        return upper.toLowerCase(Locale.ROOT);
    }

    /** v3 strips one leading and one trailing slash; every remaining segment must be a valid path part. */
    private static String checkPath(String raw, Position position, String configPath) {
        String path = raw.replaceFirst("^/", "").replaceFirst("/$", "");
        if (path.isEmpty()) {
            return path;
        }
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean greedy = part.endsWith("+}");
            if (!PATH_PART.matcher(part).matches() || (greedy && i < parts.length - 1)) {
                String why = part.isEmpty() ? "an empty segment (two slashes in a row)"
                        : greedy ? "a greedy parameter '" + part + "' that is not the last segment"
                        : "the segment '" + part + "' with characters API Gateway does not allow";
                throw new ConfigException(position, configPath, "invalid path '" + raw + "': it has " + why,
                        "use letters, digits and -._~:@!$&'()*+,;= in segments, and {name} or a final {name+} for "
                                + "path parameters");
            }
        }
        return path;
    }

    private static String integration(ConfigReader r, boolean async) {
        String raw = r.optString("integration").orElse(null);
        if (raw == null) {
            return async ? "AWS" : "AWS_PROXY";
        }
        String normalized = raw.toUpperCase(Locale.ROOT).replaceFirst("-", "_");
        return switch (normalized) {
            case "LAMBDA", "AWS" -> "AWS";
            case "LAMBDA_PROXY", "AWS_PROXY" -> "AWS_PROXY";
            case "HTTP", "HTTP_PROXY", "MOCK" -> normalized;
            default -> throw r.error("integration", "unknown integration '" + raw + "', expected lambda-proxy, "
                    + "lambda, http, http-proxy or mock", "write 'integration: lambda-proxy' (the default) or "
                    + "another of those");
        };
    }

    private static Map<String, Object> requestParameters(ConfigReader request) {
        ConfigReader p = request.optMap("parameters").orElse(null);
        if (p == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String location : List.of("querystrings", "paths", "headers")) {
            ConfigReader section = p.optMap(location).orElse(null);
            if (section == null) {
                continue;
            }
            String singular = location.substring(0, location.length() - 1);
            for (String key : section.keys()) {
                Node value = section.raw(key);
                Object plain;
                if (value instanceof MapNode) {
                    ConfigReader v = ConfigReader.of(value, section.childPath(key));
                    Map<String, Object> spec = new LinkedHashMap<>();
                    v.optBool("required").ifPresent(b -> spec.put("required", b));
                    if (v.has("mappedValue")) {
                        spec.put("mappedValue", v.plain("mappedValue"));
                    }
                    plain = spec;
                } else {
                    plain = section.optBool(key).orElse(false);
                }
                out.put("method.request." + singular + "." + key, plain);
            }
        }
        for (String key : p.keys()) {
            if (!List.of("querystrings", "paths", "headers").contains(key)) {
                throw p.error(key, "unknown request parameter location '" + key + "'",
                        "use querystrings, paths or headers");
            }
        }
        return out;
    }

    private static Map<String, Object> requestSchemas(ConfigReader request) {
        Node raw = request.raw("schemas");
        if (raw == null) {
            return null;
        }
        ConfigReader schemas = ConfigReader.of(raw, request.childPath("schemas"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String contentType : schemas.keys()) {
            Node schema = schemas.raw(contentType);
            if (!(schema instanceof MapNode) && !(schema instanceof ScalarNode s && s.value() instanceof String)) {
                throw ConfigReader.typeError(schema == null ? schemas.node() : schema,
                        schemas.childPath(contentType), "a JSON schema (map) or the name of a provider schema");
            }
            out.put(contentType, schema.toPlain());
        }
        return out;
    }

    private static Map<String, Object> requestTemplates(ConfigReader request) {
        Node raw = request.raw("template");
        if (raw == null) {
            return null;
        }
        ConfigReader t = ConfigReader.of(raw, request.childPath("template"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String contentType : t.keys()) {
            out.put(contentType, t.raw(contentType) == null ? null : t.optString(contentType).orElseThrow());
        }
        return out;
    }

    /** @param v3Defaults add v3's default status codes and the 200 catch-all (lambda and http, not mock) */
    private ResponseConfig response(ConfigReader r, boolean v3Defaults) {
        ConfigReader resp = r.optMap("response").orElse(null);
        if (resp == null) {
            return new ResponseConfig(null, null, null, LambdaTemplates.defaultStatusCodes());
        }
        resp.checkKnownKeys(RESPONSE_KEYS, context.diagnostics());
        Map<String, Map<String, Object>> codes;
        ConfigReader statusCodes = resp.optMap("statusCodes").orElse(null);
        if (statusCodes == null) {
            codes = LambdaTemplates.defaultStatusCodes();
        } else {
            TreeMap<String, Map<String, Object>> sorted = new TreeMap<>();
            for (String code : statusCodes.keys()) {
                if (!code.matches("\\d{3}")) {
                    throw statusCodes.error(code, "status code '" + code + "' is not a 3-digit HTTP status",
                            "use codes such as 200 or 404");
                }
                ConfigReader c = ConfigReader.of(statusCodes.raw(code), statusCodes.childPath(code));
                c.checkKnownKeys(Set.of("headers", "pattern", "template"), context.diagnostics());
                Map<String, Object> spec = new LinkedHashMap<>();
                c.optString("pattern").ifPresent(v -> spec.put("pattern", v));
                if (c.has("headers")) {
                    spec.put("headers", c.plainMap("headers"));
                }
                if (c.has("template")) {
                    spec.put("template", c.plain("template"));
                }
                sorted.put(code, spec);
            }
            if (v3Defaults && sorted.values().stream().noneMatch(v -> "".equals(v.get("pattern")))) {
                sorted.put("200", new LinkedHashMap<>(Map.of("pattern", "")));
            }
            codes = new LinkedHashMap<>(sorted);
        }
        return new ResponseConfig(resp.has("headers") ? resp.plainMap("headers") : null,
                resp.optString("template").orElse(null),
                resp.optEnum("contentHandling", CONTENT_HANDLING).orElse(null), codes);
    }
}
