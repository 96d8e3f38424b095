package io.github.serverlessmaven.ops;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code -Dserverless.startTime}: a span back from now ({@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}) or an ISO time. */
public final class TimeSpec {

    private static final Pattern RELATIVE = Pattern.compile("(\\d+)\\s*([smhdw])");

    private TimeSpec() {}

    /** The instant {@code text} names, relative to {@code now}; ISO times without a zone are UTC. */
    public static Instant parse(String text, Instant now) {
        String value = text.trim();
        Matcher m = RELATIVE.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration span = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
            return now.minus(span);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new ConfigException(Position.of("-Dserverless.startTime"), "", "'" + text + "' is neither "
                            + "a span such as 10m, 2h or 1d nor an ISO time such as 2024-05-01T12:00:00Z",
                            "write -Dserverless.startTime=30m or -Dserverless.startTime=2024-05-01T12:00:00Z");
                }
            }
        }
    }
}
