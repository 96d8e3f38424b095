package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code rate(...)} and {@code cron(...)} expressions the way v3's schema pattern does, but with an error
 * that says what exactly is wrong.
 */
final class ScheduleExpressions {

    private static final Pattern RATE = Pattern.compile("^rate\\((.*)\\)$");
    private static final Pattern RATE_BODY = Pattern.compile("^(\\d+) ([a-z]+)$");
    private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");
    private static final Set<String> UNITS = Set.of("minute", "hour", "day");

    private ScheduleExpressions() {}

    /** Throws a ConfigException unless {@code expression} is a valid rate or cron expression. */
    static void check(String expression, Position position, String path) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            checkRate(expression, rate.group(1), position, path);
            return;
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            String body = cron.group(1).trim();
            int fields = body.isEmpty() ? 0 : body.split("\\s+").length;
            if (fields != 6 || !cron.group(1).equals(String.join(" ", body.split("\\s+")))) {
                throw new ConfigException(position, path, "invalid cron expression '" + expression + "': expected 6 "
                        + "fields separated by single spaces (minutes hours day-of-month month day-of-week year), "
                        + "found " + fields, "write it like cron(0 12 * * ? *)");
            }
            return;
        }
        throw new ConfigException(position, path, "invalid schedule expression '" + expression + "': expected "
                + "rate(<value> <unit>) or cron(<6 fields>)", "write it like rate(5 minutes) or cron(0 12 * * ? *)");
    }

    private static void checkRate(String expression, String body, Position position, String path) {
        Matcher m = RATE_BODY.matcher(body);
        if (!m.matches()) {
            throw new ConfigException(position, path, "invalid rate expression '" + expression + "': expected a "
                    + "positive whole number and a unit (minute(s), hour(s) or day(s)) separated by one space",
                    "write it like rate(5 minutes) or rate(1 hour)");
        }
        String digits = m.group(1);
        String unit = m.group(2);
        boolean plural = unit.endsWith("s");
        String singular = plural ? unit.substring(0, unit.length() - 1) : unit;
        if (!UNITS.contains(singular)) {
            throw new ConfigException(position, path, "invalid rate expression '" + expression + "': unknown unit '"
                    + unit + "', expected minute(s), hour(s) or day(s)", "write it like rate(5 minutes)");
        }
        if (digits.startsWith("0")) {
            throw new ConfigException(position, path, "invalid rate expression '" + expression + "': the value must "
                    + "be a positive whole number without leading zeros", "write it like rate(5 minutes)");
        }
        boolean one = digits.equals("1");
        if (one && plural) {
            throw new ConfigException(position, path, "invalid rate expression '" + expression + "': a value of 1 "
                    + "takes the singular unit '" + singular + "'", "write rate(1 " + singular + ")");
        }
        if (!one && !plural) {
            throw new ConfigException(position, path, "invalid rate expression '" + expression + "': a value other "
                    + "than 1 takes the plural unit '" + singular + "s'", "write rate(" + digits + " " + singular
                    + "s)");
        }
    }
}
