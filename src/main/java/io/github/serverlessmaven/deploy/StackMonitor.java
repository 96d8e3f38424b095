package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.project.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Waits for a stack operation to end while printing each new stack event as one plain line
 * ({@code STATUS  LogicalId (Type): reason}). Polls quickly at first and backs off to the given interval.
 */
public final class StackMonitor {

    private final CloudFormationClient cfn;
    private final Log log;
    private final Duration timeout;
    private final Duration maxInterval;

    public StackMonitor(CloudFormationClient cfn, Log log, Duration timeout, Duration maxInterval) {
        this.cfn = cfn;
        this.log = log;
        this.timeout = timeout;
        this.maxInterval = maxInterval;
    }

    /** The id of the stack's newest event, so that {@link #await} prints only what follows it; null if none. */
    public String newestEventId(String stack) {
        List<StackEvent> events = cfn.describeStackEvents(r -> r.stackName(stack)).stackEvents();
        return events.isEmpty() ? null : events.get(0).eventId();
    }

    /**
     * Waits until the stack leaves its {@code *_IN_PROGRESS} state.
     *
     * @param stackId the stack's id (or name; an id still answers after deletion)
     * @param action CREATE, UPDATE or DELETE: the operation that must end in {@code <action>_COMPLETE}
     * @param since the newest event before the operation, see {@link #newestEventId}
     */
    public Stack await(String stackId, String stackName, String action, String since) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = Math.min(500, maxInterval.toMillis());
        List<StackEvent> seen = new ArrayList<>();
        while (true) {
            List<StackEvent> fresh = eventsAfter(stackId, since, seen);
            for (StackEvent event : fresh) {
                log.info("  " + line(event, stackName));
            }
            seen.addAll(fresh);
            if (!fresh.isEmpty()) {
                since = fresh.get(fresh.size() - 1).eventId();
            }
            Stack stack = cfn.describeStacks(r -> r.stackName(stackId)).stacks().get(0);
            String status = stack.stackStatusAsString();
            if (!status.endsWith("_IN_PROGRESS")) {
                if (status.equals(action + "_COMPLETE")) {
                    return stack;
                }
                throw failure(stackName, action, status, stack.stackStatusReason(), seen);
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException("Stack " + stackName + " is still " + status + " after "
                        + human(timeout) + "; CloudFormation carries on without us, perhaps you "
                        + "should watch it in the AWS console or raise -Dserverless.timeout (minutes).");
            }
            sleep(interval);
            interval = Math.min(maxInterval.toMillis(), interval * 3 / 2);
        }
    }

    /** New events oldest first: pages back (newest first) until the marker event. */
    private List<StackEvent> eventsAfter(String stackId, String since, List<StackEvent> seen) {
        List<StackEvent> out = new ArrayList<>();
        String token = null;
        outer:
        do {
            String page = token;
            DescribeStackEventsResponse response = cfn.describeStackEvents(r -> r.stackName(stackId).nextToken(page));
            for (StackEvent event : response.stackEvents()) {
                if (event.eventId().equals(since) || seen.stream().anyMatch(s -> s.eventId().equals(event.eventId()))) {
                    break outer;
                }
                out.add(event);
            }
            token = response.nextToken();
        } while (token != null && since != null);
        Collections.reverse(out);
        return out;
    }

    static String line(StackEvent event, String stackName) {
        String resource = event.logicalResourceId() == null || event.logicalResourceId().equals(stackName)
                ? "stack " + stackName : event.logicalResourceId() + " (" + event.resourceType() + ")";
        String reason = event.resourceStatusReason();
        return event.resourceStatusAsString() + "  " + resource
                + (reason == null || reason.isBlank() || reason.equals("User Initiated") ? "" : ": " + reason);
    }

    static StackFailedException failure(String stackName, String action, String status, String stackReason,
            List<StackEvent> events) {
        List<String> failed = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (StackEvent event : events) {
            boolean isStack = event.logicalResourceId() == null || event.logicalResourceId().equals(stackName);
            if (!isStack && event.resourceStatusAsString().endsWith("_FAILED")) {
                String reason = String.valueOf(event.resourceStatusReason());
                String entry = event.logicalResourceId() + " (" + event.resourceType() + "): " + reason;
                (reason.contains("cancelled") ? cancelled : failed).add(entry);
            }
        }
        if (failed.isEmpty()) {
            failed.addAll(cancelled);
        }
        StringBuilder message = new StringBuilder("Stack " + stackName + " failed to "
                + action.toLowerCase(Locale.ROOT) + " (" + status + ")");
        if (failed.isEmpty()) {
            message.append(stackReason != null ? ": " + stackReason : "; see the stack's events in the AWS console");
        } else {
            message.append(":");
            failed.forEach(f -> message.append("\n  - ").append(f));
        }
        return new StackFailedException(message.toString(), failed, "UPDATE_ROLLBACK_COMPLETE".equals(status));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while waiting for the stack.");
        }
    }

    static String human(Duration d) {
        return d.toSeconds() >= 60 && d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
