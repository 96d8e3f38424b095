package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.project.Log;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * What a deploy would change, without changing anything: a change set against the deployed stack, printed and
 * deleted. The template is sent inline when small enough, otherwise uploaded to the deployment bucket's
 * {@code <prefix>/<service>/<stage>/plan/} folder and deleted afterwards.
 */
public final class Planner {

    /** CloudFormation's limit for an inline TemplateBody. */
    static final int MAX_INLINE_TEMPLATE = 51_200;

    private final AwsClients aws;
    private final Log log;
    private final DeployOptions options;

    public Planner(AwsClients aws, Log log, DeployOptions options) {
        this.aws = aws;
        this.log = log;
        this.options = options;
    }

    /** The planned changes; for a stack that does not exist yet, every resource of the template as an Add. */
    public List<PlannedChange> plan(DeployInput input) {
        Service service = input.service();
        String stackName = service.stackName();
        String step = "read stack " + stackName;
        try {
            Stacks stacks = new Stacks(aws.cloudFormation(), log, options.timeout(), options.pollInterval());
            Optional<Stack> stack = stacks.awaitIdle(stackName);
            if (stack.isEmpty() || stack.get().stackStatusAsString().equals("REVIEW_IN_PROGRESS")) {
                log.info("Stack " + stackName + " does not exist yet; a deploy would create it with:");
                List<PlannedChange> all = TemplateResources.of(input.updateStackTemplate()).entrySet().stream()
                        .map(e -> new PlannedChange("Add", e.getKey(), e.getValue(), null)).toList();
                all.forEach(c -> log.info("  " + c.describe()));
                return all;
            }
            StackRequest request = StackSettings.of(service);
            String uploadedKey = null;
            String template = input.updateStackTemplate();
            if (template.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_INLINE_TEMPLATE) {
                request = request.withTemplateBody(template);
            } else {
                step = "upload the planned template";
                String bucket = service.provider().deploymentBucket().name() != null
                        ? service.provider().deploymentBucket().name()
                        : stacks.physicalId(stackName, Naming.deploymentBucketLogicalId()).orElseThrow(
                                () -> new DeployException("Stack " + stackName + " has no deployment bucket to hold "
                                        + "the planned template; perhaps you should deploy once first."));
                uploadedKey = service.provider().deploymentPrefix() + "/" + service.name() + "/" + service.stage()
                        + "/plan/" + Deployer.TEMPLATE_FILE;
                DeploymentBucket b = new DeploymentBucket(aws.s3(), bucket, null, null);
                b.upload(uploadedKey, template, "-", "application/json");
                request = request.withTemplateUrl(DeploymentBucket.objectUrl(bucket, service.region(), uploadedKey));
            }
            step = "create a change set for stack " + stackName;
            Stacks.ChangeSet cs = stacks.createChangeSet(request, ChangeSetType.UPDATE);
            try {
                if (cs.empty()) {
                    log.info("No changes: stack " + stackName + " matches the packaged template");
                } else {
                    log.info("A deploy would change stack " + stackName + " (" + cs.changes().size() + "):");
                    cs.changes().forEach(c -> log.info("  " + c.describe()));
                }
            } finally {
                step = "delete the plan's change set";
                stacks.deleteChangeSet(cs.arn());
                if (uploadedKey != null) {
                    String bucket = service.provider().deploymentBucket().name() != null
                            ? service.provider().deploymentBucket().name()
                            : stacks.physicalId(stackName, Naming.deploymentBucketLogicalId()).orElseThrow();
                    new DeploymentBucket(aws.s3(), bucket, null, null).delete(List.of(uploadedKey));
                }
            }
            return cs.changes();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, step, aws.settings());
        }
    }
}
