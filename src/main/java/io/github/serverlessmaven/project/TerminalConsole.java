package io.github.serverlessmaven.project;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress as one footer line on an interactive terminal, redrawn in place with a carriage return at most every
 * {@link #REDRAW_MILLIS} ms and erased when the operation ends, so the build log keeps no trace of it.
 */
public final class TerminalConsole implements Console {

    static final long REDRAW_MILLIS = 100;
    private static final int BAR = 24;

    /** Used when the terminal's width is unknown ({@code COLUMNS} unset). */
    static final int DEFAULT_COLUMNS = 80;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final int columns;

    public TerminalConsole(PrintStream out, LongSupplier nanoClock) {
        this(out, nanoClock, DEFAULT_COLUMNS);
    }

    /** @param columns the terminal's width: a longer footer would wrap, and a carriage return cannot redraw it */
    public TerminalConsole(PrintStream out, LongSupplier nanoClock, int columns) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.columns = Math.max(20, columns);
    }

    /** The width in the {@code COLUMNS} variable, else {@link #DEFAULT_COLUMNS}. */
    static int columns(Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
        } catch (NumberFormatException unset) {
            return DEFAULT_COLUMNS;
        }
    }

    private int statusWidth;

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public synchronized void status(String line) {
        String fitted = fit(line, columns - 1);
        String padded = fitted.length() < statusWidth ? fitted + " ".repeat(statusWidth - fitted.length()) : fitted;
        out.print("\r" + padded);
        out.flush();
        statusWidth = fitted.length();
    }

    @Override
    public synchronized void clearStatus() {
        if (statusWidth > 0) {
            out.print("\r" + " ".repeat(statusWidth) + "\r");
            out.flush();
            statusWidth = 0;
        }
    }

    @Override
    public Progress progress(String task, long totalBytes) {
        return new Progress() {
            private long done;
            private long lastDraw = Long.MIN_VALUE;
            private int drawnWidth;

            @Override
            public void advance(long bytes) {
                done += bytes;
                long now = nanoClock.getAsLong();
                if (lastDraw == Long.MIN_VALUE || now - lastDraw >= TimeUnit.MILLISECONDS.toNanos(REDRAW_MILLIS)) {
                    lastDraw = now;
                    draw(fit(footer(task, done, totalBytes), columns - 1));
                }
            }

            private void draw(String line) {
                // Pad with spaces so a shorter line fully covers the previous one.
                String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
                out.print("\r" + padded);
                out.flush();
                drawnWidth = line.length();
            }

            @Override
            public void close() {
                if (drawnWidth > 0) {
                    out.print("\r" + " ".repeat(drawnWidth) + "\r");
                    out.flush();
                    drawnWidth = 0;
                }
            }
        };
    }

    static String footer(String task, long done, long total) {
        int percent = percent(done, total);
        int filled = percent * BAR / 100;
        return task + " [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + percent + "% "
                + Console.megabytes(done) + " / " + Console.megabytes(total);
    }

    /** Shortens the line to {@code width} characters, keeping its end (the figures) and eliding the task. */
    static String fit(String line, int width) {
        if (line.length() <= width) {
            return line;
        }
        return "…" + line.substring(line.length() - (width - 1));
    }

    static int percent(long done, long total) {
        if (total <= 0) {
            return 100;
        }
        return (int) Math.min(100, done * 100 / total);
    }
}
