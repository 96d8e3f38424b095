package io.github.serverlessmaven.ops;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.deploy.DeployOptions;
import io.github.serverlessmaven.deploy.DeployedState;
import io.github.serverlessmaven.deploy.Deployer;
import io.github.serverlessmaven.deploy.DeploymentBucket;
import io.github.serverlessmaven.deploy.DeploymentDirectory;
import io.github.serverlessmaven.deploy.Stacks;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code serverless rollback}: lists the deployments kept in the deployment bucket, or puts the stack back to one
 * of them (its template and the artifacts it points at) through deploy's own stack update.
 */
public final class Rollback {

    /** One kept deployment; {@code state} is empty for a deploy that did not complete. */
    public record Deployment(long timestamp, String directory, Optional<DeployedState> state) {

        public String render() {
            StringBuilder line = new StringBuilder().append(timestamp).append("  ").append(Instant
                    .ofEpochMilli(timestamp)).append(state.isEmpty() ? "  (did not complete)" : "");
            state.ifPresent(s -> s.artifacts().forEach((name, a) -> line.append("\n    ").append(name).append("  ")
                    .append(a.sha256()).append("  ").append(a.key())));
            return line.toString();
        }
    }

    private final AwsClients aws;
    private final Log log;
    private final DeployOptions options;

    public Rollback(AwsClients aws, Log log, DeployOptions options) {
        this.aws = aws;
        this.log = log;
        this.options = options;
    }

    /** The kept deployments, oldest first. */
    public List<Deployment> list(Service service) {
        try {
            DeploymentBucket bucket = bucket(service);
            List<Deployment> out = new ArrayList<>();
            for (DeploymentDirectory d : bucket.directories(servicePrefix(service))) {
                out.add(new Deployment(d.epochMillis(), d.path(), bucket.readState(d)));
            }
            return out;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "list the deployments of " + service.stackName(), aws.settings());
        }
    }

    /**
     * Updates the stack to the deployment made at {@code timestamp} (epoch millis, as {@link #list} shows), then
     * records it as the newest successful deployment, so the next deploy compares against what really runs.
     */
    public void rollback(Service service, long timestamp) {
        DeploymentBucket bucket = bucket(service);
        List<DirectoryAndState> candidates = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (DeploymentDirectory d : bucket.directories(servicePrefix(service))) {
            known.add(String.valueOf(d.epochMillis()));
            if (d.epochMillis() == timestamp) {
                candidates.add(new DirectoryAndState(d, bucket.readState(d)));
            }
        }
        if (candidates.isEmpty()) {
            throw new DeployException("There is no deployment with timestamp " + timestamp + " in s3://"
                    + bucket.name() + "/" + servicePrefix(service) + (known.isEmpty() ? "" : " (kept: "
                    + String.join(", ", known) + ")") + "; perhaps you should run 'mvn serverless:rollback' without "
                    + "-Dserverless.timestamp to list them.");
        }
        DirectoryAndState chosen = candidates.get(0);
        if (chosen.state().isEmpty()) {
            throw new DeployException("The deployment " + timestamp + " did not complete (it has no "
                    + DeployedState.FILE + "); perhaps you should pick another one of " + String.join(", ", known)
                    + ".");
        }
        String templateKey = chosen.directory().path() + "/" + Deployer.TEMPLATE_FILE;
        String template;
        try {
            template = aws.s3().getObjectAsBytes(r -> r.bucket(bucket.name()).key(templateKey))
                    .asString(StandardCharsets.UTF_8);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "read s3://" + bucket.name() + "/" + templateKey, aws.settings());
        }
        log.info("Rolling " + service.stackName() + " back to the deployment of " + Instant.ofEpochMilli(timestamp));
        // As deploy does: from the moment the stack starts changing until the rollback is recorded, the next deploy
        // must not skip as unchanged.
        new Deployer(aws, log, options).updateStack(service, bucket.name(), templateKey, template, () -> {
            try {
                bucket.upload(servicePrefix(service) + "/" + DeploymentBucket.LATEST_FILE,
                        Deployer.underWayJson(chosen.directory().path()), chosen.state().get().templateSha256(),
                        "application/json");
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "mark the rollback as under way in s3://" + bucket.name(),
                        aws.settings());
            }
        });
        Instant now = Instant.now();
        String record = servicePrefix(service) + "/" + ServicePipeline.deploymentFolderName(now);
        DeployedState state = chosen.state().get();
        try {
            // A complete folder (template and state), so the rollback itself can be rolled back to later.
            bucket.upload(record + "/" + Deployer.TEMPLATE_FILE, template, state.templateSha256(), "application/json");
            String stateJson = state.toJson(service.name(), service.stage());
            bucket.upload(record + "/" + DeployedState.FILE, stateJson, state.templateSha256(), "application/json");
            // The next deploy compares against what now runs: the rolled-back deployment.
            bucket.upload(servicePrefix(service) + "/" + DeploymentBucket.LATEST_FILE,
                    Deployer.latestJson(stateJson), state.templateSha256(), "application/json");
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "record the rollback in s3://" + bucket.name(), aws.settings());
        }
        log.info("Stack " + service.stackName() + " rolled back to " + timestamp);
    }

    private record DirectoryAndState(DeploymentDirectory directory, Optional<DeployedState> state) {}

    private DeploymentBucket bucket(Service service) {
        var spec = service.provider().deploymentBucket();
        String name = spec.name();
        if (name == null) {
            name = new Stacks(aws.cloudFormation(), log, options.timeout(), options.pollInterval())
                    .physicalId(service.stackName(), Naming.deploymentBucketLogicalId())
                    .orElseThrow(() -> new DeployException("Stack " + service.stackName() + " is not deployed in "
                            + service.region() + "; perhaps you should run 'mvn serverless:deploy' first."));
        }
        return new DeploymentBucket(aws.s3(), name, spec.serverSideEncryption(), spec.sseKmsKeyId());
    }

    private static String servicePrefix(Service service) {
        return service.provider().deploymentPrefix() + "/" + service.name() + "/" + service.stage();
    }

}
