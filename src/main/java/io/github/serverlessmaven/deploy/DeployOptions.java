package io.github.serverlessmaven.deploy;

import java.time.Duration;

/**
 * @param force deploy even when nothing changed
 * @param timeout how long to wait for a stack operation or a busy stack
 * @param pollInterval the longest pause between two status polls
 */
public record DeployOptions(boolean force, Duration timeout, Duration pollInterval) {

    public static DeployOptions defaults() {
        return new DeployOptions(false, Duration.ofMinutes(30), Duration.ofSeconds(5));
    }
}
