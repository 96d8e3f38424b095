package io.github.serverlessmaven.model;

import java.util.Map;

/** {@code provider.deploymentBucket}: an existing bucket's name, or settings for the one the stack creates. */
public record DeploymentBucketSpec(
        String name,
        boolean blockPublicAccess,
        boolean versioning,
        boolean skipPolicySetup,
        Map<String, Object> tags,
        int maxPreviousDeploymentArtifacts,
        String serverSideEncryption,
        String sseKmsKeyId) {}
