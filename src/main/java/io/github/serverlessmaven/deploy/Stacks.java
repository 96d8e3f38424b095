package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.project.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.OnFailure;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackRequest;

/** CloudFormation stack operations with waiting, event streaming and AWS's "no changes" answers handled. */
public final class Stacks {

    /** A change set as far as the plugin cares: its ARN (names are ambiguous), the stack id and its changes. */
    public record ChangeSet(String arn, String stackId, List<PlannedChange> changes, boolean empty) {}

    private final CloudFormationClient cfn;
    private final Log log;
    private final StackMonitor monitor;
    private final Duration timeout;
    private final Duration pollInterval;

    public Stacks(CloudFormationClient cfn, Log log, Duration timeout, Duration pollInterval) {
        this.cfn = cfn;
        this.log = log;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.monitor = new StackMonitor(cfn, log, timeout, pollInterval);
    }

    public Optional<Stack> describe(String stackName) {
        try {
            List<Stack> stacks = cfn.describeStacks(r -> r.stackName(stackName)).stacks();
            return stacks.isEmpty() ? Optional.empty() : Optional.of(stacks.get(0));
        } catch (CloudFormationException e) {
            if (AwsErrors.awsMessage(e).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The stack once no operation runs on it (waits, with a message, while one does); empty if there is none. */
    public Optional<Stack> awaitIdle(String stackName) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            Optional<Stack> stack = describe(stackName);
            if (stack.isEmpty()) {
                return stack;
            }
            String status = stack.get().stackStatusAsString();
            if (!status.endsWith("_IN_PROGRESS") || status.equals("REVIEW_IN_PROGRESS")) {
                return stack;
            }
            if (!told) {
                log.info("Stack " + stackName + " is busy (" + status + "); waiting for it to finish (up to "
                        + human(timeout) + ")");
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException("Stack " + stackName + " is still " + status + " after "
                        + human(timeout) + "; perhaps you should wait for the running operation to "
                        + "finish (AWS console) and deploy again, or raise -Dserverless.timeout (minutes).");
            }
            sleep(pollInterval.toMillis());
        }
    }

    public Optional<String> physicalId(String stackName, String logicalId) {
        try {
            return Optional.ofNullable(cfn.describeStackResource(r -> r.stackName(stackName)
                    .logicalResourceId(logicalId)).stackResourceDetail().physicalResourceId());
        } catch (CloudFormationException e) {
            if (AwsErrors.awsMessage(e).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Logical id to physical id for every resource (paginated), plus the stack's parameters by name. */
    public Map<String, String> physicalIds(Stack stack) {
        Map<String, String> ids = new LinkedHashMap<>();
        stack.parameters().forEach(p -> ids.put(p.parameterKey(), p.parameterValue()));
        cfn.listStackResourcesPaginator(r -> r.stackName(stack.stackId())).stackResourceSummaries().forEach(r -> {
            if (r.logicalResourceId() != null && r.physicalResourceId() != null) {
                ids.put(r.logicalResourceId(), r.physicalResourceId());
            }
        });
        return ids;
    }

    /** {@code arn:<partition>:lambda:<region>:<account>:function:}, taken from the stack's id. */
    public static String functionArnPrefix(Stack stack, String region) {
        String[] arn = stack.stackId().split(":");
        return "arn:" + (arn.length > 4 ? arn[1] : "aws") + ":lambda:" + region + ":" + (arn.length > 4 ? arn[4] : "")
                + ":function:";
    }

    /** Creates a change set and waits until CloudFormation has computed it. */
    public ChangeSet createChangeSet(StackRequest request, ChangeSetType type) {
        String name = request.stackName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        CreateChangeSetRequest.Builder b = CreateChangeSetRequest.builder()
                .stackName(request.stackName())
                .changeSetName(name.length() > 128 ? name.substring(name.length() - 128) : name)
                .changeSetType(type)
                .capabilities(request.capabilities())
                .tags(request.tags())
                .parameters(request.parameters())
                .notificationARNs(request.notificationArns())
                .description("serverless-maven-plugin deploy");
        if (request.templateBody() != null) {
            b.templateBody(request.templateBody());
        } else {
            b.templateURL(request.templateUrl());
        }
        if (request.roleArn() != null) {
            b.roleARN(request.roleArn());
        }
        if (request.rollbackConfiguration() != null) {
            b.rollbackConfiguration(request.rollbackConfiguration());
        }
        var created = cfn.createChangeSet(b.build());
        String arn = created.id();
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = Math.min(500, pollInterval.toMillis());
        while (true) {
            DescribeChangeSetResponse cs = cfn.describeChangeSet(r -> r.changeSetName(arn));
            String status = cs.statusAsString();
            if ("FAILED".equals(status)) {
                String reason = String.valueOf(cs.statusReason());
                if (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")) {
                    return new ChangeSet(arn, created.stackId(), List.of(), true);
                }
                throw new DeployException("CloudFormation could not create the change set for stack "
                        + request.stackName() + ": " + reason);
            }
            if ("CREATE_COMPLETE".equals(status)) {
                return new ChangeSet(arn, created.stackId(), changes(arn, cs), false);
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException("The change set for stack " + request.stackName() + " is still " + status
                        + " after " + human(timeout) + "; perhaps you should raise "
                        + "-Dserverless.timeout (minutes).");
            }
            sleep(interval);
            interval = Math.min(pollInterval.toMillis(), interval * 3 / 2);
        }
    }

    private List<PlannedChange> changes(String arn, DescribeChangeSetResponse first) {
        List<PlannedChange> out = new ArrayList<>();
        DescribeChangeSetResponse page = first;
        while (true) {
            for (Change change : page.changes()) {
                var rc = change.resourceChange();
                if (rc != null) {
                    out.add(new PlannedChange(rc.actionAsString(), rc.logicalResourceId(), rc.resourceType(),
                            rc.replacementAsString()));
                }
            }
            String token = page.nextToken();
            if (token == null) {
                return out;
            }
            page = cfn.describeChangeSet(r -> r.changeSetName(arn).nextToken(token));
        }
    }

    public void deleteChangeSet(String arn) {
        cfn.deleteChangeSet(r -> r.changeSetName(arn));
    }

    /** Executes the change set and waits, streaming events; throws {@link StackFailedException} on failure. */
    public Stack execute(ChangeSet changeSet, StackRequest request, String action) {
        String since = monitor.newestEventId(changeSet.stackId());
        cfn.executeChangeSet(r -> r.changeSetName(changeSet.arn()).disableRollback(request.disableRollback()));
        return monitor.await(changeSet.stackId(), request.stackName(), action, since);
    }

    /** {@code deploymentMethod: direct} create: CreateStack (deleted again on failure unless disableRollback). */
    public Stack createDirect(StackRequest request) {
        CreateStackRequest.Builder b = CreateStackRequest.builder()
                .stackName(request.stackName())
                .capabilities(request.capabilities())
                .tags(request.tags())
                .parameters(request.parameters())
                .notificationARNs(request.notificationArns());
        if (request.templateBody() != null) {
            b.templateBody(request.templateBody());
        } else {
            b.templateURL(request.templateUrl());
        }
        if (request.disableRollback()) {
            b.disableRollback(true);
        } else {
            b.onFailure(OnFailure.DELETE);
        }
        if (request.roleArn() != null) {
            b.roleARN(request.roleArn());
        }
        if (request.rollbackConfiguration() != null) {
            b.rollbackConfiguration(request.rollbackConfiguration());
        }
        String stackId = cfn.createStack(b.build()).stackId();
        return monitor.await(stackId, request.stackName(), "CREATE", null);
    }

    /** {@code deploymentMethod: direct} update; returns empty when CloudFormation says there is nothing to do. */
    public Optional<Stack> updateDirect(StackRequest request, String stackId) {
        UpdateStackRequest.Builder b = UpdateStackRequest.builder()
                .stackName(request.stackName())
                .templateURL(request.templateUrl())
                .capabilities(request.capabilities())
                .tags(request.tags())
                .parameters(request.parameters())
                .notificationARNs(request.notificationArns())
                .disableRollback(request.disableRollback());
        if (request.roleArn() != null) {
            b.roleARN(request.roleArn());
        }
        if (request.rollbackConfiguration() != null) {
            b.rollbackConfiguration(request.rollbackConfiguration());
        }
        String since = monitor.newestEventId(stackId);
        try {
            cfn.updateStack(b.build());
        } catch (CloudFormationException e) {
            if (AwsErrors.awsMessage(e).contains("No updates are to be performed")) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(monitor.await(stackId, request.stackName(), "UPDATE", since));
    }

    public void delete(Stack stack) {
        String since = monitor.newestEventId(stack.stackId());
        cfn.deleteStack(r -> r.stackName(stack.stackId()));
        monitor.await(stack.stackId(), stack.stackName(), "DELETE", since);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while waiting for CloudFormation.");
        }
    }

    static String human(Duration d) {
        return d.toSeconds() >= 60 && d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
