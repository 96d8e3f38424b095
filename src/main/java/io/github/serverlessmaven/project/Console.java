package io.github.serverlessmaven.project;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of long operations (zipping a large artifact, later uploads and stack events). On an interactive
 * terminal it is one live footer line, rewritten in place and erased when the operation ends; anywhere else
 * (batch mode, CI, a pipe, TERM=dumb) it is a few plain log lines. It never asks anything: there is no prompt.
 *
 * <pre>{@code
 * try (Console.Progress progress = console.progress("Zipping orders.zip", totalBytes)) {
 *     progress.advance(bytesDone);   // as often as convenient; output is throttled
 * }
 * }</pre>
 */
public interface Console {

    /** Starts reporting one operation of {@code totalBytes}; close the returned handle when it ends. */
    Progress progress(String task, long totalBytes);

    /** One running operation. */
    interface Progress extends AutoCloseable {

        /** Adds {@code bytes} to what is done. */
        void advance(long bytes);

        /** Ends the operation (erases the footer on a terminal); never throws. */
        @Override
        void close();
    }

    /** True when this console draws a live footer on a terminal (then status lines replace log lines). */
    default boolean live() {
        return false;
    }

    /** Shows {@code line} as the footer (a live console only); {@link #clearStatus} erases it. */
    default void status(String line) {}

    /** Erases a footer drawn by {@link #status}. */
    default void clearStatus() {}

    /**
     * A log for a long operation's running commentary (stack events): on a live console its info lines become
     * the footer, anything else goes to {@code log} as usual; elsewhere it is {@code log} itself.
     */
    default Log statusLog(Log log) {
        if (!live()) {
            return log;
        }
        Console console = this;
        return new Log() {
            @Override
            public void info(String message) {
                console.status(message.trim());
            }

            @Override
            public void warn(String message) {
                console.clearStatus();
                log.warn(message);
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }
        };
    }

    /** Reports nothing. */
    Console SILENT = (task, totalBytes) -> new Progress() {
        @Override
        public void advance(long bytes) {}

        @Override
        public void close() {}
    };

    /**
     * True when a live footer may be drawn: a terminal is attached, Maven is not in batch mode ({@code -B}), the
     * {@code CI} variable is unset (or "false") and {@code TERM} is not "dumb".
     */
    static boolean interactive(boolean terminalAttached, boolean batchMode, Map<String, String> env) {
        String ci = env.get("CI");
        boolean onCi = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
        return terminalAttached && !batchMode && !onCi && !"dumb".equals(env.get("TERM"));
    }

    /** The console for this build: a live footer on {@code terminal} when interactive, else lines on {@code log}. */
    static Console detect(Log log, PrintStream terminal, boolean terminalAttached, boolean batchMode,
            Map<String, String> env) {
        return interactive(terminalAttached, batchMode, env) ? new TerminalConsole(terminal, System::nanoTime,
                TerminalConsole.columns(env))
                : new PlainConsole(log, System::nanoTime);
    }

    /** Formats a byte count as one decimal MB ("12.5 MB"). */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
