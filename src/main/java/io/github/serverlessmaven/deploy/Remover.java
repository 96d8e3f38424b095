package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.project.Log;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * v3's remove: empty the deployment bucket (every object version, since CloudFormation cannot delete a non-empty
 * bucket), then delete the stack and wait. A custom deployment bucket only loses this service's folder.
 */
public final class Remover {

    private final AwsClients aws;
    private final Log log;
    private final DeployOptions options;

    public Remover(AwsClients aws, Log log, DeployOptions options) {
        this.aws = aws;
        this.log = log;
        this.options = options;
    }

    /** Returns false when there was no stack to remove. */
    public boolean remove(Service service) {
        String stackName = service.stackName();
        String step = "read stack " + stackName;
        try {
            Stacks stacks = new Stacks(aws.cloudFormation(), log, options.timeout(), options.pollInterval());
            Optional<Stack> stack = stacks.awaitIdle(stackName);
            if (stack.isEmpty()) {
                log.info("Stack " + stackName + " does not exist in " + service.region()
                        + "; there is nothing to remove.");
                return false;
            }
            step = "remove this stack's notifications from existing S3 buckets";
            new ExistingS3Notifications(aws.s3(), log).clear(ExistingS3Notifications.existingBuckets(service),
                    stackName);
            String custom = service.provider().deploymentBucket().name();
            if (custom != null) {
                step = "remove this service's objects from s3://" + custom;
                String prefix = service.provider().deploymentPrefix() + "/" + service.name() + "/" + service.stage();
                DeploymentBucket bucket = new DeploymentBucket(aws.s3(), custom, null, null);
                int n = bucket.delete(bucket.directories(prefix).stream().flatMap(d -> d.keys().stream()).toList());
                log.info("Removed " + n + " object(s) from s3://" + custom + "/" + prefix);
            } else {
                step = "empty the deployment bucket of stack " + stackName;
                Optional<String> name = stacks.physicalId(stackName, Naming.deploymentBucketLogicalId());
                if (name.isPresent()) {
                    try {
                        int n = new DeploymentBucket(aws.s3(), name.get(), null, null).empty();
                        log.info("Emptied s3://" + name.get() + " (" + n + " object(s))");
                    } catch (NoSuchBucketException e) {
                        log.info("The deployment bucket " + name.get() + " is already gone");
                    }
                }
            }
            step = "delete stack " + stackName;
            log.info("Removing stack " + stackName);
            stacks.delete(stack.get());
            log.info("Stack " + stackName + " removed");
            return true;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, step, aws.settings());
        }
    }
}
