package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code s3} events. A bucket named by the event is created with its notification configuration (settings
 * from {@code provider.s3} when the name refers to one) and depends on the Lambda permissions. For
 * {@code existing: true} buckets v3 deploys a Node.js custom resource; we generate only the Lambda permission
 * and record the wanted notifications in {@value #EXISTING_NOTIFICATIONS_FILE}, which the deploy goal applies
 * through the S3 API.
 */
public final class S3EventCompiler implements EventCompiler {

    public static final String EXISTING_NOTIFICATIONS_FILE = "existing-s3-notifications.json";
    private static final Set<String> KEYS = Set.of("bucket", "event", "existing", "forceDeploy", "rules");
    /** v3's awsS3BucketName pattern. */
    private static final Pattern BUCKET_NAME = Pattern.compile("(?!^(\\d{1,3}\\.){3}\\d{1,3}$)(^(([a-z0-9]|[a-z0-9]"
            + "[a-z0-9-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$)");
    private static final Pattern EVENT = Pattern.compile("^s3:.+$");
    private static final String DEFAULT_EVENT = "s3:ObjectCreated:*";

    @Override
    public String type() {
        return "s3";
    }

    private record NewBucketEvent(FunctionDef function, String bucketName, String permissionKey) {}

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Map<String, Object> providerS3 = providerS3(context);
        Map<String, List<Object>> configurations = new LinkedHashMap<>();
        Map<String, String> bucketRefs = new LinkedHashMap<>();
        List<NewBucketEvent> enabled = new ArrayList<>();
        List<Object> existing = new ArrayList<>();
        for (FunctionEvent event : events) {
            FunctionDef function = event.function();
            String shorthand = EventSupport.shorthand(event);
            ConfigReader r = shorthand == null ? EventSupport.reader(event, "a bucket name or a map with 'bucket'",
                    KEYS, context) : null;
            if (r != null && r.bool("existing", false)) {
                existing.add(compileExisting(context, function, r));
                continue;
            }
            String bucketRef;
            Position bucketPosition;
            String bucketPath;
            String notificationEvent = DEFAULT_EVENT;
            Map<String, Object> filter = null;
            if (r != null) {
                Node bucket = r.raw("bucket");
                if (bucket == null) {
                    throw r.error("bucket", "missing required property 'bucket'", "add bucket: my-bucket-name");
                }
                if (bucket instanceof MapNode) {
                    throw r.error("bucket", "a bucket given by an intrinsic function must be an existing bucket",
                            "add existing: true to this event");
                }
                bucketRef = r.string("bucket", "add bucket: my-bucket-name");
                bucketPosition = bucket.position();
                bucketPath = r.childPath("bucket");
                notificationEvent = event(r);
                List<Object> rules = rules(r, false);
                if (rules != null) {
                    filter = Cfn.map("S3Key", Cfn.map("Rules", rules));
                }
            } else {
                bucketRef = shorthand;
                bucketPosition = event.event().body().position();
                bucketPath = event.event().path();
            }
            String bucketName = bucketRef;
            if (providerS3.get(bucketRef) instanceof Map<?, ?> settings) {
                if (settings.get("name") instanceof String name) {
                    bucketName = name;
                }
                bucketRefs.put(bucketName, bucketRef);
            }
            checkBucketName(bucketName, bucketPosition, bucketPath, bucketRef.equals(bucketName) ? null : bucketRef);
            Map<String, Object> configuration = Cfn.map("Event", notificationEvent,
                    "Function", EventSupport.target(context, function));
            if (filter != null) {
                configuration.put("Filter", filter);
            }
            configurations.computeIfAbsent(bucketName, k -> new ArrayList<>()).add(configuration);
            enabled.add(new NewBucketEvent(function, bucketName, bucketRefs.getOrDefault(bucketName, bucketName)));
        }
        addBuckets(context, providerS3, configurations, bucketRefs, enabled);
        for (NewBucketEvent e : enabled) {
            context.template().addResource(Naming.s3PermissionLogicalId(e.function().key(), e.permissionKey()),
                    s3Permission(context, e.function(), e.bucketName()));
        }
        if (!existing.isEmpty()) {
            context.template().attachments().put(EXISTING_NOTIFICATIONS_FILE, existing);
        }
    }

    @SuppressWarnings("unchecked")
    private static void addBuckets(CompileContext context, Map<String, Object> providerS3,
            Map<String, List<Object>> configurations, Map<String, String> bucketRefs, List<NewBucketEvent> enabled) {
        configurations.forEach((bucketName, lambdaConfigurations) -> {
            String bucketRef = bucketRefs.get(bucketName);
            Map<String, Object> bucketSettings = null;
            Object providedNotifications = null;
            if (bucketRef != null) {
                bucketSettings = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : ((Map<String, Object>) providerS3.get(bucketRef)).entrySet()) {
                    if (!e.getKey().equals("name")) {
                        bucketSettings.put(Naming.upperFirst(e.getKey()), e.getValue());
                    }
                }
                providedNotifications = bucketSettings.remove("NotificationConfiguration");
            }
            Map<String, Object> notification = Cfn.map("LambdaConfigurations", lambdaConfigurations);
            if (providedNotifications instanceof Map<?, ?> provided) {
                notification.putAll((Map<String, Object>) provided);
            }
            Map<String, Object> properties = Cfn.map("BucketName", bucketName, "NotificationConfiguration",
                    notification);
            if (bucketSettings != null) {
                properties.putAll(bucketSettings);
            }
            List<Object> dependsOn = new ArrayList<>();
            for (NewBucketEvent e : enabled) {
                if (e.bucketName().equals(bucketName)) {
                    dependsOn.add(Naming.s3PermissionLogicalId(e.function().key(), e.permissionKey()));
                    String alias = EventSupport.alias(context, e.function());
                    if (alias != null) {
                        dependsOn.add(alias);
                    }
                }
            }
            String logicalId = Naming.bucketLogicalId(bucketRef != null ? bucketRef : bucketName);
            context.template().addResource(logicalId, Cfn.map("Type", "AWS::S3::Bucket", "Properties", properties,
                    "DependsOn", dependsOn));
        });
    }

    private static Map<String, Object> s3Permission(CompileContext context, FunctionDef function, Object bucket) {
        Object sourceArn = bucket instanceof String name ? Cfn.arnJoin(":s3:::" + name)
                : Cfn.arnJoin(":s3:::", bucket);
        Map<String, Object> permission = EventSupport.permission(EventSupport.target(context, function),
                EventSupport.alias(context, function), "s3.amazonaws.com", sourceArn);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) permission.get("Properties");
        properties.put("SourceAccount", Cfn.ref("AWS::AccountId"));
        return permission;
    }

    /** An existing bucket: the permission in the template, the notification recorded for the deploy goal. */
    private static Object compileExisting(CompileContext context, FunctionDef function, ConfigReader r) {
        Node bucketNode = r.raw("bucket");
        if (bucketNode == null) {
            throw r.error("bucket", "missing required property 'bucket'", "add bucket: my-existing-bucket");
        }
        Object bucket = EventSupport.stringOrIntrinsic(r, "bucket", "a bucket name or an intrinsic function");
        if (bucket instanceof String name) {
            checkBucketName(name, bucketNode.position(), r.childPath("bucket"), null);
        }
        String key = bucket instanceof String s ? s : Json.compact(bucket);
        String permissionId = Naming.s3PermissionLogicalId(function.key(), key);
        if (!context.template().hasResource(permissionId)) {
            context.template().addResource(permissionId, s3Permission(context, function, bucket));
        }
        List<Object> rules = rules(r, true);
        return Cfn.map(
                "function", function.key(),
                "functionName", function.name(),
                "functionLogicalId", Naming.functionLogicalId(function.key()),
                "alias", EventSupport.alias(context, function),
                "bucket", bucket,
                "event", event(r),
                "rules", rules != null ? rules : List.of(),
                "permissionLogicalId", permissionId);
    }

    private static String event(ConfigReader r) {
        String event = r.optString("event").orElse(DEFAULT_EVENT);
        if (!EVENT.matcher(event).matches()) {
            throw r.error("event", "invalid S3 event type '" + event + "': expected it to start with 's3:'",
                    "write it like s3:ObjectCreated:* or s3:ObjectRemoved:Delete");
        }
        return event;
    }

    /** Rules as v3 writes them: {Name: prefix, Value: x} for new buckets, {Prefix: x} for existing ones. */
    private static List<Object> rules(ConfigReader r, boolean existingStyle) {
        List<Node> items = r.list("rules");
        if (items.isEmpty()) {
            return r.has("rules") ? new ArrayList<>() : null;
        }
        List<Object> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ConfigReader rule = ConfigReader.of(items.get(i), r.childPath("rules") + "[" + i + "]");
            if (rule.keys().size() != 1 || !Set.of("prefix", "suffix").containsAll(rule.keys())) {
                throw new ConfigException(rule.position(), rule.path(), "each rule needs exactly one of 'prefix' or "
                        + "'suffix', found " + rule.keys(), "write - prefix: uploads/ or - suffix: .jpg");
            }
            String name = rule.keys().iterator().next();
            Object value = EventSupport.stringOrIntrinsic(rule, name, "a string");
            rules.add(existingStyle ? Cfn.map(Naming.upperFirst(name), value) : Cfn.map("Name", name, "Value", value));
        }
        return rules;
    }

    private static void checkBucketName(String name, Position position, String path, String providerKey) {
        if (!BUCKET_NAME.matcher(name).find() || name.length() < 3 || name.length() > 63) {
            throw new ConfigException(position, path, "invalid S3 bucket name '" + name + "'"
                    + (providerKey != null ? " (from provider.s3." + providerKey + ".name)" : "")
                    + ": expected 3 to 63 lower-case letters, digits, '-' and '.', starting and ending with a letter "
                    + "or digit, not an IP address", "use a name like my-service-uploads");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> providerS3(CompileContext context) {
        Node s3 = context.service().provider().raw().get("s3");
        if (s3 instanceof MapNode m) {
            return (Map<String, Object>) m.toPlain();
        }
        return Map.of();
    }
}
