package io.github.serverlessmaven.model;

import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.ScalarNode;
import java.util.Map;

/**
 * {@code provider:} after variables are resolved. Settings owned by one event type (apiGateway, httpApi, ...)
 * are read by that event's compiler from {@code raw}.
 */
public record Provider(
        String stage,
        String region,
        String runtime,
        int memorySize,
        int timeout,
        Map<String, Object> environment,
        Map<String, Object> tags,
        Map<String, Object> stackTags,
        String stackName,
        String architecture,
        Integer logRetentionInDays,
        boolean versionFunctions,
        Object tracingLambda,
        Object vpc,
        IamSpec iam,
        DeploymentBucketSpec deploymentBucket,
        String deploymentPrefix,
        String deploymentMethod,
        String apiName,
        String endpointType,
        MapNode raw) {

    /** {@code provider.profile}, the AWS profile the service names, or null. */
    public String profile() {
        return raw != null && raw.get("profile") instanceof ScalarNode s && s.value() != null
                ? String.valueOf(s.value()) : null;
    }
}
