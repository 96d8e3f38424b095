package io.github.serverlessmaven.validate;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.DeploymentBucketSpec;
import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.ImageSpec;
import io.github.serverlessmaven.model.IamSpec;
import io.github.serverlessmaven.model.PackageSpec;
import io.github.serverlessmaven.model.Provider;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a resolved configuration tree into the {@link Service} model, or into located errors. Unknown keys
 * are warnings by default and errors with {@code configValidationMode: error}, as in v3.
 */
public final class ServiceParser {

    // Compiled once: String.matches compiles its pattern on every call, and these run for every function.
    private static final Pattern FUNCTION_KEY = Pattern.compile("[a-zA-Z0-9-_]+");
    private static final Pattern ENVIRONMENT_VARIABLE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * What a stage can hold and still fit function names and API Gateway stages. v3's schema warns about '_'
     * too, but a stage such as pr_42 works with provider.stackName set, so it is left to the stack name check.
     */
    private static final Pattern STAGE = Pattern.compile("[a-zA-Z0-9_-]+");
    /** The shape of every AWS region code (us-east-1, us-gov-west-1, eu-isoe-west-1), not a list that ages. */
    private static final Pattern REGION =
            Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    /** Keys Lambda reserves for its runtime: a function configuring one is refused at deploy time. */
    static final Set<String> RESERVED_ENVIRONMENT = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    public static final String DEFAULT_RUNTIME = "java21";
    public static final Set<String> DEPRECATED_RUNTIMES = Set.of("java8", "java8.al2", "java11", "java17",
            "nodejs12.x", "nodejs14.x", "nodejs16.x", "python3.7", "python3.8", "dotnet6", "go1.x", "provided");

    static final Set<String> TOP_LEVEL_KEYS = Set.of("service", "frameworkVersion", "provider", "functions",
            "package", "custom", "resources", "plugins", "layers", "configValidationMode", "useDotenv", "params",
            "variablesResolutionMode", "deprecationNotificationMode", "disabledDeprecations", "org", "app",
            "console", "outputs", "dashboard");

    static final Set<String> PROVIDER_KEYS = Set.of("name", "runtime", "stage", "region", "profile",
            "memorySize", "timeout", "environment", "tags", "stackTags", "stackName", "architecture",
            "logRetentionInDays", "logDataProtectionPolicy", "versionFunctions", "tracing", "vpc", "iam",
            "iamRoleStatements", "iamManagedPolicies", "role", "rolePermissionsBoundary", "cfnRole",
            "deploymentBucket", "deploymentPrefix", "deploymentMethod", "apiName", "endpointType",
            "vpcEndpointIds", "apiGateway", "httpApi", "websocketsApiName", "websocketsApiRouteSelectionExpression",
            "websocketsDescription", "websocket", "logs", "alb", "eventBridge", "s3", "kinesis", "cloudFront",
            "ecr", "layers", "kmsKeyArn", "runtimeManagement", "disableRollback", "rollbackConfiguration",
            "stackPolicy", "stackParameters", "notificationArns", "lambdaHashingVersion", "timeoutApiGateway",
            "ephemeralStorageSize", "tenancy");

    static final Set<String> FUNCTION_KEYS = Set.of("handler", "name", "description", "runtime", "memorySize",
            "timeout", "environment", "role", "tags", "vpc", "reservedConcurrency", "provisionedConcurrency",
            "snapStart", "layers", "architecture", "disableLogs", "logRetentionInDays", "logDataProtectionPolicy",
            "package", "events", "versionFunction", "tracing", "url", "destinations", "maximumEventAge",
            "maximumRetryAttempts", "onError", "kmsKeyArn", "ephemeralStorageSize", "fileSystemConfig",
            "condition", "dependsOn", "image", "runtimeManagement", "httpApi", "iam", "ssmSecrets",
            "alarms");

    static final Set<String> PACKAGE_KEYS = Set.of("artifact", "patterns", "individually", "include", "exclude",
            "excludeDevDependencies", "path", "module");

    private final Diagnostics diagnostics;

    public ServiceParser(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * @param stageOverride {@code -Dserverless.stage} or null
     * @param regionOverride {@code -Dserverless.region} or null
     */
    public Service parse(Node rootNode, String configFile, String stageOverride, String regionOverride) {
        ConfigReader root = ConfigReader.of(rootNode, "");
        String validationMode = root.optEnum("configValidationMode", List.of("warn", "error", "off")).orElse(null);
        if (validationMode != null) {
            diagnostics.mode(Diagnostics.Mode.valueOf(validationMode.toUpperCase()));
        }
        root.checkKnownKeys(TOP_LEVEL_KEYS, diagnostics);
        for (String dashboardKey : List.of("org", "app", "dashboard", "console", "outputs")) {
            if (root.has(dashboardKey)) {
                diagnostics.warn(root.node().keyPosition(dashboardKey), dashboardKey, "'" + dashboardKey + "' is a "
                        + "Serverless Dashboard/Console setting and is ignored: this plugin deploys without the "
                        + "Dashboard", "remove it, or keep it for the Serverless Framework only");
            }
        }

        String name = serviceName(root);
        ConfigReader provider = root.optMap("provider").orElse(null);
        if (provider == null) {
            throw new ConfigException(root.position(), "provider", "missing required property 'provider'",
                    "add 'provider: { name: aws }'");
        }
        String providerName = provider.optString("name").orElse(null);
        if (providerName == null) {
            throw provider.error("name", "missing required property 'name'", "add 'name: aws' under provider");
        }
        if (!providerName.equals("aws")) {
            throw provider.error("name", "unsupported provider '" + providerName
                    + "': this plugin deploys to AWS only (supported: aws)", "set provider.name to aws");
        }
        provider.checkKnownKeys(PROVIDER_KEYS, diagnostics);
        if (provider.has("ecr")) {
            diagnostics.warn(provider.node().keyPosition("ecr"), "provider.ecr", "'provider.ecr' is ignored: this "
                    + "plugin builds and pushes no images", "build and push with Jib or Docker, and give functions "
                    + "'image: <ECR URI>@sha256:<digest>'");
        }

        Provider p = parseProvider(provider, name, stageOverride, regionOverride);
        PackageSpec servicePackage = parsePackage(root, "package");
        Map<String, FunctionDef> functions = parseFunctions(root, name, p, servicePackage);

        List<String> plugins = pluginNames(root);
        for (String plugin : plugins) {
            diagnostics.warn(root.raw("plugins").position(), "plugins", "the Serverless Framework plugin '"
                    + plugin + "' is ignored: Node.js plugins cannot run inside Maven", null);
        }
        Map<String, Object> resources = root.plainMap("resources");
        ResourcesShape.check(root.raw("resources"));
        if (root.raw("layers") != null && !(root.raw("layers") instanceof MapNode)) {
            throw ConfigReader.typeError(root.raw("layers"), "layers", "a map of layer names to their settings, "
                    + "such as { commons: { package: { artifact: target/commons.zip } } }");
        }
        diagnostics.throwIfErrors();
        return new Service(name, root.optString("frameworkVersion").orElse(null), p, functions, servicePackage,
                root.plainMap("custom"), resources, plugins, root.node(), configFile, Set.of());
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    private String serviceName(ConfigReader root) {
        Node service = root.raw("service");
        if (service == null) {
            throw new ConfigException(root.position(), "service", "missing required property 'service'",
                    "add 'service: my-service' at the top of the file");
        }
        String name;
        if (service instanceof MapNode m) {
            name = ConfigReader.of(m, "service").string("name", "add 'name:' under service");
        } else {
            name = root.string("service", "add 'service: my-service'");
        }
        if (!name.matches("^[a-zA-Z][0-9a-zA-Z-]+$")) {
            throw root.error("service", "service name '" + name + "' must be at least two characters long, start "
                    + "with a letter and contain only letters, digits and dashes (as in Serverless v3)",
                    "rename the service, e.g. '" + validServiceName(name) + "'");
        }
        return name;
    }

    /** The nearest name v3 accepts: other characters become dashes, a letter first, two characters at least. */
    static String validServiceName(String name) {
        String named = name.replaceAll("[^0-9a-zA-Z-]", "-");
        if (named.isEmpty() || !Character.isLetter(named.charAt(0))) {
            named = "service-" + named;
        }
        return named.length() < 2 ? named + "-service" : named;
    }

    private Provider parseProvider(ConfigReader provider, String service, String stageOverride,
            String regionOverride) {
        String stage = firstNonBlank(stageOverride, provider.optString("stage").orElse(null), "dev");
        String region = firstNonBlank(regionOverride, provider.optString("region").orElse(null), "us-east-1");
        checkNamePart(provider, "stage", stage, stageOverride, STAGE, "letters, digits, '-' and '_'",
                stage.replaceAll("[^a-zA-Z0-9_-]", "-"));
        checkNamePart(provider, "region", region, regionOverride, REGION, "a region code such as eu-west-1",
                "eu-west-1");
        String runtime = provider.optString("runtime").orElse(DEFAULT_RUNTIME);
        int memorySize = provider.optInt("memorySize", 128, 10240).orElse(1024);
        int timeout = provider.optInt("timeout", 1, 900).orElse(6);
        String stackName = provider.optString("stackName").orElse(null);
        if (stackName != null && (!stackName.matches("^[a-zA-Z][a-zA-Z0-9-]*$") || stackName.length() > 128)) {
            throw provider.error("stackName", "stack name '" + stackName + "' must start with a letter, contain "
                    + "only letters, digits and dashes, and be at most 128 characters", "choose another stackName");
        }
        Object tracingLambda = null;
        Node tracing = provider.raw("tracing");
        if (tracing instanceof MapNode) {
            tracingLambda = ConfigReader.of(tracing, "provider.tracing").plain("lambda");
        }
        ShapeChecks.scalarValues(provider.raw("environment"), "provider.environment", "environment variable");
        ShapeChecks.scalarValues(provider.raw("tags"), "provider.tags", "tag");
        ShapeChecks.scalarValues(provider.raw("stackTags"), "provider.stackTags", "tag");
        ShapeChecks.vpc(provider.raw("vpc"), "provider.vpc");
        ShapeChecks.layers(provider.raw("layers"), "provider.layers");
        return new Provider(stage, region, runtime, memorySize, timeout,
                provider.plainMap("environment"), provider.plainMap("tags"), provider.plainMap("stackTags"),
                stackName,
                provider.optEnum("architecture", List.of("x86_64", "arm64")).orElse(null),
                provider.optInt("logRetentionInDays", 1, 3653).orElse(null),
                provider.bool("versionFunctions", true),
                tracingLambda,
                provider.plain("vpc"),
                parseIam(provider),
                parseDeploymentBucket(provider),
                provider.optString("deploymentPrefix").orElse("serverless"),
                provider.optEnum("deploymentMethod", List.of("changesets", "direct")).orElse("changesets"),
                provider.optString("apiName").orElse(null),
                provider.optEnum("endpointType", List.of("REGIONAL", "EDGE", "PRIVATE", "regional", "edge",
                        "private")).orElse("EDGE").toUpperCase(),
                provider.node());
    }

    private IamSpec parseIam(ConfigReader provider) {
        List<Object> statements = new ArrayList<>();
        List<Object> managedPolicies = new ArrayList<>();
        checkRoleArn(provider, "role");
        Object existingRole = provider.plain("role");
        Object boundary = provider.plain("rolePermissionsBoundary");
        String roleName = null;
        String rolePath = null;
        Object roleTags = null;
        String deploymentRole = provider.optString("cfnRole").orElse(null);
        ShapeChecks.iamStatements(provider.raw("iamRoleStatements"), "provider.iamRoleStatements");
        ShapeChecks.managedPolicies(provider.raw("iamManagedPolicies"), "provider.iamManagedPolicies");
        addAll(statements, provider.plain("iamRoleStatements"));
        addAll(managedPolicies, provider.plain("iamManagedPolicies"));
        var iam = provider.optMap("iam");
        if (iam.isPresent()) {
            ConfigReader i = iam.get();
            i.checkKnownKeys(Set.of("role", "deploymentRole"), diagnostics);
            deploymentRole = i.optString("deploymentRole").orElse(deploymentRole);
            Node role = i.raw("role");
            if (role instanceof MapNode rm && !isRoleFunction(rm)) {
                ConfigReader r = ConfigReader.of(role, "provider.iam.role");
                r.checkKnownKeys(Set.of("name", "path", "statements", "managedPolicies", "permissionsBoundary",
                        "tags"), diagnostics);
                roleName = r.optString("name").orElse(null);
                rolePath = r.optString("path").orElse(null);
                ShapeChecks.iamStatements(r.raw("statements"), "provider.iam.role.statements");
                ShapeChecks.managedPolicies(r.raw("managedPolicies"), "provider.iam.role.managedPolicies");
                addAll(statements, r.plain("statements"));
                addAll(managedPolicies, r.plain("managedPolicies"));
                boundary = r.plain("permissionsBoundary") != null ? r.plain("permissionsBoundary") : boundary;
                roleTags = r.plain("tags");
            } else if (role != null) {
                checkRoleArn(i, "role");
                existingRole = role.toPlain();
            }
        }
        return new IamSpec(existingRole, roleName, rolePath, statements, managedPolicies, boundary, roleTags,
                deploymentRole);
    }

    private DeploymentBucketSpec parseDeploymentBucket(ConfigReader provider) {
        Node bucket = provider.raw("deploymentBucket");
        if (bucket == null) {
            // Public access is blocked unless asked otherwise (v3 needs blockPublicAccess: true for that); it is an
            // in-place bucket update when taking over a v3 stack.
            return new DeploymentBucketSpec(null, true, false, false, Map.of(), 5, null, null);
        }
        if (bucket instanceof ScalarNode) {
            return new DeploymentBucketSpec(provider.optString("deploymentBucket").orElse(null), true, false,
                    false, Map.of(), 5, null, null);
        }
        ConfigReader b = ConfigReader.of(bucket, "provider.deploymentBucket");
        b.checkKnownKeys(Set.of("name", "blockPublicAccess", "versioning", "skipPolicySetup", "tags",
                "maxPreviousDeploymentArtifacts", "serverSideEncryption", "sseKMSKeyId", "sseCustomerAlgorithim",
                "sseCustomerKey", "sseCustomerKeyMD5"), diagnostics);
        return new DeploymentBucketSpec(b.optString("name").orElse(null), b.bool("blockPublicAccess", true),
                b.bool("versioning", false), b.bool("skipPolicySetup", false), b.plainMap("tags"),
                b.optInt("maxPreviousDeploymentArtifacts", 0, 1000).orElse(5),
                b.optString("serverSideEncryption").orElse(null), b.optString("sseKMSKeyId").orElse(null));
    }

    private PackageSpec parsePackage(ConfigReader owner, String key) {
        var pkg = owner.optMap(key);
        if (pkg.isEmpty()) {
            return PackageSpec.none(owner.position());
        }
        ConfigReader p = pkg.get();
        p.checkKnownKeys(PACKAGE_KEYS, diagnostics);
        List<String> patterns = new ArrayList<>(p.stringList("patterns"));
        // include/exclude are v3's deprecated forerunners of patterns.
        patterns.addAll(p.stringList("include"));
        for (String exclude : p.stringList("exclude")) {
            patterns.add("!" + exclude);
        }
        Node artifact = p.raw("artifact");
        Node module = p.raw("module");
        return new PackageSpec(p.optString("artifact").orElse(null), patterns, p.bool("individually", false),
                artifact != null ? artifact.position() : p.position(), p.optString("module").orElse(null),
                module != null ? module.position() : p.position());
    }

    private Map<String, FunctionDef> parseFunctions(ConfigReader root, String service, Provider provider,
            PackageSpec servicePackage) {
        Map<String, FunctionDef> out = new LinkedHashMap<>();
        Node functionsNode = root.raw("functions");
        if (functionsNode == null) {
            return out;
        }
        ConfigReader functions = ConfigReader.of(functionsNode, "functions");
        Map<String, String> normalized = new LinkedHashMap<>();
        for (String key : functions.keys()) {
            String path = "functions." + key;
            Position keyPosition = functions.node().keyPosition(key);
            if (!FUNCTION_KEY.matcher(key).matches()) {
                throw new ConfigException(keyPosition, path, "function name '" + key + "' may contain only letters, "
                        + "digits, '-' and '_'", "rename it to '" + key.replaceAll("[^a-zA-Z0-9-_]", "") + "'");
            }
            String logicalId = Naming.functionLogicalId(key);
            String clash = normalized.put(logicalId, key);
            if (clash != null) {
                throw new ConfigException(keyPosition, path, "functions '" + clash + "' and '" + key
                        + "' both map to the CloudFormation logical ID " + logicalId, "rename one of them");
            }
            ConfigReader f = functions.optMap(key).orElse(null);
            if (f == null) {
                throw new ConfigException(keyPosition, path, "expected a map with at least 'handler'",
                        "add 'handler: com.example.Handler::handleRequest'");
            }
            out.put(key, parseFunction(f, key, service, provider, servicePackage));
        }
        return out;
    }

    private FunctionDef parseFunction(ConfigReader f, String key, String service, Provider provider,
            PackageSpec servicePackage) {
        f.checkKnownKeys(FUNCTION_KEYS, diagnostics);
        String handler = f.optString("handler").orElse(null);
        ImageSpec image = null;
        if (f.has("image")) {
            if (handler != null) {
                throw f.error("image", "function '" + key + "' has both 'handler' and 'image'",
                        "keep 'handler' for a jar or zip function, or 'image' for a container image function");
            }
            image = ImageParser.parse(f, provider.region(), diagnostics);
        } else if (handler == null || handler.isBlank()) {
            throw new ConfigException(f.position(), f.path(), "function '" + key + "' has no 'handler'",
                    "add 'handler: com.example.MyHandler::handleRequest' (or 'image' for a container image)");
        }
        String name = f.optString("name").orElse(Naming.functionPhysicalName(service, provider.stage(), key));
        if (name.length() > 64) {
            throw new ConfigException(f.has("name") ? f.raw("name").position() : f.position(), f.childPath("name"),
                    "function name '" + name + "' is " + name.length() + " characters long; AWS allows at most 64",
                    "set a shorter 'name' for this function or shorten the service name");
        }
        String runtime = image != null ? null : f.optString("runtime").orElse(provider.runtime());
        if (image != null && f.has("runtime")) {
            diagnostics.warn(f.raw("runtime").position(), f.childPath("runtime"), "an image function runs the "
                    + "runtime its image holds, so 'runtime' is ignored", "remove 'runtime' from this function");
        }
        if (runtime != null && DEPRECATED_RUNTIMES.contains(runtime)) {
            Node at = f.raw("runtime") != null ? f.raw("runtime") : provider.raw().get("runtime");
            diagnostics.warn(at != null ? at.position() : f.position(), f.childPath("runtime"),
                    "runtime '" + runtime + "' is deprecated by AWS", "use '" + DEFAULT_RUNTIME + "'");
        }
        ShapeChecks.scalarValues(f.raw("environment"), f.childPath("environment"), "environment variable");
        ShapeChecks.scalarValues(f.raw("tags"), f.childPath("tags"), "tag");
        ShapeChecks.layers(f.raw("layers"), f.childPath("layers"));
        if (f.raw("vpc") != null) {
            ShapeChecks.vpc(f.raw("vpc"), f.childPath("vpc"));
        }
        Map<String, Object> environment = new LinkedHashMap<>(provider.environment());
        environment.putAll(f.plainMap("environment"));
        for (String variable : environment.keySet()) {
            if (RESERVED_ENVIRONMENT.contains(variable)) {
                Node declared = f.raw("environment") instanceof MapNode m && m.has(variable) ? m
                        : provider.raw().get("environment");
                throw new ConfigException(declared instanceof MapNode m && m.has(variable) ? m.keyPosition(variable)
                        : f.position(), f.childPath("environment." + variable), "'" + variable + "' is set by the "
                        + "Lambda runtime and cannot be configured (Lambda rejects the function)",
                        "remove it; the runtime provides it to the function");
            }
            if (!ENVIRONMENT_VARIABLE.matcher(variable).matches()) {
                throw new ConfigException(f.position(), f.childPath("environment." + variable),
                        "environment variable name '" + variable + "' is not valid",
                        "use only letters, digits and '_', not starting with a digit");
            }
        }
        Map<String, Object> tags = new LinkedHashMap<>(provider.tags());
        tags.putAll(f.plainMap("tags"));
        List<EventSpec> events = parseEvents(f);
        Object layers = f.has("layers") ? f.plain("layers") : provider.raw().has("layers")
                ? provider.raw().get("layers").toPlain() : null;
        Object vpc = f.raw("vpc") != null ? f.plain("vpc") : provider.vpc();
        if (f.node().has("vpc") && (f.raw("vpc") == null || Boolean.FALSE.equals(f.plain("vpc")))) {
            vpc = null;
        }
        if (image != null && layers != null) {
            boolean own = f.has("layers");
            throw new ConfigException(own ? f.raw("layers").position() : provider.raw().get("layers").position(),
                    own ? f.childPath("layers") : "provider.layers", "function '" + key + "' is a container image, "
                    + "and Lambda runs no layers with an image" + (own ? "" : " (provider.layers applies to "
                    + "every function)"), own ? "remove 'layers' and build what they hold into the image"
                    : "move the layers to the functions that use them, and build their content into the image");
        }
        PackageSpec pkg = parsePackage(f, "package");
        checkRoleArn(f, "role");
        Object tracing = f.has("tracing") ? f.plain("tracing") : provider.tracingLambda();
        return new FunctionDef(key, name, handler, runtime, image,
                f.optInt("memorySize", 128, 10240).orElse(provider.memorySize()),
                f.optInt("timeout", 1, 900).orElse(provider.timeout()),
                f.optString("description").orElse(null),
                environment, tags, f.plain("role"), vpc, f.plain("reservedConcurrency"),
                f.plain("provisionedConcurrency"), f.bool("snapStart", false),
                layers instanceof List<?> l ? new ArrayList<>(l) : layers == null ? null : List.of(layers),
                f.optEnum("architecture", List.of("x86_64", "arm64")).orElse(provider.architecture()),
                f.bool("disableLogs", false),
                f.optInt("logRetentionInDays", 1, 3653).orElse(provider.logRetentionInDays()),
                f.bool("versionFunction", provider.versionFunctions()),
                tracing, pkg, events, f.node(), f.path(), f.position());
    }

    /** A role given as an ARN string must look like one; a plain name refers to a role in resources. */
    private static void checkRoleArn(ConfigReader owner, String key) {
        Object role = owner.plain(key);
        if (role instanceof String arn && arn.startsWith("arn:")
                && !arn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+")) {
            throw owner.error(key, "'" + arn + "' is not a valid IAM role ARN",
                    "write it as arn:aws:iam::123456789012:role/my-role");
        }
    }

    private List<EventSpec> parseEvents(ConfigReader f) {
        List<EventSpec> events = new ArrayList<>();
        Node eventsNode = f.raw("events");
        if (eventsNode == null) {
            return events;
        }
        if (!(eventsNode instanceof ListNode list)) {
            throw ConfigReader.typeError(eventsNode, f.childPath("events"), "a list of events");
        }
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String path = f.childPath("events") + "[" + i + "]";
            if (item instanceof ScalarNode s && "alexaSkill".equals(s.value())) {
                throw new ConfigException(item.position(), path, "'- alexaSkill' without a skill ID is deprecated "
                        + "(ALEXA_SKILL_EVENT_WITHOUT_APP_ID) and the Serverless Framework v3 creates no permission "
                        + "for it", "write '- alexaSkill: amzn1.ask.skill.<id>' with the skill ID from the Alexa "
                        + "developer console");
            }
            if (!(item instanceof MapNode m) || m.entries().size() != 1) {
                throw new ConfigException(item.position(), path, "an event must be a map with exactly one key, the "
                        + "event type (for example '- http: GET /hello')", "write one event type per list item");
            }
            String type = m.entries().keySet().iterator().next();
            events.add(new EventSpec(type, m.get(type), i, path + "." + type, m.keyPosition(type)));
        }
        return events;
    }

    private List<String> pluginNames(ConfigReader root) {
        Node plugins = root.raw("plugins");
        if (plugins == null) {
            return List.of();
        }
        if (plugins instanceof MapNode m) {
            return ConfigReader.of(m, "plugins").stringList("modules");
        }
        return root.stringList("plugins");
    }

    /** A role given as {Ref: ...} or {Fn::...}; {Condition: ...} computes no role, so it stays a role map. */
    private static boolean isRoleFunction(MapNode m) {
        return ShapeChecks.isIntrinsic(m) && !m.has("Condition");
    }

    private static void addAll(List<Object> target, Object value) {
        if (value instanceof List<?> l) {
            target.addAll(l);
        } else if (value != null) {
            target.add(value);
        }
    }

    /**
     * The stage and region become part of the stack, function and bucket names, so a space or a slash would
     * surface at deploy time as an invalid stack name, or as a region no endpoint answers for.
     */
    private static void checkNamePart(ConfigReader provider, String key, String value, String override,
            Pattern pattern, String expected, String example) {
        if (pattern.matcher(value).matches()) {
            return;
        }
        boolean fromOverride = override != null && !override.isBlank();
        Position at = fromOverride ? Position.of("-Dserverless." + key + " (or <" + key + "> in the POM)") : provider.raw(key) != null
                ? provider.raw(key).position() : provider.position();
        throw new ConfigException(at, "provider." + key, "invalid " + key + " '" + value + "': expected "
                + expected, fromOverride ? "run with -Dserverless." + key + "=" + example
                        : "write '" + key + ": " + example + "'");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** For callers that want to report a located warning through the same channel. */
    public void warn(Problem problem) {
        diagnostics.warn(problem);
    }
}
