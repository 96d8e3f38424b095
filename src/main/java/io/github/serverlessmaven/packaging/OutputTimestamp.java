package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The one timestamp every zip entry carries: {@code project.build.outputTimestamp}, read as Maven reads it. */
public final class OutputTimestamp {

    // Epoch seconds rather than Instant.parse: parsing would load java.time.format on every package run.

    /** 1980-02-01T00:00:00Z, used when the project sets no outputTimestamp; February keeps time zones from
     * shifting it before 1980. */
    public static final Instant DEFAULT = Instant.ofEpochSecond(318_211_200L);

    /** 1980-01-01T00:00:02Z. */
    private static final Instant MIN = Instant.ofEpochSecond(315_532_802L);
    /** 2099-12-31T23:59:59Z. */
    private static final Instant MAX = Instant.ofEpochSecond(4_102_444_799L);

    private OutputTimestamp() {}

    /** Epoch seconds or ISO-8601 with offset; null or a single character (Maven's "disabled") gives the default. */
    public static Instant parse(String value) {
        if (value == null || value.trim().length() < 2) {
            return DEFAULT;
        }
        String v = value.trim();
        Instant instant;
        try {
            instant = v.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(v))
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(v, "is neither an ISO-8601 date-time with offset nor epoch seconds");
        }
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw invalid(v, "is outside the range zip files can record (1980 to 2099)");
        }
        return instant;
    }

    private static ConfigException invalid(String value, String why) {
        return new ConfigException(Position.of("pom.xml"), "project.build.outputTimestamp",
                "the value '" + value + "' " + why,
                "write it like 2026-11-23T00:00:00Z, as maven-jar-plugin expects");
    }
}
