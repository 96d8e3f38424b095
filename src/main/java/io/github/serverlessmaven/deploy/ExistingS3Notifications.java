package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.packaging.Digests;
import io.github.serverlessmaven.project.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.S3KeyFilter;

/**
 * {@code s3} events on buckets the service does not own ({@code existing: true}). The event compiler puts the Lambda
 * permission in the template and records the wanted notifications in {@value #FILE}; after the stack is updated
 * this sets them through the S3 API, replacing only this stack's earlier entries (their ids start with the stack
 * name) and keeping every other notification of the bucket.
 */
final class ExistingS3Notifications {

    static final String FILE = "existing-s3-notifications.json";

    private final S3Client s3;
    private final Log log;

    ExistingS3Notifications(S3Client s3, Log log) {
        this.s3 = s3;
        this.log = log;
    }

    /**
     * @param physicalIds the stack's resources, to resolve {@code Ref} buckets and alias targets
     * @param functionArnPrefix {@code arn:<partition>:lambda:<region>:<account>:function:}
     */
    void apply(Path outputDir, String stackName, Map<String, String> physicalIds, String functionArnPrefix) {
        Path file = outputDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, List<LambdaFunctionConfiguration>> byBucket = new LinkedHashMap<>();
        for (JsonNode record : JsonNode.parser().parse(read(file)).asArray()) {
            Map<String, JsonNode> r = record.asObject();
            String bucket = bucket(r.get("bucket"), physicalIds);
            if (bucket == null) {
                log.warn("Skipping the s3 event of function " + text(r, "function") + ": its bucket "
                        + r.get("bucket") + " is neither a name nor a Ref to a stack parameter or resource");
                continue;
            }
            String alias = text(r, "alias");
            String target = alias != null && physicalIds.containsKey(alias) ? physicalIds.get(alias)
                    : functionArnPrefix + text(r, "functionName");
            List<FilterRule> rules = new ArrayList<>();
            JsonNode ruleList = r.get("rules");
            if (ruleList != null && ruleList.isArray()) {
                for (JsonNode rule : ruleList.asArray()) {
                    // S3 documents the names in lower case (the SDK's enum says "Prefix"; emulators insist on "prefix").
                    rule.asObject().forEach((name, value) -> rules.add(FilterRule.builder()
                            .name(name.toLowerCase(Locale.ROOT)).value(value.asString()).build()));
                }
            }
            String event = text(r, "event");
            String id = stackName + "-" + text(r, "function") + "-"
                    + Digests.sha256Base64((bucket + event + rules).getBytes(StandardCharsets.UTF_8))
                            .replaceAll("[^A-Za-z0-9]", "").substring(0, 10);
            LambdaFunctionConfiguration.Builder c = LambdaFunctionConfiguration.builder().id(id)
                    .lambdaFunctionArn(target).eventsWithStrings(event);
            if (!rules.isEmpty()) {
                c.filter(NotificationConfigurationFilter.builder().key(S3KeyFilter.builder().filterRules(rules)
                        .build()).build());
            }
            byBucket.computeIfAbsent(bucket, b -> new ArrayList<>()).add(c.build());
        }
        byBucket.forEach((bucket, ours) -> {
            GetBucketNotificationConfigurationResponse current = s3.getBucketNotificationConfiguration(
                    b -> b.bucket(bucket));
            List<LambdaFunctionConfiguration> lambdas = new ArrayList<>();
            for (LambdaFunctionConfiguration existing : current.lambdaFunctionConfigurations()) {
                if (existing.id() == null || !existing.id().startsWith(stackName + "-")) {
                    lambdas.add(existing);
                }
            }
            lambdas.addAll(ours);
            s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(
                    NotificationConfiguration.builder()
                            .lambdaFunctionConfigurations(lambdas)
                            .queueConfigurations(current.queueConfigurations())
                            .topicConfigurations(current.topicConfigurations())
                            .eventBridgeConfiguration(current.eventBridgeConfiguration())
                            .build()));
            log.info("Set " + ours.size() + " notification(s) on existing bucket " + bucket);
        });
    }

    /** Removes this stack's notifications from the buckets (for remove); returns how many were removed. */
    int clear(Collection<String> buckets, String stackName) {
        int removed = 0;
        for (String bucket : buckets) {
            GetBucketNotificationConfigurationResponse current;
            try {
                current = s3.getBucketNotificationConfiguration(b -> b.bucket(bucket));
            } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
                continue;
            }
            List<LambdaFunctionConfiguration> kept = current.lambdaFunctionConfigurations().stream()
                    .filter(c -> c.id() == null || !c.id().startsWith(stackName + "-")).toList();
            int ours = current.lambdaFunctionConfigurations().size() - kept.size();
            if (ours > 0) {
                s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(
                        NotificationConfiguration.builder()
                                .lambdaFunctionConfigurations(kept)
                                .queueConfigurations(current.queueConfigurations())
                                .topicConfigurations(current.topicConfigurations())
                                .eventBridgeConfiguration(current.eventBridgeConfiguration())
                                .build()));
                log.info("Removed " + ours + " notification(s) from existing bucket " + bucket);
                removed += ours;
            }
        }
        return removed;
    }

    /** The literal bucket names of the service's {@code s3} events with {@code existing: true}. */
    static Set<String> existingBuckets(Service service) {
        Set<String> out = new LinkedHashSet<>();
        for (var function : service.functions().values()) {
            for (var event : function.events()) {
                if (event.type().equals("s3") && event.body() instanceof MapNode m
                        && m.get("existing") instanceof ScalarNode e
                        && Boolean.TRUE.equals(e.value())
                        && m.get("bucket") instanceof ScalarNode b
                        && b.value() instanceof String name) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static String bucket(JsonNode bucket, Map<String, String> physicalIds) {
        if (bucket == null || bucket.isNull()) {
            return null;
        }
        if (bucket.isString()) {
            return bucket.asString();
        }
        JsonNode ref = bucket.isObject() ? bucket.asObject().get("Ref") : null;
        if (ref != null && ref.isString()) {
            return physicalIds.get(ref.asString());
        }
        return null;
    }

    private static String text(Map<String, JsonNode> record, String key) {
        JsonNode node = record.get(key);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployException("Cannot read " + file + ": " + e.getMessage()
                    + "; perhaps you should run 'mvn serverless:package' again.");
        }
    }
}
