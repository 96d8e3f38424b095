package io.github.serverlessmaven.deploy;

import java.util.List;

/** A stack operation ended in a failed state; the message names each failed resource and CloudFormation's reason. */
public class StackFailedException extends DeployException {

    private final List<String> failedResources;
    private final boolean stackAsBefore;

    public StackFailedException(String message, List<String> failedResources) {
        this(message, failedResources, false);
    }

    /** @param stackAsBefore the stack runs what it ran before the operation (rejected, or fully rolled back) */
    public StackFailedException(String message, List<String> failedResources, boolean stackAsBefore) {
        super(message);
        this.failedResources = List.copyOf(failedResources);
        this.stackAsBefore = stackAsBefore;
    }

    public boolean stackAsBefore() {
        return stackAsBefore;
    }

    public List<String> failedResources() {
        return failedResources;
    }
}
