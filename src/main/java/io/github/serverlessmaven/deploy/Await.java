package io.github.serverlessmaven.deploy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for an upload run on a pool: its own failure surfaces as it is, anything else as a DeployException. */
final class Await {

    private Await() {}

    /**
     * @param failed the message start for a failure that is not a RuntimeException ({@code ": cause"} follows)
     * @param interrupted the message when the wait is interrupted
     */
    static <T> T result(Future<T> future, String failed, String interrupted) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DeployException(failed + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException(interrupted);
        }
    }
}
