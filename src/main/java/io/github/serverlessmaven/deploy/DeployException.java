package io.github.serverlessmaven.deploy;

/**
 * A deploy-time failure told in plain words (what went wrong, and what to do), never with a stack trace or a
 * secret. The Mojo base turns it into a build failure showing only the message.
 */
public class DeployException extends RuntimeException {

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
