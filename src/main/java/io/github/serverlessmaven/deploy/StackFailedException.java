package io.github.serverlessmaven.deploy;

import java.util.List;

/** A stack operation ended in a failed state; the message names each failed resource and CloudFormation's reason. */
public class StackFailedException extends DeployException {

    private final List<String> failedResources;

    public StackFailedException(String message, List<String> failedResources) {
        super(message);
        this.failedResources = List.copyOf(failedResources);
    }

    public List<String> failedResources() {
        return failedResources;
    }
}
