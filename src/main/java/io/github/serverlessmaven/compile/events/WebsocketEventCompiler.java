package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.compile.FunctionRoleCompiler;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.naming.Sha256;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API Gateway v2 WebSocket API ({@code websocket} events), as v3's {@code websockets} plugin: API, one
 * integration and permission per function, routes, route responses, request authorizers, the stage and a
 * deployment whose logical ID is the SHA-256 of the WebSocket resources (so it changes whenever they do).
 */
public final class WebsocketEventCompiler implements EventCompiler {

    private static final String DEFAULT_DESCRIPTION = "Serverless Websockets";
    private static final List<Object> DEFAULT_IDENTITY_SOURCE = List.of("route.request.header.Auth");

    @Override
    public String type() {
        return "websocket";
    }

    /**
     * @param permission the authorizer function's logical ID (a local function) or its ARN
     * @param local the service function named like the authorizer, or null
     */
    private record WsAuthorizer(String name, Object uri, List<Object> identitySource, Object permission,
            FunctionDef local) {}

    private record WsEvent(FunctionDef function, String route, String routeResponseSelectionExpression,
            WsAuthorizer authorizer) {}

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        List<WsEvent> parsed = new ArrayList<>();
        for (FunctionEvent fe : events) {
            parsed.add(parse(context, fe));
        }
        ConfigReader provider = new ConfigReader(context.service().provider().raw(), "provider");
        rejectUnsupportedLogs(provider);
        Object externalApiId = provider.optMap("apiGateway").map(a -> a.plain("websocketApiId")).orElse(null);
        Object apiId = externalApiId != null ? externalApiId : Cfn.ref(Naming.websocketsApiLogicalId());
        String description = provider.optString("websocketsDescription").orElse(DEFAULT_DESCRIPTION);
        Map<String, Object> resources = context.template().resources();

        if (externalApiId == null) {
            compileApi(context, provider, description);
        }
        grantManageConnections(context, parsed, externalApiId);
        for (WsEvent e : parsed) {
            LodashMerge.mergeResource(resources, Naming.websocketsIntegrationLogicalId(e.function().key()),
                    Cfn.map("Type", "AWS::ApiGatewayV2::Integration",
                            "DependsOn", context.aliasLogicalId(e.function()),
                            "Properties", Cfn.map("ApiId", apiId, "IntegrationType", "AWS_PROXY",
                                    "IntegrationUri", lambdaInvocationUri(context.functionInvokeArn(e.function())))));
        }
        for (WsEvent e : parsed) {
            if (e.routeResponseSelectionExpression() != null) {
                resources.put(Naming.websocketsRouteResponseLogicalId(e.route()), Cfn.resource(
                        "AWS::ApiGatewayV2::RouteResponse", Cfn.map("ApiId", apiId,
                                "RouteId", Cfn.ref(Naming.websocketsRouteLogicalId(e.route())),
                                "RouteResponseKey", "$default")));
            }
        }
        for (WsEvent e : parsed) {
            WsAuthorizer a = e.authorizer();
            if (a != null) {
                Map<String, Object> authorizer = Cfn.map("Type", "AWS::ApiGatewayV2::Authorizer");
                if (a.local() != null && context.aliasLogicalId(a.local()) != null) {
                    authorizer.put("DependsOn", context.aliasLogicalId(a.local()));
                }
                authorizer.put("Properties", Cfn.map("ApiId", apiId, "Name", a.name(), "AuthorizerType", "REQUEST",
                        "AuthorizerUri", a.uri(), "IdentitySource", a.identitySource()));
                LodashMerge.mergeResource(resources, Naming.websocketsAuthorizerLogicalId(a.name()), authorizer);
            }
        }
        String apiRef = externalApiId == null ? Naming.websocketsApiLogicalId() : null;
        for (WsEvent e : parsed) {
            compilePermissions(context, resources, apiRef, e);
        }
        for (WsEvent e : parsed) {
            Map<String, Object> properties = Cfn.map("ApiId", apiId, "RouteKey", e.route(),
                    "AuthorizationType", "NONE",
                    "Target", Cfn.join("/", "integrations",
                            Cfn.ref(Naming.websocketsIntegrationLogicalId(e.function().key()))),
                    "RouteResponseSelectionExpression", e.routeResponseSelectionExpression());
            if (e.authorizer() != null) {
                properties.put("AuthorizationType", "CUSTOM");
                properties.put("AuthorizerId", Cfn.ref(Naming.websocketsAuthorizerLogicalId(e.authorizer().name())));
            }
            LodashMerge.mergeResource(resources, Naming.websocketsRouteLogicalId(e.route()),
                    Cfn.resource("AWS::ApiGatewayV2::Route", properties));
        }
        if (externalApiId == null) {
            resources.put(Naming.websocketsStageLogicalId(), Cfn.resource("AWS::ApiGatewayV2::Stage",
                    Cfn.map("ApiId", apiId, "StageName", context.stage(), "Description", description)));
        }
        compileDeployment(context, parsed, apiId, externalApiId != null, description);
    }

    private static void rejectUnsupportedLogs(ConfigReader provider) {
        provider.optMap("logs").ifPresent(logs -> {
            if (logs.has("websocket")) {
                throw logs.error("websocket", "WebSocket access and execution logs (provider.logs.websocket) are "
                        + "not supported yet: they need v3's account-wide API Gateway CloudWatch role custom "
                        + "resource", "remove provider.logs.websocket and enable the stage logs in the console, "
                        + "or add the stage settings through resources.extensions.WebsocketsDeploymentStage");
            }
        });
    }

    private static void compileApi(CompileContext context, ConfigReader provider, String description) {
        Map<String, Object> properties = Cfn.map(
                "Name", Naming.websocketsApiName(context.service().name(), context.stage(),
                        provider.optString("websocketsApiName").orElse(null)),
                "RouteSelectionExpression", provider.optString("websocketsApiRouteSelectionExpression")
                        .orElse("$request.body.action"),
                "Description", description,
                "ProtocolType", "WEBSOCKET");
        boolean useProviderTags = provider.optMap("websocket").map(w -> w.bool("useProviderTags", false))
                .orElse(false);
        if (useProviderTags && !context.service().provider().tags().isEmpty()) {
            properties.put("Tags", new LinkedHashMap<>(context.service().provider().tags()));
        }
        context.template().addResource(Naming.websocketsApiLogicalId(),
                Cfn.resource("AWS::ApiGatewayV2::Api", properties));
    }

    /**
     * Lets the handlers post to their clients' connections. v3 grants it on the shared role, for any API, only when
     * it creates the API; a function with its own role gets it for this service's API alone (the external one
     * included, which v3 leaves to the user), and the shared role only while a function on it has websocket events.
     */
    private static void grantManageConnections(CompileContext context, List<WsEvent> events, Object externalApiId) {
        boolean shared = false;
        for (WsEvent e : events) {
            if (!FunctionRoleCompiler.hasOwnRole(e.function())) {
                shared = true;
            } else {
                Object connections = externalApiId == null
                        ? Cfn.sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${"
                                + Naming.websocketsApiLogicalId() + "}/*/@connections/*")
                        : Cfn.map("Fn::Sub", Cfn.list("arn:${AWS::Partition}:execute-api:*:*:${ApiId}/*/@connections/*",
                                Cfn.map("ApiId", externalApiId)));
                context.addRoleStatement(e.function(), manageConnections(connections));
            }
        }
        if (shared && externalApiId == null) {
            context.addRoleStatement(manageConnections(
                    Cfn.sub("arn:${AWS::Partition}:execute-api:*:*:*/@connections/*")));
        }
    }

    private static Map<String, Object> manageConnections(Object resource) {
        return Cfn.map("Effect", "Allow", "Action", Cfn.list("execute-api:ManageConnections"),
                "Resource", Cfn.list(resource));
    }

    private static void compilePermissions(CompileContext context, Map<String, Object> resources, String apiRef,
            WsEvent e) {
        FunctionDef fn = e.function();
        String alias = context.aliasLogicalId(fn);
        List<Object> dependsOn = new ArrayList<>();
        if (apiRef != null) {
            dependsOn.add(apiRef);
        }
        dependsOn.add(alias != null ? alias : Naming.functionLogicalId(fn.key()));
        LodashMerge.mergeResource(resources, Naming.websocketsPermissionLogicalId(fn.key()), Cfn.map(
                "Type", "AWS::Lambda::Permission",
                "DependsOn", dependsOn,
                "Properties", Cfn.map("FunctionName", context.functionInvokeArn(fn),
                        "Action", "lambda:InvokeFunction", "Principal", "apigateway.amazonaws.com")));
        WsAuthorizer a = e.authorizer();
        if (a == null) {
            return;
        }
        List<Object> authDependsOn = new ArrayList<>();
        if (apiRef != null) {
            authDependsOn.add(apiRef);
        }
        Map<String, Object> properties = Cfn.map("Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com");
        if (a.permission() instanceof String arn && !arn.contains(":")) {
            FunctionDef authFn = context.function(a.name());
            properties.put("FunctionName", context.functionInvokeArn(authFn));
            authDependsOn.add(arn);
            if (context.aliasLogicalId(authFn) != null) {
                authDependsOn.add(context.aliasLogicalId(authFn));
            }
        } else {
            properties.put("FunctionName", a.permission());
        }
        LodashMerge.mergeResource(resources, Naming.websocketsPermissionLogicalId(a.name()), Cfn.map(
                "Type", "AWS::Lambda::Permission", "DependsOn", authDependsOn, "Properties", properties));
    }

    private static void compileDeployment(CompileContext context, List<WsEvent> events, Object apiId,
            boolean external, String description) {
        List<Object> dependsOn = new ArrayList<>();
        for (WsEvent e : events) {
            if (e.routeResponseSelectionExpression() != null) {
                dependsOn.add(Naming.websocketsRouteResponseLogicalId(e.route()));
            }
            dependsOn.add(Naming.websocketsRouteLogicalId(e.route()));
        }
        String deploymentId = Naming.websocketsDeploymentLogicalId(sha256Base64(Json.compact(
                websocketsTemplatePart(context.template().resources(), Naming.websocketsApiLogicalId()))));
        Map<String, Object> properties = Cfn.map("ApiId", apiId, "Description", description);
        if (external) {
            properties.put("StageName", context.stage());
        }
        context.template().addResource(deploymentId, Cfn.map("Type", "AWS::ApiGatewayV2::Deployment",
                "DependsOn", dependsOn, "Properties", properties));
        context.template().addOutput(Naming.websocketsEndpointOutputKey(), Cfn.map(
                "Description", "URL of the service endpoint",
                "Value", Cfn.join("", "wss://", apiId, ".execute-api.", Cfn.ref("AWS::Region"), ".",
                        Cfn.ref("AWS::URLSuffix"), "/" + context.stage())));
        @SuppressWarnings("unchecked")
        Map<String, Object> stage = (Map<String, Object>) context.template()
                .resource(Naming.websocketsStageLogicalId());
        if (stage != null && stage.get("Properties") instanceof Map<?, ?> p) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stageProperties = (Map<String, Object>) p;
            stageProperties.put("DeploymentId", Cfn.ref(deploymentId));
        }
    }

    /** v3's pick-websockets-template-part: the API and every resource pointing at it by ApiId or DependsOn. */
    static Map<String, Object> websocketsTemplatePart(Map<String, Object> resources, String token) {
        Map<String, Object> part = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if (id.equals(token) || resource instanceof Map<?, ?> r && (pointsAt(r, token))) {
                part.put(id, resource);
            }
        });
        return part;
    }

    private static boolean pointsAt(Map<?, ?> resource, String token) {
        if (resource.get("Properties") instanceof Map<?, ?> p && p.get("ApiId") instanceof Map<?, ?> apiId
                && token.equals(apiId.get("Ref"))) {
            return true;
        }
        return resource.get("DependsOn") instanceof List<?> l && l.contains(token);
    }

    private static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(Sha256.of(text));
    }

    private WsEvent parse(CompileContext context, FunctionEvent fe) {
        EventSpec event = fe.event();
        Node body = event.body();
        if (body instanceof ScalarNode s && s.value() instanceof String route && !route.isBlank()) {
            return new WsEvent(fe.function(), route, null, null);
        }
        if (!(body instanceof MapNode map)) {
            throw ConfigReader.typeError(body, event.path(), "a route such as $connect, or a map with 'route'");
        }
        ConfigReader r = new ConfigReader(map, event.path());
        for (String key : map.entries().keySet()) {
            if (!Set.of("route", "routeResponseSelectionExpression", "authorizer").contains(key)) {
                throw new ConfigException(map.keyPosition(key), r.childPath(key), "unrecognized property '" + key
                        + "' of a websocket event", "use route, routeResponseSelectionExpression and authorizer");
            }
        }
        if (r.raw("route") instanceof ScalarNode s && !(s.value() instanceof String)) {
            throw ConfigReader.typeError(r.raw("route"), r.childPath("route"), "a route key such as $connect, "
                    + "$disconnect, $default or an action name");
        }
        String route = r.string("route", "add 'route: $connect' (or $disconnect, $default, or an action name)");
        String rrse = r.optString("routeResponseSelectionExpression").orElse(null);
        if (rrse != null && !rrse.equals("$default")) {
            throw r.error("routeResponseSelectionExpression", "routeResponseSelectionExpression must be '$default' "
                    + "but is '" + rrse + "'", "write '$default' or remove it");
        }
        Node authNode = r.raw("authorizer");
        WsAuthorizer authorizer = authNode == null ? null
                : parseAuthorizer(context, authNode, r.childPath("authorizer"));
        return new WsEvent(fe.function(), route, rrse, authorizer);
    }

    private WsAuthorizer parseAuthorizer(CompileContext context, Node node, String path) {
        if (node instanceof ScalarNode s && s.value() instanceof String text) {
            if (text.contains(":")) {
                return new WsAuthorizer(lastArnPart(text), lambdaInvocationUri(text), DEFAULT_IDENTITY_SOURCE, text,
                        context.function(lastArnPart(text)));
            }
            FunctionDef fn = localFunction(context, text, node, path);
            return new WsAuthorizer(text, lambdaInvocationUri(context.functionInvokeArn(fn)), DEFAULT_IDENTITY_SOURCE,
                    Naming.functionLogicalId(text), fn);
        }
        ConfigReader a = ConfigReader.of(node, path);
        for (String key : a.keys()) {
            if (!Set.of("name", "arn", "identitySource").contains(key)) {
                throw new ConfigException(a.node().keyPosition(key), a.childPath(key), "unrecognized property '"
                        + key + "' of a websocket authorizer", "use name, arn and identitySource");
            }
        }
        List<Object> identitySource = a.has("identitySource") ? new ArrayList<>(a.stringList("identitySource"))
                : DEFAULT_IDENTITY_SOURCE;
        Object arn = a.plain("arn");
        if (arn != null) {
            String name;
            if (arn instanceof String text) {
                name = lastArnPart(text);
            } else {
                name = a.optString("name").orElseThrow(() -> new ConfigException(a.position(), path,
                        "an authorizer 'arn' given as a CloudFormation function needs a 'name'",
                        "add name: the authorizer's name in API Gateway"));
            }
            return new WsAuthorizer(name, lambdaInvocationUri(arn), identitySource, arn, context.function(name));
        }
        String name = a.optString("name").orElseThrow(() -> new ConfigException(a.position(), path,
                "a websocket authorizer needs 'name' (a function of this service) or 'arn'",
                "set name to the authorizer function's key"));
        FunctionDef fn = localFunction(context, name, a.raw("name"), a.childPath("name"));
        return new WsAuthorizer(name, lambdaInvocationUri(context.functionInvokeArn(fn)), identitySource,
                Naming.functionLogicalId(name), fn);
    }

    private static FunctionDef localFunction(CompileContext context, String name, Node at, String path) {
        FunctionDef fn = context.function(name);
        if (fn == null) {
            String suggestion = ConfigReader.closest(name, context.service().functions().keySet());
            throw new ConfigException(at.position(), path, "the authorizer function '" + name + "' is not defined "
                    + "in this service", suggestion != null ? "write '" + suggestion + "'"
                            : "use a function key of this service, or the authorizer's Lambda ARN");
        }
        return fn;
    }

    private static String lastArnPart(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private static Object lambdaInvocationUri(Object functionArn) {
        return Cfn.arnJoin(":apigateway:", Cfn.ref("AWS::Region"), ":lambda:path/2015-03-31/functions/", functionArn,
                "/invocations");
    }
}
