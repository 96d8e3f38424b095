package io.github.serverlessmaven.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every logical ID and physical name, spelled exactly as Serverless Framework v3's {@code lib/plugins/aws/lib/naming.js}
 * spells it, so a stack deployed by v3 can be taken over without replacing resources. Compilers never build
 * a logical ID by hand: they ask here.
 */
public final class Naming {

    private Naming() {}

    // ---- normalisation rules ----

    /** {@code create-user_v2} becomes {@code CreateDashuserUnderscorev2}. */
    public static String normalizeName(String name) {
        String replaced = name.replace("-", "Dash").replace("_", "Underscore");
        return upperFirst(replaced);
    }

    /** Function keys: same as {@link #normalizeName}. */
    public static String normalizeFunctionName(String functionKey) {
        return normalizeName(functionKey);
    }

    /** Drops every non-alphanumeric character and upper-cases the first letter: {@code my-queue.fifo} to {@code Myqueuefifo}. */
    public static String normalizeNameToAlphaNumericOnly(String name) {
        return upperFirst(alphanumeric(name));
    }

    /**
     * {@code text} without its characters outside {@code [0-9A-Za-z]}. A loop, not replaceAll: names are made for
     * every resource, and each replaceAll compiles a regular expression, which shows on a cold JVM.
     */
    public static String alphanumeric(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            if (!keep && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (keep && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** A REST path segment: lodash capitalize, {@code -} to Dash, {@code {x}} to xVar, other punctuation dropped. */
    public static String normalizePathPart(String part) {
        String s = capitalize(part);
        s = s.replace("-", "Dash");
        s = s.replace("+", "");
        // v3 replaces /\{(.*)}/ with '$1Var': from the first '{' to the last '}' after it (the .* is greedy).
        int open = s.indexOf('{');
        int close = s.lastIndexOf('}');
        if (open >= 0 && close > open) {
            s = s.substring(0, open) + s.substring(open + 1, close) + "Var" + s.substring(close + 1);
        }
        s = alphanumeric(s);
        return upperFirst(s);
    }

    /** A whole REST path: segments normalised and concatenated. */
    public static String normalizePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                sb.append(normalizePathPart(part));
            }
        }
        return sb.toString();
    }

    /** {@code GET} becomes {@code Get}. */
    public static String normalizeMethodName(String method) {
        return upperFirst(method.toLowerCase(Locale.ROOT));
    }

    public static String upperFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** lodash capitalize: first character upper case, the rest lower case. */
    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    // ---- stack level ----

    public static String stackName(String service, String stage) {
        return service + "-" + stage;
    }

    public static String deploymentBucketLogicalId() {
        return "ServerlessDeploymentBucket";
    }

    public static String deploymentBucketPolicyLogicalId() {
        return "ServerlessDeploymentBucketPolicy";
    }

    public static String deploymentBucketOutputKey() {
        return "ServerlessDeploymentBucketName";
    }

    public static String exportName(String service, String stage, String outputKey) {
        return "sls-" + service + "-" + stage + "-" + outputKey;
    }

    // ---- functions ----

    public static String functionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaFunction";
    }

    public static String functionPhysicalName(String service, String stage, String functionKey) {
        return service + "-" + stage + "-" + functionKey;
    }

    public static String logGroupLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LogGroup";
    }

    public static String logGroupName(String functionPhysicalName) {
        return "/aws/lambda/" + functionPhysicalName;
    }

    public static String roleLogicalId() {
        return "IamRoleLambdaExecution";
    }

    /** A function's own role ({@code functions.<f>.iam.role.statements}): {@code HelloIamRoleLambdaExecution}. */
    public static String functionRoleLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "IamRoleLambdaExecution";
    }

    public static String versionLogicalId(String functionKey, String hash) {
        return normalizeFunctionName(functionKey) + "LambdaVersion" + alphanumeric(hash);
    }

    public static String qualifiedArnOutputKey(String functionKey) {
        return functionLogicalId(functionKey) + "QualifiedArn";
    }

    public static String provisionedConcurrencyAliasLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "ProvConcLambdaAlias";
    }

    public static String snapStartAliasLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "SnapStartLambdaAlias";
    }

    public static String functionUrlLogicalId(String functionKey) {
        return functionLogicalId(functionKey) + "Url";
    }

    public static String eventInvokeConfigLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaEvConf";
    }

    // ---- REST API (http events) ----

    public static String restApiLogicalId() {
        return "ApiGatewayRestApi";
    }

    public static String restApiName(String service, String stage) {
        return stage + "-" + service;
    }

    public static String resourceLogicalId(String path) {
        return "ApiGatewayResource" + normalizePath(path);
    }

    public static String methodLogicalId(String resourcePathId, String method) {
        return "ApiGatewayMethod" + resourcePathId + normalizeMethodName(method);
    }

    public static String restApiPermissionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionApiGateway";
    }

    public static String serviceEndpointOutputKey() {
        return "ServiceEndpoint";
    }

    // ---- HTTP API (httpApi events) ----

    public static String httpApiLogicalId() {
        return "HttpApi";
    }

    /** provider.httpApi.name, else {@code <stage>-<service>} or {@code <service>-<stage>} with shouldStartNameWithService. */
    public static String httpApiName(String service, String stage, String configuredName, boolean startWithService) {
        if (configuredName != null) {
            return configuredName;
        }
        return startWithService ? service + "-" + stage : stage + "-" + service;
    }

    public static String httpApiStageLogicalId() {
        return "HttpApiStage";
    }

    public static String httpApiIntegrationLogicalId(String functionKey) {
        return "HttpApiIntegration" + normalizeFunctionName(functionKey);
    }

    /** {@code GET /items/{id}} becomes {@code HttpApiRouteGetItemsIdVar}; the catch-all {@code *} is HttpApiRouteDefault. */
    public static String httpApiRouteLogicalId(String routeKey) {
        if (routeKey.equals("*")) {
            return "HttpApiRouteDefault";
        }
        return "HttpApiRoute" + normalizePath(routeKey);
    }

    public static String httpApiAuthorizerLogicalId(String authorizerName) {
        return "HttpApiAuthorizer" + normalizeFunctionName(authorizerName);
    }

    public static String httpApiLogGroupLogicalId() {
        return "HttpApiLogGroup";
    }

    public static String httpApiLogGroupName(String stackName) {
        return "/aws/http-api/" + stackName;
    }

    public static String httpApiPermissionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionHttpApi";
    }

    public static String httpApiAuthorizerPermissionLogicalId(String authorizerName) {
        return normalizeFunctionName(authorizerName) + "LambdaAuthorizerPermissionHttpApi";
    }

    // ---- WebSocket API (websocket events) ----

    public static String websocketsApiLogicalId() {
        return "WebsocketsApi";
    }

    public static String websocketsApiName(String service, String stage, String configuredName) {
        return configuredName != null ? configuredName : stage + "-" + service + "-websockets";
    }

    public static String websocketsIntegrationLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "WebsocketsIntegration";
    }

    public static String websocketsPermissionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionWebsockets";
    }

    /** {@code $connect} becomes {@code Sconnect}; / - _ . become Slash, Dash, Underscore, Period; no upper-casing. */
    public static String normalizeWebsocketsRouteKey(String route) {
        return route.replace("$", "S").replace("/", "Slash").replace("-", "Dash").replace("_", "Underscore")
                .replace(".", "Period");
    }

    public static String websocketsRouteLogicalId(String route) {
        return normalizeWebsocketsRouteKey(route) + "WebsocketsRoute";
    }

    public static String websocketsRouteResponseLogicalId(String route) {
        return websocketsRouteLogicalId(route) + "Response";
    }

    public static String websocketsDeploymentLogicalId(String sha) {
        return "WebsocketsDeployment" + alphanumeric(sha);
    }

    public static String websocketsStageLogicalId() {
        return "WebsocketsDeploymentStage";
    }

    public static String websocketsAuthorizerLogicalId(String authorizerName) {
        return normalizeFunctionName(authorizerName) + "WebsocketsAuthorizer";
    }

    public static String websocketsEndpointOutputKey() {
        return "ServiceEndpointWebsocket";
    }

    // ---- Application Load Balancer (alb events) ----

    public static String albTargetGroupLogicalId(String functionKey, String albId, boolean multiValueHeaders) {
        return normalizeFunctionName(functionKey) + "Alb" + (multiValueHeaders ? "MultiValue" : "") + "TargetGroup"
                + albId;
    }

    public static String albTargetGroupNameTagValue(String service, String stage, String functionKey, String albId,
            boolean multiValueHeaders) {
        return service + "-" + functionKey + "-" + albId + "-" + (multiValueHeaders ? "multi-value-" : "") + stage;
    }

    /** The md5 (hex) of the tag value behind an optional prefix, cut to ALB's 32 characters. */
    public static String albTargetGroupName(String prefix, String service, String stage, String functionKey,
            String albId, boolean multiValueHeaders) {
        String hash = md5Hex(albTargetGroupNameTagValue(service, stage, functionKey, albId, multiValueHeaders));
        String name = (prefix == null ? "" : prefix) + hash;
        return name.length() > 32 ? name.substring(0, 32) : name;
    }

    public static String albListenerRuleLogicalId(String functionKey, Object priority) {
        return normalizeFunctionName(functionKey) + "AlbListenerRule" + priority;
    }

    public static String albPermissionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionAlb";
    }

    public static String albRegisterTargetPermissionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionRegisterTarget";
    }

    // ---- function URLs, layers ----

    public static String functionUrlPermissionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionFnUrl";
    }

    public static String functionUrlOutputKey(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaFunctionUrl";
    }

    public static String layerLogicalId(String layerKey) {
        return normalizeFunctionName(layerKey) + "LambdaLayer";
    }

    /** {@code *} becomes {@code Wild}: {@code CommonsWildLambdaLayerPermission}. */
    public static String layerPermissionLogicalId(String layerKey, String account) {
        return normalizeFunctionName(layerKey) + account.replaceFirst("\\*", "Wild") + "LambdaLayerPermission";
    }

    public static String layerQualifiedArnOutputKey(String layerKey) {
        return layerLogicalId(layerKey) + "QualifiedArn";
    }

    public static String layerHashOutputKey(String layerKey) {
        return layerLogicalId(layerKey) + "Hash";
    }

    public static String layerS3KeyOutputKey(String layerKey) {
        return layerLogicalId(layerKey) + "S3Key";
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : digest) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- asynchronous events (schedule, sqs, sns, s3, eventBridge, stream, cloudwatchLog, cognito, iot) ----

    public static String scheduleTargetId(String functionKey) {
        return functionKey + "Schedule";
    }

    public static String scheduleLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "EventsRuleSchedule" + index;
    }

    public static String schedulerScheduleLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "SchedulerSchedule" + index;
    }

    public static String schedulePermissionLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionEventsRuleSchedule" + index;
    }

    public static String queueEventSourceMappingLogicalId(String functionKey, String queueName) {
        return normalizeFunctionName(functionKey) + "EventSourceMappingSQS" + normalizeNameToAlphaNumericOnly(queueName);
    }

    public static String topicLogicalId(String topicName) {
        return "SNSTopic" + normalizeNameToAlphaNumericOnly(topicName);
    }

    public static String topicDeadLetterPolicyLogicalId(String functionKey, String topicName) {
        return normalizeNameToAlphaNumericOnly(topicName) + "To" + normalizeFunctionName(functionKey) + "DLQPolicy";
    }

    public static String snsSubscriptionLogicalId(String functionKey, String topicName) {
        return normalizeFunctionName(functionKey) + "SnsSubscription" + normalizeNameToAlphaNumericOnly(topicName);
    }

    public static String snsPermissionLogicalId(String functionKey, String topicName) {
        return normalizeFunctionName(functionKey) + "LambdaPermission" + normalizeNameToAlphaNumericOnly(topicName)
                + "SNS";
    }

    public static String bucketLogicalId(String bucketName) {
        return "S3Bucket" + normalizeNameToAlphaNumericOnly(bucketName);
    }

    public static String s3PermissionLogicalId(String functionKey, String bucketName) {
        return normalizeFunctionName(functionKey) + "LambdaPermission" + normalizeNameToAlphaNumericOnly(bucketName)
                + "S3";
    }

    /** v3's getNormalizedResourceName: {@code -} to Dash, {@code _} to Underscore, first letter upper case. */
    public static String eventBusLogicalId(String eventBusName) {
        return normalizeName(eventBusName) + "EventBridgeEventBus";
    }

    public static String eventBridgeRuleLogicalId(String ruleNameStub) {
        return normalizeNameToAlphaNumericOnly(ruleNameStub) + "EventBridgeRule";
    }

    public static String eventBridgePermissionLogicalId(String functionKey, int eventIndex) {
        return normalizeFunctionName(functionKey) + "EventBridgeLambdaPermission" + eventIndex;
    }

    /** {@code <function physical name>-rule-<n>}, n the 1-based index among all events of the function. */
    public static String eventBridgeRuleName(String functionPhysicalName, int eventIndex) {
        return functionPhysicalName + "-rule-" + eventIndex;
    }

    public static String streamEventSourceMappingLogicalId(String functionKey, String streamType, String streamName) {
        return normalizeFunctionName(functionKey) + "EventSourceMapping" + upperFirst(streamType)
                + normalizeNameToAlphaNumericOnly(streamName);
    }

    public static String streamConsumerName(String functionKey, String streamName) {
        return functionKey + streamName + "Consumer";
    }

    public static String streamConsumerName(String functionKey, String streamName, String service, String stage) {
        return functionKey + streamName + service + stage + "Consumer";
    }

    public static String streamConsumerLogicalId(String consumerName) {
        return normalizeFunctionName(consumerName) + "StreamConsumer";
    }

    public static String cloudWatchLogSubscriptionLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "LogsSubscriptionFilterCloudWatchLog" + index;
    }

    public static String cloudWatchLogPermissionLogicalId(String functionKey) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionLogsSubscriptionFilterCloudWatchLog";
    }

    public static String cognitoUserPoolLogicalId(String poolName) {
        return "CognitoUserPool" + normalizeNameToAlphaNumericOnly(poolName);
    }

    public static String cognitoUserPoolPermissionLogicalId(String functionKey, String poolName, String trigger) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionCognitoUserPool"
                + normalizeNameToAlphaNumericOnly(poolName) + "TriggerSource" + normalizeNameToAlphaNumericOnly(trigger);
    }

    public static String iotTopicRuleLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "IotTopicRule" + index;
    }

    public static String iotPermissionLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionIotTopicRule" + index;
    }

    /**
     * {@code provider.apiName}, else {@code <stage>-<service>}, or {@code <service>-<stage>} with
     * {@code apiGateway.shouldStartNameWithService}.
     */
    public static String apiGatewayName(String service, String stage, String apiName, boolean startWithService) {
        if (apiName != null) {
            return apiName;
        }
        return startWithService ? service + "-" + stage : restApiName(service, stage);
    }

    /** v3 appends the CLI run's epoch millis; this plugin appends a digest of the API so unchanged APIs keep it. */
    public static String restApiDeploymentLogicalId(String suffix) {
        return "ApiGatewayDeployment" + suffix;
    }

    public static String restApiAuthorizerLogicalId(String authorizerName) {
        return normalizeFunctionName(authorizerName) + "ApiGatewayAuthorizer";
    }

    public static String requestValidatorLogicalId(String service) {
        return "ApiGateway" + normalizeNameToAlphaNumericOnly(service) + "RequestValidator";
    }

    /** {@code ApiGatewayApiKey<n>}, or {@code ApiGatewayApiKey<Name><n>} for keys grouped under a usage plan. */
    public static String apiKeyLogicalId(int number, String groupName) {
        return "ApiGatewayApiKey" + (groupName != null ? upperFirst(groupName) : "") + number;
    }

    /** v3 only upper-cases the first letter of a plan name (unlike function names). */
    public static String usagePlanLogicalId(String planName) {
        return "ApiGatewayUsagePlan" + (planName != null ? upperFirst(planName) : "");
    }

    public static String usagePlanKeyLogicalId(int number, String groupName) {
        return "ApiGatewayUsagePlanKey" + (groupName != null ? upperFirst(groupName) : "") + number;
    }

    /** A model for one event's request body: the method's ID, lodash-startCased content type, {@code Model}. */
    public static String endpointModelLogicalId(String methodLogicalId, String contentType) {
        StringBuilder sb = new StringBuilder(methodLogicalId);
        for (String word : lodashWords(contentType)) {
            sb.append(upperFirst(word));
        }
        return sb.append("Model").toString();
    }

    /** A model from {@code provider.apiGateway.request.schemas}: {@code ApiGateway<UpperCamelCaseId>Model}. */
    public static String modelLogicalId(String schemaId) {
        StringBuilder sb = new StringBuilder("ApiGateway");
        for (String word : lodashWords(schemaId)) {
            sb.append(capitalize(word));
        }
        return sb.append("Model").toString();
    }

    private static final Pattern HAS_COMPOUND_WORDS = Pattern.compile(
            "[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]");
    private static final Pattern COMPOUND_WORD = Pattern.compile(
            "[A-Z]?[a-z]+|[A-Z]+(?=[^A-Za-z0-9]|[A-Z][a-z]|$)|[A-Z]+|[0-9]+");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9]+");

    /** lodash {@code _.words} for ASCII text (what startCase and camelCase split on); ordinals are not special. */
    static List<String> lodashWords(String text) {
        Matcher m = (HAS_COMPOUND_WORDS.matcher(text).find() ? COMPOUND_WORD : PLAIN_WORD)
                .matcher(text);
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    // msk and kafka events

    /**
     * {@code <Fn>EventSourceMappingMSK<Cluster><Topic>}: cluster and topic are each cut to 79 characters so the
     * logical ID stays under CloudFormation's 255.
     */
    public static String mskEventLogicalId(String functionKey, String clusterName, String topic) {
        return normalizeFunctionName(functionKey) + "EventSourceMappingMSK" + cut(normalizeNameToAlphaNumericOnly(
                clusterName), 79) + cut(normalizeNameToAlphaNumericOnly(topic), 79);
    }

    /** {@code <Fn>EventSourceMappingKafka<Topic>}, the topic cut to 158 characters as v3 does. */
    public static String kafkaEventLogicalId(String functionKey, String topic) {
        return normalizeFunctionName(functionKey) + "EventSourceMappingKafka" + cut(normalizeNameToAlphaNumericOnly(
                topic), 158);
    }

    /** JavaScript's {@code slice(0, length)}. */
    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    // activemq and rabbitmq events

    /** {@code <Fn>EventSourceMappingActiveMQ<Queue>}; v3 cuts the queue part to 150 characters (255 in all). */
    public static String activeMqEventSourceMappingLogicalId(String functionKey, String queueName) {
        return normalizeFunctionName(functionKey) + "EventSourceMappingActiveMQ" + brokerQueuePart(queueName);
    }

    /** {@code <Fn>EventSourceMappingRabbitMQ<Queue>}, cut as for ActiveMQ. */
    public static String rabbitMqEventSourceMappingLogicalId(String functionKey, String queueName) {
        return normalizeFunctionName(functionKey) + "EventSourceMappingRabbitMQ" + brokerQueuePart(queueName);
    }

    /** v3 normalises first (upper-casing the first kept letter), then slices: the order matters for the cut. */
    private static String brokerQueuePart(String queueName) {
        String normalized = normalizeNameToAlphaNumericOnly(queueName);
        return normalized.length() > 150 ? normalized.substring(0, 150) : normalized;
    }

    // alexa events

    /** v3's getLambdaAlexaSkillPermissionLogicalId: {@code <Fn>LambdaPermissionAlexaSkill<N>}, N from 1. */
    public static String alexaSkillPermissionLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionAlexaSkill" + index;
    }

    /** v3's getLambdaAlexaSmartHomePermissionLogicalId: {@code <Fn>LambdaPermissionAlexaSmartHome<N>}. */
    public static String alexaSmartHomePermissionLogicalId(String functionKey, int index) {
        return normalizeFunctionName(functionKey) + "LambdaPermissionAlexaSmartHome" + index;
    }
}
