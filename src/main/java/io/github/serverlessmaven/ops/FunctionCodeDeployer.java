package io.github.serverlessmaven.ops;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.deploy.DeployOptions;
import io.github.serverlessmaven.deploy.DeploymentBucket;
import io.github.serverlessmaven.deploy.Stacks;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.project.Log;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * {@code serverless deploy function}: replaces one function's code (through the deployment bucket, never inline)
 * without touching the stack, and with {@code updateConfig} its basic configuration too.
 */
public final class FunctionCodeDeployer {

    /** What happened: {@code skipped} (same code, nothing else to do), or {@code updated} with the new digest. */
    public record Outcome(String result, String codeSha256, String version) {}

    private final AwsClients aws;
    private final Log log;
    private final DeployOptions options;

    public FunctionCodeDeployer(AwsClients aws, Log log, DeployOptions options) {
        this.aws = aws;
        this.log = log;
        this.options = options;
    }

    public Outcome deploy(PackageResult packaged, String functionKey, boolean updateConfig) {
        Service service = packaged.service();
        FunctionDef fn = DeployedFunctions.named(service, functionKey);
        Artifact artifact = fn.isImage() ? null : packaged.artifacts().get(fn.key());
        if (!fn.isImage() && artifact == null) {
            throw new DeployException("Function " + fn.key() + " has no packaged artifact; perhaps you should check "
                    + "its package settings.");
        }
        // Lambda reports an image function's digest (hex) as its CodeSha256.
        String codeSha256 = fn.isImage() ? fn.image().sha256() : artifact.sha256Base64();
        String step = "read function " + fn.name();
        try {
            FunctionConfiguration remote;
            try {
                remote = aws.lambda().getFunction(r -> r.functionName(fn.name())).configuration();
            } catch (ResourceNotFoundException e) {
                throw DeployedFunctions.notDeployed(service, fn, e);
            }
            boolean codeChanged = !codeSha256.equals(remote.codeSha256());
            Map<String, String> configChanges = updateConfig ? configChanges(fn, remote) : Map.of();
            if (!codeChanged && configChanges.isEmpty() && !options.force()) {
                log.info("Function " + fn.key() + " is up to date (CodeSha256 " + remote.codeSha256()
                        + "); -Dserverless.force=true deploys it anyway");
                return new Outcome("skipped", remote.codeSha256(), null);
            }
            String version = null;
            if (!configChanges.isEmpty()) {
                step = "update the configuration of function " + fn.name();
                log.info("Updating the configuration of " + fn.name() + ": " + String.join(", ",
                        configChanges.keySet()));
                aws.lambda().updateFunctionConfiguration(configRequest(fn, configChanges));
                awaitUpdated(fn.name());
            }
            FunctionConfiguration updated = remote;
            if ((codeChanged || options.force()) && fn.isImage()) {
                step = "update the image of function " + fn.name();
                log.info("Pointing " + fn.name() + " at " + fn.image().uri());
                boolean publish = fn.versionFunction();
                var response = aws.lambda().updateFunctionCode(r -> r.functionName(fn.name())
                        .imageUri(fn.image().uri()).publish(publish));
                awaitUpdated(fn.name());
                version = publish ? response.version() : null;
                updated = aws.lambda().getFunction(r -> r.functionName(fn.name())).configuration();
            } else if (codeChanged || options.force()) {
                String bucketName = bucket(service);
                String key = service.provider().deploymentPrefix() + "/" + service.name() + "/" + service.stage()
                        + "/code/" + fn.key() + "/" + artifact.keyName();
                step = "upload the code to s3://" + bucketName + "/" + key;
                log.info("Uploading " + artifact.keyName() + " to s3://" + bucketName + "/" + key);
                new DeploymentBucket(aws.s3(), bucketName, service.provider().deploymentBucket().serverSideEncryption(),
                        service.provider().deploymentBucket().sseKmsKeyId()).upload(key, artifact.file(),
                                artifact.sha256Base64(), artifact.keyName().endsWith(".zip") ? "application/zip"
                                        : "application/java-archive");
                step = "update the code of function " + fn.name();
                boolean publish = fn.versionFunction();
                var response = aws.lambda().updateFunctionCode(r -> r.functionName(fn.name()).s3Bucket(bucketName)
                        .s3Key(key).publish(publish));
                awaitUpdated(fn.name());
                version = publish ? response.version() : null;
                updated = aws.lambda().getFunction(r -> r.functionName(fn.name())).configuration();
            }
            log.info("Function " + fn.key() + " deployed (CodeSha256 " + updated.codeSha256()
                    + (version != null ? ", version " + version : "") + ")");
            log.warn("Stack " + service.stackName() + " now drifts from CloudFormation for function " + fn.key()
                    + "; the next 'mvn serverless:deploy' sets it back to the stack's definition.");
            return new Outcome("updated", updated.codeSha256(), version);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, step, aws.settings());
        }
    }

    private String bucket(Service service) {
        String configured = service.provider().deploymentBucket().name();
        if (configured != null) {
            return configured;
        }
        return new Stacks(aws.cloudFormation(), log, options.timeout(), options.pollInterval())
                .physicalId(service.stackName(), Naming.deploymentBucketLogicalId())
                .orElseThrow(() -> new DeployException("Stack " + service.stackName() + " has no deployment bucket; "
                        + "perhaps you should run 'mvn serverless:deploy' first."));
    }

    /** The settings that differ, by Lambda's name, with the wanted value (rendered for the message). */
    static Map<String, String> configChanges(FunctionDef fn, FunctionConfiguration remote) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (!Objects.equals(remote.memorySize(), fn.memorySize())) {
            changes.put("MemorySize", String.valueOf(fn.memorySize()));
        }
        if (!Objects.equals(remote.timeout(), fn.timeout())) {
            changes.put("Timeout", String.valueOf(fn.timeout()));
        }
        if (fn.handler() != null && !fn.handler().equals(remote.handler())) {
            changes.put("Handler", fn.handler());
        }
        if (fn.runtime() != null && !fn.runtime().equals(remote.runtimeAsString())) {
            changes.put("Runtime", fn.runtime());
        }
        String description = fn.description() == null ? "" : fn.description();
        if (!description.equals(remote.description() == null ? "" : remote.description())) {
            changes.put("Description", description);
        }
        Map<String, String> wanted = plainEnvironment(fn);
        Map<String, String> current = remote.environment() == null || remote.environment().variables() == null
                ? Map.of() : remote.environment().variables();
        if (wanted != null && !wanted.equals(current)) {
            changes.put("Environment", String.join(",", wanted.keySet()));
        }
        return changes;
    }

    /** The environment when every value is plain text; null when one is an intrinsic only the stack can resolve. */
    static Map<String, String> plainEnvironment(FunctionDef fn) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fn.environment().entrySet()) {
            if (e.getValue() instanceof Map<?, ?> || e.getValue() instanceof List<?>) {
                return null;
            }
            env.put(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue()));
        }
        return env;
    }

    private static UpdateFunctionConfigurationRequest configRequest(FunctionDef fn, Map<String, String> changes) {
        UpdateFunctionConfigurationRequest.Builder request = UpdateFunctionConfigurationRequest.builder()
                .functionName(fn.name());
        if (changes.containsKey("MemorySize")) {
            request.memorySize(fn.memorySize());
        }
        if (changes.containsKey("Timeout")) {
            request.timeout(fn.timeout());
        }
        if (changes.containsKey("Handler")) {
            request.handler(fn.handler());
        }
        if (changes.containsKey("Runtime")) {
            request.runtime(fn.runtime());
        }
        if (changes.containsKey("Description")) {
            request.description(changes.get("Description"));
        }
        if (changes.containsKey("Environment")) {
            request.environment(e -> e.variables(plainEnvironment(fn)));
        }
        return request.build();
    }

    /** Waits until Lambda reports LastUpdateStatus Successful (emulators answer at once). */
    private void awaitUpdated(String name) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (true) {
            FunctionConfiguration c = aws.lambda().getFunction(r -> r.functionName(name)).configuration();
            String status = c.lastUpdateStatusAsString();
            if (status == null || status.equals("Successful") || status.equals("null")) {
                return;
            }
            if (status.equals("Failed")) {
                throw new DeployException("Lambda could not update function " + name + ": "
                        + c.lastUpdateStatusReason() + "; perhaps you should check the artifact and the settings.");
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException("Function " + name + " was still updating after "
                        + options.timeout().toMinutes() + " minutes; perhaps you should raise -Dserverless.timeout.");
            }
            try {
                Thread.sleep(options.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeployException("Interrupted while waiting for function " + name + " to update.");
            }
        }
    }
}
