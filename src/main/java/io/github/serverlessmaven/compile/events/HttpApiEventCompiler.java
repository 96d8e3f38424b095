package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.compile.events.HttpApiSettings.Authorizer;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API Gateway v2 HTTP API ({@code httpApi} events): one shared API with its {@code $default} stage, one
 * integration and permission per function, one route per method and path, and the provider's authorizers,
 * as v3's {@code http-api.js}.
 */
public final class HttpApiEventCompiler implements EventCompiler {

    /** In v3's order: the CORS method fill for {@code *} routes follows it. */
    static final List<String> METHODS = List.of("ANY", "GET", "POST", "PUT", "PATCH", "OPTIONS", "HEAD", "DELETE");

    private static final Pattern METHOD_PATH = Pattern.compile("^(?i:(\\S+)) (/\\S*)$");
    private static final Pattern PATH = Pattern.compile("^(?:\\*|/\\S*)$");

    @Override
    public String type() {
        return "httpApi";
    }

    /** One route: the function behind it and its authorization. */
    private record Route(String key, FunctionDef function, EventSpec event, RouteAuth auth) {}

    /** @param type request, jwt or aws_iam; {@code id} set for an external authorizer */
    private record RouteAuth(String type, Authorizer authorizer, Object id, List<Object> scopes) {}

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        HttpApiSettings settings = HttpApiSettings.read(context);
        Map<String, Route> routes = new LinkedHashMap<>();
        for (FunctionEvent fe : events) {
            Route route = parse(settings, fe);
            Route existing = routes.get(route.key());
            if (existing != null && !route.key().equals("*")) {
                throw new ConfigException(fe.event().body().position(), fe.event().path(), "the route '"
                        + route.key() + "' is already used by function '" + existing.function().key() + "' at "
                        + existing.event().body().position(), "change the method or path of one of them");
            }
            routes.put(route.key(), route);
            fillCorsMethods(settings, route);
        }
        warnAboutTimeouts(context, routes);

        Template template = context.template();
        Object apiId = settings.id() != null ? settings.id() : Cfn.ref(Naming.httpApiLogicalId());
        if (settings.id() == null) {
            compileApi(context, settings);
        }
        compileLogGroup(context, settings);
        if (settings.id() == null) {
            compileStage(context, settings);
        }
        for (Authorizer authorizer : settings.authorizers().values()) {
            compileAuthorizer(context, apiId, authorizer);
        }
        Set<String> integrated = new HashSet<>();
        for (Route route : routes.values()) {
            FunctionDef fn = route.function();
            if (integrated.add(fn.key())) {
                compilePermission(context, apiId, fn);
                compileIntegration(context, settings, apiId, fn);
            }
            String integrationId = Naming.httpApiIntegrationLogicalId(fn.key());
            Map<String, Object> properties = Cfn.map("ApiId", apiId,
                    "RouteKey", route.key().equals("*") ? "$default" : route.key(),
                    "Target", Cfn.join("/", "integrations", Cfn.ref(integrationId)));
            RouteAuth auth = route.auth();
            if (auth != null) {
                properties.put("AuthorizationType", switch (auth.type()) {
                    case "request" -> "CUSTOM";
                    case "aws_iam" -> "AWS_IAM";
                    default -> "JWT";
                });
                if (!auth.type().equals("aws_iam")) {
                    properties.put("AuthorizerId", auth.id() != null ? auth.id()
                            : Cfn.ref(Naming.httpApiAuthorizerLogicalId(auth.authorizer().name())));
                    if (auth.scopes() != null) {
                        properties.put("AuthorizationScopes", auth.scopes());
                    }
                }
            }
            Map<String, Object> resource = Cfn.resource("AWS::ApiGatewayV2::Route", properties);
            resource.put("DependsOn", integrationId);
            template.addResource(Naming.httpApiRouteLogicalId(route.key()), resource);
        }
    }

    private Route parse(HttpApiSettings settings, FunctionEvent fe) {
        EventSpec event = fe.event();
        Node body = event.body();
        String method;
        String path;
        Node authorizerNode = null;
        ConfigReader object = null;
        if (body instanceof MapNode map) {
            object = new ConfigReader(map, event.path());
            path = object.optString("path").orElseThrow(() -> new ConfigException(event.position(), event.path(),
                    "missing required property 'path'", "add a path such as '/items/{id}', or '*' for every path"));
            method = object.optString("method").orElse(null);
            authorizerNode = object.raw("authorizer");
            for (String key : map.entries().keySet()) {
                if (!Set.of("method", "path", "authorizer").contains(key)) {
                    throw new ConfigException(map.keyPosition(key), event.path() + "." + key,
                            "unrecognized property '" + key + "' of an httpApi event",
                            "use method, path and authorizer");
                }
            }
            if (!PATH.matcher(path).matches()) {
                throw object.error("path", "invalid path '" + path + "': expected '*' or a path starting with '/' "
                        + "without spaces", "write it like /items/{id}");
            }
        } else if (body instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
            String text = String.valueOf(s.value()).trim();
            if (text.equals("*")) {
                method = null;
                path = "*";
            } else {
                Matcher m = METHOD_PATH.matcher(text);
                if (!m.matches()) {
                    throw new ConfigException(body.position(), event.path(), "expected '<METHOD> <path>' (such as "
                            + "'GET /items') or '*' but found '" + text + "'", text.startsWith("/")
                                    ? "add the method: 'GET " + text + "' (or 'ANY " + text + "' for any method)"
                                    : "write the route like 'GET /items/{id}'");
                }
                method = m.group(1);
                path = m.group(2);
            }
        } else {
            throw ConfigReader.typeError(body, event.path(), "a route string such as 'GET /items' or a map with "
                    + "method and path");
        }

        String key;
        String resolvedMethod;
        if (path.equals("*")) {
            if (method != null && !method.equals("*")) {
                throw new ConfigException(event.position(), event.path(), "the catch-all path '*' cannot have "
                        + "method '" + method + "'", "remove the method, or set a real path");
            }
            key = "*";
            resolvedMethod = "ANY";
        } else {
            if (method == null) {
                throw new ConfigException(event.position(), event.path(), "missing required property 'method' for "
                        + "path '" + path + "'", "add 'method: GET' (or '*' for any method)");
            }
            resolvedMethod = method.toUpperCase(Locale.ROOT);
            if (resolvedMethod.equals("*")) {
                resolvedMethod = "ANY";
            } else if (!METHODS.contains(resolvedMethod)) {
                Node at = object != null && object.raw("method") != null ? object.raw("method") : body;
                throw new ConfigException(at.position(), object != null ? event.path() + ".method" : event.path(),
                        "unsupported method '" + method + "', expected one of " + METHODS + " or '*'",
                        "use one of " + METHODS);
            }
            key = resolvedMethod + " " + path;
        }
        RouteAuth auth = authorizerNode == null ? null
                : parseAuthorizer(settings, authorizerNode, event.path() + ".authorizer");
        return new Route(key, fe.function(), event, auth);
    }

    private RouteAuth parseAuthorizer(HttpApiSettings settings, Node node, String path) {
        String name;
        String type = null;
        Object id = null;
        List<Object> scopes = null;
        if (node instanceof MapNode map) {
            ConfigReader a = new ConfigReader(map, path);
            name = a.optString("name").orElse(null);
            type = a.optEnum("type", List.of("request", "jwt", "aws_iam")).orElse(null);
            id = a.plain("id");
            scopes = a.has("scopes") ? HttpApiSettings.uniqueList(a.plain("scopes")) : null;
            if ("aws_iam".equals(type) && (name != null || id != null || scopes != null)) {
                throw new ConfigException(map.position(), path, "an authorizer with type 'aws_iam' takes no other "
                        + "property", "remove name, id and scopes");
            }
        } else if (node instanceof ScalarNode s && s.value() != null) {
            name = String.valueOf(s.value());
        } else {
            throw ConfigReader.typeError(node, path, "an authorizer name or a map");
        }
        if ("aws_iam".equals(type)) {
            return new RouteAuth("aws_iam", null, null, null);
        }
        if (id == null && name == null) {
            throw new ConfigException(node.position(), path, "an authorizer of type '" + (type == null ? "jwt" : type)
                    + "' needs 'name' (or 'id' of an external authorizer)", "set name to a key of "
                    + "provider.httpApi.authorizers");
        }
        if (id != null) {
            if (settings.id() == null) {
                throw new ConfigException(node.position(), path, "the event references the external authorizer '"
                        + id + "', but the HTTP API is part of this stack", "define the authorizer under "
                        + "provider.httpApi.authorizers and reference it by name");
            }
            return new RouteAuth(type == null ? "jwt" : type, null, id, scopes);
        }
        Authorizer authorizer = settings.authorizers().get(name);
        if (authorizer == null) {
            String suggestion = ConfigReader.closest(name, settings.authorizers().keySet());
            throw new ConfigException(node.position(), path, "the authorizer '" + name + "' is not defined in "
                    + "provider.httpApi.authorizers", suggestion != null ? "write '" + suggestion + "'"
                            : settings.authorizers().isEmpty() ? "define it under provider.httpApi.authorizers"
                                    : "use one of " + settings.authorizers().keySet());
        }
        return new RouteAuth(authorizer.isRequest() ? "request" : "jwt", authorizer, null, scopes);
    }

    private static void fillCorsMethods(HttpApiSettings settings, Route route) {
        if (settings.cors() == null || !settings.cors().fillMethods()) {
            return;
        }
        String method = route.key().equals("*") ? "ANY" : route.key().substring(0, route.key().indexOf(' '));
        if (method.equals("ANY")) {
            METHODS.stream().filter(m -> !m.equals("ANY")).forEach(settings.cors().allowedMethods()::add);
        } else {
            settings.cors().allowedMethods().add(method);
        }
    }

    private static void warnAboutTimeouts(CompileContext context, Map<String, Route> routes) {
        Set<String> seen = new HashSet<>();
        for (Route route : routes.values()) {
            FunctionDef fn = route.function();
            if (!seen.add(fn.key())) {
                continue;
            }
            if (fn.timeout() >= 30) {
                context.diagnostics().warn(fn.position(), fn.path() + ".timeout", "function '" + fn.key()
                        + "' has a timeout of " + fn.timeout() + " s, but an HTTP API waits at most 30 s for it, "
                        + "so successful invocations may still time out at the endpoint",
                        "keep the timeout at 29 s or less for functions behind an HTTP API");
            }
        }
    }

    private static void compileApi(CompileContext context, HttpApiSettings settings) {
        var service = context.service();
        Map<String, Object> properties = Cfn.map(
                "Name", Naming.httpApiName(service.name(), service.stage(), settings.name(),
                        settings.shouldStartNameWithService()),
                "ProtocolType", "HTTP",
                "DisableExecuteApiEndpoint", settings.disableDefaultEndpoint());
        if (!service.provider().tags().isEmpty()) {
            properties.put("Tags", new LinkedHashMap<>(service.provider().tags()));
        }
        HttpApiSettings.Cors cors = settings.cors();
        if (cors != null) {
            properties.put("CorsConfiguration", Cfn.map(
                    "AllowCredentials", cors.allowCredentials(),
                    "AllowHeaders", new ArrayList<>(cors.allowedHeaders()),
                    "AllowMethods", new ArrayList<>(cors.allowedMethods()),
                    "AllowOrigins", new ArrayList<>(cors.allowedOrigins()),
                    "ExposeHeaders", cors.exposedResponseHeaders() == null ? null
                            : new ArrayList<>(cors.exposedResponseHeaders()),
                    "MaxAge", cors.maxAge()));
        }
        context.template().addResource(Naming.httpApiLogicalId(), Cfn.resource("AWS::ApiGatewayV2::Api", properties));
    }

    private static void compileLogGroup(CompileContext context, HttpApiSettings settings) {
        if (settings.accessLogFormat() == null) {
            return;
        }
        var provider = context.service().provider();
        Map<String, Object> properties = Cfn.map("LogGroupName",
                Naming.httpApiLogGroupName(context.service().stackName()),
                "RetentionInDays", provider.logRetentionInDays());
        if (provider.raw().has("logDataProtectionPolicy")) {
            properties.put("DataProtectionPolicy", provider.raw().get("logDataProtectionPolicy").toPlain());
        }
        context.template().addResource(Naming.httpApiLogGroupLogicalId(),
                Cfn.resource("AWS::Logs::LogGroup", properties));
    }

    private static void compileStage(CompileContext context, HttpApiSettings settings) {
        String apiId = Naming.httpApiLogicalId();
        Map<String, Object> properties = Cfn.map("ApiId", Cfn.ref(apiId), "StageName", "$default",
                "AutoDeploy", true, "DefaultRouteSettings", Cfn.map("DetailedMetricsEnabled", settings.metrics()));
        if (!context.service().provider().tags().isEmpty()) {
            properties.put("Tags", new LinkedHashMap<>(context.service().provider().tags()));
        }
        Map<String, Object> resource = Cfn.resource("AWS::ApiGatewayV2::Stage", properties);
        if (settings.accessLogFormat() != null) {
            properties.put("AccessLogSettings", Cfn.map(
                    "DestinationArn", Cfn.getAtt(Naming.httpApiLogGroupLogicalId(), "Arn"),
                    "Format", settings.accessLogFormat()));
            resource.put("DependsOn", Naming.httpApiLogGroupLogicalId());
        }
        context.template().addResource(Naming.httpApiStageLogicalId(), resource);
        context.template().addOutput("HttpApiId", Cfn.map("Description", "Id of the HTTP API",
                "Value", Cfn.ref(apiId)));
        context.template().addOutput("HttpApiUrl", Cfn.map("Description", "URL of the HTTP API",
                "Value", Cfn.join("", "https://", Cfn.ref(apiId), ".execute-api.", Cfn.ref("AWS::Region"), ".",
                        Cfn.ref("AWS::URLSuffix"))));
    }

    private static void compileAuthorizer(CompileContext context, Object apiId, Authorizer authorizer) {
        Map<String, Object> properties = Cfn.map("ApiId", apiId, "Name", authorizer.name(),
                "IdentitySource", authorizer.identitySource());
        Map<String, Object> resource = Cfn.map("Type", "AWS::ApiGatewayV2::Authorizer", "Properties", properties);
        if (authorizer.isRequest()) {
            properties.put("AuthorizerType", "REQUEST");
            properties.put("EnableSimpleResponses", authorizer.enableSimpleResponses());
            properties.put("AuthorizerResultTtlInSeconds", authorizer.resultTtlInSeconds());
            properties.put("AuthorizerPayloadFormatVersion", authorizer.payloadVersion());
            Object target = authorizer.functionArn() != null ? authorizer.functionArn()
                    : context.functionInvokeArn(authorizer.function());
            properties.put("AuthorizerUri", Cfn.arnJoin(":apigateway:", Cfn.ref("AWS::Region"),
                    ":lambda:path/2015-03-31/functions/", target, "/invocations"));
            properties.values().removeIf(v -> v == null);
            String alias = authorizer.function() == null ? null : context.aliasLogicalId(authorizer.function());
            if (alias != null) {
                resource.put("DependsOn", alias);
            }
            if (!authorizer.managedExternally()) {
                Map<String, Object> permission = Cfn.resource("AWS::Lambda::Permission", Cfn.map(
                        "FunctionName", target,
                        "Action", "lambda:InvokeFunction",
                        "Principal", "apigateway.amazonaws.com",
                        "SourceArn", executeApiArn(apiId)));
                if (alias != null) {
                    permission.put("DependsOn", alias);
                }
                context.template().addResource(Naming.httpApiAuthorizerPermissionLogicalId(authorizer.name()),
                        permission);
            }
        } else {
            properties.put("AuthorizerType", "JWT");
            properties.put("JwtConfiguration", Cfn.map("Audience", authorizer.audience(),
                    "Issuer", authorizer.issuerUrl()));
        }
        context.template().addResource(Naming.httpApiAuthorizerLogicalId(authorizer.name()), resource);
    }

    private static void compilePermission(CompileContext context, Object apiId, FunctionDef fn) {
        Map<String, Object> permission = Cfn.resource("AWS::Lambda::Permission", Cfn.map(
                "FunctionName", context.functionInvokeArn(fn),
                "Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com",
                "SourceArn", executeApiArn(apiId)));
        String alias = context.aliasLogicalId(fn);
        if (alias != null) {
            permission.put("DependsOn", alias);
        }
        context.template().addResource(Naming.httpApiPermissionLogicalId(fn.key()), permission);
    }

    private static void compileIntegration(CompileContext context, HttpApiSettings settings, Object apiId,
            FunctionDef fn) {
        String payload = functionPayload(fn);
        if (payload == null) {
            payload = settings.payload() != null ? settings.payload() : "2.0";
        }
        Map<String, Object> resource = Cfn.map("Type", "AWS::ApiGatewayV2::Integration",
                "DependsOn", context.aliasLogicalId(fn),
                "Properties", Cfn.map("ApiId", apiId, "IntegrationType", "AWS_PROXY",
                        "IntegrationUri", context.functionInvokeArn(fn), "PayloadFormatVersion", payload,
                        "TimeoutInMillis", 30000));
        context.template().addResource(Naming.httpApiIntegrationLogicalId(fn.key()), resource);
    }

    /** The function-level {@code httpApi.payload}, which wins over the provider's. */
    private static String functionPayload(FunctionDef fn) {
        Node node = fn.raw().get("httpApi");
        if (node == null || node instanceof ScalarNode s && s.isNull()) {
            return null;
        }
        ConfigReader http = ConfigReader.of(node, fn.path() + ".httpApi");
        return http.optEnum("payload", List.of("1.0", "2.0")).orElse(null);
    }

    static Object executeApiArn(Object apiId) {
        return Cfn.arnJoin(":execute-api:", Cfn.ref("AWS::Region"), ":", Cfn.ref("AWS::AccountId"), ":", apiId,
                "/*");
    }
}
