package io.github.serverlessmaven.invoke;

/**
 * The handler ran and failed: it threw, timed out or ended its JVM. The message is for the user as it is
 * (exception class, message and the handler's own stack frames).
 */
public class InvocationFailedException extends RuntimeException {

    public InvocationFailedException(String message) {
        super(message);
    }
}
