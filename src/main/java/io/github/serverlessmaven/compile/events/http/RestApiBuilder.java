package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.naming.Sha256;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import io.github.serverlessmaven.template.Template;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the REST API for all {@code http} events in v3's order (index.js): API, path resources, CORS
 * pre-flight methods, methods, request validator, authorizers, deployment, API keys and usage plans,
 * permissions. Only the deployment's logical ID differs on purpose (see {@link #deploymentSuffix}).
 */
public final class RestApiBuilder {

    private final CompileContext context;
    private final RestApiSettings api;
    private final List<HttpEvent> events;
    private final Template template;
    /** Every resource that shapes what a deployment snapshots, for the deployment's digest. */
    private final Set<String> apiResourceIds = new LinkedHashSet<>();
    private final List<String> methodIds = new ArrayList<>();
    private final Map<String, CorsPreflight> preflights = new LinkedHashMap<>();

    public RestApiBuilder(CompileContext context, RestApiSettings api, List<HttpEvent> events) {
        this.context = context;
        this.api = api;
        this.events = events;
        this.template = context.template();
    }

    public void build() {
        checkConflicts();
        for (HttpEvent event : events) {
            if (event.cors() != null) {
                CorsPreflight preflight = preflights.get(event.path());
                if (preflight == null) {
                    preflight = new CorsPreflight();
                    preflights.put(event.path(), preflight);
                }
                preflight.add(event.cors());
            }
        }
        compileRestApi();
        compileResources();
        compileCors();
        compileMethods();
        compileRequestValidator();
        compileAuthorizers();
        String deploymentId = compileDeployment();
        new UsagePlans(context, api, deploymentId).compile();
        compilePermissions();
        warnPrivateWithoutKeys();
    }

    /** Rejects what v3 would silently merge into one broken resource: repeated methods and colliding paths. */
    private void checkConflicts() {
        Map<String, HttpEvent> methods = new HashMap<>();
        Map<String, String> resourcePaths = new HashMap<>();
        Map<String, HttpEvent> resourceOwners = new HashMap<>();
        Set<String> corsPaths = new LinkedHashSet<>();
        for (HttpEvent event : events) {
            if (event.cors() != null) {
                corsPaths.add(event.path());
            }
        }
        for (HttpEvent event : events) {
            String prefix = null;
            for (String part : event.path().isEmpty() ? new String[0] : event.path().split("/")) {
                prefix = prefix == null ? part : prefix + "/" + part;
                String id = Naming.resourceLogicalId(prefix);
                String known = resourcePaths.putIfAbsent(id, prefix);
                resourceOwners.putIfAbsent(id, event);
                if (known != null && !known.equals(prefix)) {
                    HttpEvent owner = resourceOwners.get(id);
                    throw new ConfigException(event.position(), event.configPath(), "path '/" + prefix + "' gives "
                            + "the logical ID " + id + ", as does '/" + known + "' of function '"
                            + owner.function().key() + "' at " + owner.position() + " (path segments are compared "
                            + "without case and punctuation)", "use one spelling of the path segment everywhere");
                }
            }
            String methodId = methodLogicalId(event.path(), event.method());
            HttpEvent earlier = methods.putIfAbsent(methodId, event);
            String route = event.method().toUpperCase(Locale.ROOT) + " /" + event.path();
            if (earlier != null) {
                throw new ConfigException(event.position(), event.configPath(), route + " is already used by function '"
                        + earlier.function().key() + "' at " + earlier.position(), "remove one of the two events, "
                        + "or change its path or method");
            }
            if (event.method().equals("options") && corsPaths.contains(event.path())) {
                throw new ConfigException(event.position(), event.configPath(), route + " is also the CORS "
                        + "pre-flight method that 'cors' generates for this path", "remove 'cors' from the events on "
                        + "this path, or remove the OPTIONS event");
            }
        }
    }

    private static String methodLogicalId(String path, String method) {
        return Naming.methodLogicalId(Naming.normalizePath(path), method);
    }

    private void compileRestApi() {
        if (api.restApiId() != null) {
            return;
        }
        Object policy = api.resourcePolicy() instanceof List<?> l && !l.isEmpty()
                ? Cfn.map("Version", "2012-10-17", "Statement", api.resourcePolicy()) : "";
        add(Naming.restApiLogicalId(), Cfn.resource("AWS::ApiGateway::RestApi", Cfn.map(
                "Name", api.name(),
                "BinaryMediaTypes", api.binaryMediaTypes(),
                "DisableExecuteApiEndpoint", api.disableDefaultEndpoint(),
                "EndpointConfiguration", Cfn.map("Types", Cfn.list(api.endpointType()),
                        "VpcEndpointIds", api.vpcEndpointIds()),
                "Policy", policy,
                "ApiKeySourceType", api.apiKeySourceType(),
                "MinimumCompressionSize", api.minimumCompressionSize(),
                "Description", api.description())));
    }

    /**
     * One resource per path node a method needs, up to the root or to the nearest resource listed in
     * {@code restApiResources}, which is referenced instead. A node above such a listed resource must exist in
     * the shared API too, so creating it would fail: it has to be listed as well (v3's rule).
     */
    private void compileResources() {
        Map<String, Object> provided = api.restApiResources();
        Map<String, HttpEvent> neededBy = new HashMap<>();
        for (HttpEvent event : events) {
            for (String path = event.path(); !path.isEmpty() && !provided.containsKey(path); path = parentOf(path)) {
                neededBy.putIfAbsent(path, event);
            }
        }
        List<String> paths = new ArrayList<>();
        for (HttpEvent event : events) {
            paths.add(event.path());
        }
        for (ResourceTree.PathNode node : ResourceTree.of(paths)) {
            HttpEvent user = neededBy.get(node.path());
            if (user == null) {
                continue;
            }
            String below = node.path() + "/";
            for (String p : provided.keySet()) {
                if (p.startsWith(below)) {
                    throw new ConfigException(user.position(), user.configPath(), "resource ID for path '/"
                            + node.path() + "' is required: 'provider.apiGateway.restApiResources' lists '/" + p
                            + "' below it, so it exists in the shared API already", "add '/" + node.path()
                            + "' with its resource id to 'restApiResources'");
                }
            }
            add(Naming.resourceLogicalId(node.path()), Cfn.resource("AWS::ApiGateway::Resource", Cfn.map(
                    "ParentId", node.parentPath() == null ? api.rootResourceRef() : resourceId(node.parentPath()),
                    "PathPart", node.pathPart(), "RestApiId", api.restApiRef())));
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private Object resourceId(String path) {
        if (path.isEmpty()) {
            return api.rootResourceRef();
        }
        Object provided = api.restApiResources().get(path);
        return provided != null ? provided : Cfn.ref(Naming.resourceLogicalId(path));
    }

    private void compileCors() {
        for (Map.Entry<String, CorsPreflight> preflight : preflights.entrySet()) {
            String id = Naming.methodLogicalId(Naming.normalizePath(preflight.getKey()), "options");
            methodIds.add(id);
            add(id, preflight.getValue().optionsMethod(resourceId(preflight.getKey()), api.restApiRef()));
        }
    }

    private void compileMethods() {
        MethodTemplates methods = new MethodTemplates(context, api);
        for (HttpEvent event : events) {
            String id = methodLogicalId(event.path(), event.method());
            methodIds.add(id);
            add(id, methods.method(event, resourceId(event.path())));
        }
    }

    /** The request validator where parameters are required or bodies have schemas, and the body models. */
    @SuppressWarnings("unchecked")
    private void compileRequestValidator() {
        String validatorId = Naming.requestValidatorLogicalId(context.service().name());
        for (HttpEvent event : events) {
            boolean requiredParameters = false;
            if (event.requestParameters() != null) {
                for (Object parameter : event.requestParameters().values()) {
                    requiredParameters |= MethodTemplates.isRequired(parameter);
                }
            }
            boolean schemas = event.requestSchemas() != null && !event.requestSchemas().isEmpty();
            if (!requiredParameters && !schemas) {
                continue;
            }
            if (!template.hasResource(validatorId)) {
                add(validatorId, Cfn.resource("AWS::ApiGateway::RequestValidator", Cfn.map(
                        "RestApiId", api.restApiRef(),
                        "ValidateRequestBody", true,
                        "ValidateRequestParameters", true,
                        "Name", context.service().name() + "-" + context.stage()
                                + " | Validate request body and querystring parameters")));
            }
            String methodId = methodLogicalId(event.path(), event.method());
            Map<String, Object> properties = (Map<String, Object>) template.resource(methodId).get("Properties");
            properties.put("RequestValidatorId", Cfn.ref(validatorId));
            if (schemas) {
                Map<String, Object> models = (Map<String, Object>) properties.get("RequestModels");
                if (models == null) {
                    models = new LinkedHashMap<>();
                    properties.put("RequestModels", models);
                }
                for (Map.Entry<String, Object> schema : event.requestSchemas().entrySet()) {
                    models.put(schema.getKey(), Cfn.ref(compileModel(methodId, schema.getKey(), schema.getValue())));
                }
            }
        }
    }

    /** A schema id from provider.apiGateway.request.schemas, an inline schema, or {schema, name, description}. */
    @SuppressWarnings("unchecked")
    private String compileModel(String methodId, String contentType, Object schema) {
        if (schema instanceof String id && api.providerSchemas().get(id) instanceof Map<?, ?> shared) {
            String modelId = Naming.modelLogicalId(id);
            add(modelId, Cfn.resource("AWS::ApiGateway::Model", Cfn.map(
                    "RestApiId", api.restApiRef(),
                    "Schema", shared.get("schema"),
                    "ContentType", "application/json",
                    "Name", shared.get("name"),
                    "Description", shared.get("description"))));
            return modelId;
        }
        Object definition = schema;
        Object name = null;
        Object description = null;
        if (schema instanceof Map<?, ?> m && m.containsKey("schema")) {
            definition = m.get("schema");
            name = m.get("name");
            description = m.get("description");
        }
        String modelId = Naming.endpointModelLogicalId(methodId, contentType);
        add(modelId, Cfn.resource("AWS::ApiGateway::Model", Cfn.map(
                "RestApiId", api.restApiRef(),
                "ContentType", contentType,
                "Schema", definition,
                "Name", name,
                "Description", description)));
        return modelId;
    }

    private void compileAuthorizers() {
        for (HttpEvent event : events) {
            AuthorizerConfig authorizer = event.authorizer();
            if (authorizer == null || authorizer.arn() == null) {
                continue;
            }
            Map<String, Object> properties = Cfn.map(
                    "AuthorizerResultTtlInSeconds", authorizer.resultTtlInSeconds(),
                    "IdentitySource", authorizer.identitySource(),
                    "Name", authorizer.name(),
                    "RestApiId", api.restApiRef(),
                    "IdentityValidationExpression", authorizer.identityValidationExpression());
            if (authorizer.isCognito()) {
                properties.put("Type", "COGNITO_USER_POOLS");
                properties.put("ProviderARNs", Cfn.list(authorizer.arn()));
            } else {
                properties.put("AuthorizerUri", Cfn.map("Fn::Join", Cfn.list("", Cfn.list("arn:",
                        Cfn.ref("AWS::Partition"), ":apigateway:", Cfn.ref("AWS::Region"),
                        ":lambda:path/2015-03-31/functions/", authorizer.arn(), "/invocations"))));
                properties.put("Type", authorizer.type() != null ? authorizer.type().toUpperCase(Locale.ROOT)
                        : "TOKEN");
            }
            String id = Naming.restApiAuthorizerLogicalId(authorizer.name());
            Map<String, Object> resource = Cfn.map("Type", "AWS::ApiGateway::Authorizer",
                    "DependsOn", authorizer.aliasLogicalId(), "Properties", properties);
            Map<String, Object> existing = template.resource(id);
            add(id, existing != null ? DeepMerge.into(existing, resource) : DeepMerge.into(new LinkedHashMap<>(),
                    resource));
        }
    }

    private String compileDeployment() {
        Map<String, Object> properties = Cfn.map("RestApiId", api.restApiRef(), "StageName", api.deploymentStage(),
                "Description", api.description());
        String id = Naming.restApiDeploymentLogicalId(deploymentSuffix(properties));
        template.addResource(id, Cfn.map("Type", "AWS::ApiGateway::Deployment", "Properties", properties,
                "DependsOn", new ArrayList<Object>(methodIds)));
        template.addOutput(Naming.serviceEndpointOutputKey(), Cfn.map(
                "Description", "URL of the service endpoint",
                "Value", Cfn.join("", "https://", api.restApiRef(), ".execute-api.", Cfn.ref("AWS::Region"), ".",
                        Cfn.ref("AWS::URLSuffix"), "/" + context.stage())));
        return id;
    }

    /**
     * v3 names the deployment after the CLI run's timestamp, so every deploy creates a new one and no deploy
     * is ever "unchanged". A digest of everything the deployment snapshots (API, resources, methods,
     * validator, authorizers, stage) keeps the ID while the API is unchanged and changes it when it changes.
     */
    private String deploymentSuffix(Map<String, Object> deploymentProperties) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String id : apiResourceIds) {
            snapshot.put(id, template.resource(id));
        }
        snapshot.put("Deployment", deploymentProperties);
        snapshot.put("UserResources", userApiResources());
        String base36 = new BigInteger(1, Sha256.of(Json.compact(snapshot))).toString(36);
        String padded = "0".repeat(Math.max(0, 13 - base36.length())) + base36;
        return padded.substring(0, 13);
    }

    /**
     * API Gateway resources from the user's {@code resources:} block (gateway responses, models, overrides of
     * the generated API resources): they are merged after this compiler runs, yet a deployment snapshots them.
     */
    private Map<String, Object> userApiResources() {
        Map<String, Object> out = new LinkedHashMap<>();
        Object declared = context.service().resources() == null ? null : context.service().resources().get("Resources");
        if (declared instanceof Map<?, ?> userResources) {
            for (Map.Entry<?, ?> entry : userResources.entrySet()) {
                String id = String.valueOf(entry.getKey());
                boolean apiType = entry.getValue() instanceof Map<?, ?> r && r.get("Type") instanceof String type
                        && type.startsWith("AWS::ApiGateway::");
                if (apiType || apiResourceIds.contains(id)) {
                    out.put(id, entry.getValue());
                }
            }
        }
        return out;
    }

    private void compilePermissions() {
        for (HttpEvent event : events) {
            String alias = context.aliasLogicalId(event.function());
            template.addResource(Naming.restApiPermissionLogicalId(event.function().key()), Cfn.map(
                    "Type", "AWS::Lambda::Permission",
                    "Properties", permission(context.functionInvokeArn(event.function())),
                    "DependsOn", alias));
            AuthorizerConfig authorizer = event.authorizer();
            if (authorizer == null || authorizer.arn() == null || authorizer.isCognito()) {
                continue;
            }
            String id = Naming.restApiPermissionLogicalId(authorizer.name());
            if (template.hasResource(id) || authorizer.managedExternally()) {
                continue;
            }
            Object target = authorizer.aliasLogicalId() != null ? Cfn.ref(authorizer.aliasLogicalId())
                    : authorizer.arn();
            template.addResource(id, Cfn.resource("AWS::Lambda::Permission", permission(target)));
        }
    }

    private Map<String, Object> permission(Object functionName) {
        return Cfn.map("FunctionName", functionName,
                "Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com",
                "SourceArn", Cfn.join("", "arn:", Cfn.ref("AWS::Partition"), ":execute-api:", Cfn.ref("AWS::Region"),
                        ":", Cfn.ref("AWS::AccountId"), ":", api.restApiRef(), "/*/*"));
    }

    private void warnPrivateWithoutKeys() {
        if (UsagePlans.hasApiKeys(api)) {
            return;
        }
        for (HttpEvent event : events) {
            if (event.isPrivate()) {
                context.diagnostics().warn(event.position(), event.configPath() + ".private", "the method requires "
                        + "an API key, but 'provider.apiGateway.apiKeys' defines none, so only keys created outside "
                        + "this service can call it", "add 'provider.apiGateway.apiKeys', or remove 'private: true'");
                return;
            }
        }
    }

    private void add(String logicalId, Map<String, Object> resource) {
        template.addResource(logicalId, resource);
        apiResourceIds.add(logicalId);
    }
}
