package io.github.serverlessmaven.project;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress as log lines, for batch mode and CI logs: one line when the operation starts, then one line every
 * {@link #INTERVAL_SECONDS} seconds while it runs (so a slow step shows it is alive), nothing when it ends
 * (the caller logs the outcome).
 */
public final class PlainConsole implements Console {

    static final long INTERVAL_SECONDS = 10;

    private final Log log;
    private final LongSupplier nanoClock;

    public PlainConsole(Log log, LongSupplier nanoClock) {
        this.log = log;
        this.nanoClock = nanoClock;
    }

    @Override
    public Progress progress(String task, long totalBytes) {
        log.info(task + " (" + Console.megabytes(totalBytes) + ")");
        return new Progress() {
            private long done;
            private long lastReport = nanoClock.getAsLong();

            @Override
            public void advance(long bytes) {
                done += bytes;
                long now = nanoClock.getAsLong();
                if (now - lastReport >= TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS)) {
                    lastReport = now;
                    log.info(task + ": " + TerminalConsole.percent(done, totalBytes) + "% (" + Console.megabytes(done)
                            + " of " + Console.megabytes(totalBytes) + ")");
                }
            }

            @Override
            public void close() {}
        };
    }
}
