package io.github.serverlessmaven.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private long nanos;
    private final List<String> lines = new ArrayList<>();
    private final Log log = new Log() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };

    @Test
    void interactiveOnlyOnATerminalOutsideBatchModeAndCi() {
        assertThat(Console.interactive(true, false, Map.of("TERM", "xterm"))).isTrue();
        assertThat(Console.interactive(false, false, Map.of())).isFalse();
        assertThat(Console.interactive(true, true, Map.of())).isFalse();
        assertThat(Console.interactive(true, false, Map.of("CI", "true"))).isFalse();
        assertThat(Console.interactive(true, false, Map.of("CI", "false"))).isTrue();
        assertThat(Console.interactive(true, false, Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void detectPicksTheFooterOnlyWhenInteractive() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Console.detect(log, out, true, false, Map.of())).isInstanceOf(TerminalConsole.class);
        assertThat(Console.detect(log, out, true, true, Map.of())).isInstanceOf(PlainConsole.class);
    }

    @Test
    void terminalRedrawsOneLineInPlaceThrottledAndErasesIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long mb = 1024 * 1024;
        try (Console.Progress progress = new TerminalConsole(out, () -> nanos).progress("Zipping a.zip", 4 * mb)) {
            progress.advance(mb);
            nanos += TimeUnit.MILLISECONDS.toNanos(10);
            progress.advance(mb); // too soon after the first draw: not drawn
            nanos += TimeUnit.MILLISECONDS.toNanos(TerminalConsole.REDRAW_MILLIS);
            progress.advance(2 * mb);
        }
        String first = "Zipping a.zip [######                  ] 25% 1.0 MB / 4.0 MB";
        String last = "Zipping a.zip [########################] 100% 4.0 MB / 4.0 MB";
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\r" + first + "\r" + last + "\r"
                + " ".repeat(last.length()) + "\r");
        assertThat(lines).isEmpty();
    }

    @Test
    void aFooterWiderThanTheTerminalKeepsItsFiguresAndElidesTheTask() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Console.Progress progress = new TerminalConsole(out, () -> nanos, 40)
                .progress("Zipping a-very-long-service-name.zip", 1024 * 1024)) {
            progress.advance(1024 * 1024);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8).split("\r")[1];
        assertThat(drawn).hasSize(39).startsWith("…").endsWith("] 100% 1.0 MB / 1.0 MB");
    }

    @Test
    void theWidthComesFromColumns() {
        assertThat(TerminalConsole.columns(Map.of("COLUMNS", "132"))).isEqualTo(132);
        assertThat(TerminalConsole.columns(Map.of())).isEqualTo(TerminalConsole.DEFAULT_COLUMNS);
    }

    @Test
    void plainSaysWhenItStartsAndThenEveryTenSeconds() {
        long mb = 1024 * 1024;
        try (Console.Progress progress = new PlainConsole(log, () -> nanos).progress("Zipping a.zip", 10 * mb)) {
            progress.advance(mb);
            nanos += TimeUnit.SECONDS.toNanos(PlainConsole.INTERVAL_SECONDS);
            progress.advance(4 * mb);
            nanos += TimeUnit.SECONDS.toNanos(1);
            progress.advance(5 * mb);
        }
        assertThat(lines).containsExactly("Zipping a.zip (10.0 MB)", "Zipping a.zip: 50% (5.0 MB of 10.0 MB)");
    }
}
