package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import java.util.Map;
import java.util.Optional;

/**
 * Where each goal parameter's value comes from, as Jib does it: {@code -Dserverless.<name>} on the command line
 * wins over the POM's {@code <configuration>}, which wins over serverless.yml (applied later by the core, e.g.
 * provider.stage), which wins over the default. Maven alone would let an explicitly configured POM value win
 * over {@code -D}; the Mojo asks this class first.
 */
public final class GoalParameters {

    private final Map<String, String> userProperties;
    private final Map<String, String> projectProperties;

    /**
     * @param userProperties {@code -D} values of this build
     * @param projectProperties the POM's {@code <properties>}
     */
    public GoalParameters(Map<String, String> userProperties, Map<String, String> projectProperties) {
        this.userProperties = userProperties;
        this.projectProperties = projectProperties;
    }

    /**
     * @param property e.g. {@code serverless.stage}
     * @param pomValue the parameter as Maven injected it (POM {@code <configuration>}, else the property), or null
     * @return the {@code -D} value when given, else the POM value; null (blank counts as unset) so that
     *     serverless.yml or the default applies
     */
    public String value(String property, String pomValue) {
        String commandLine = userProperties.get(property);
        if (commandLine != null && !commandLine.isBlank()) {
            return commandLine.trim();
        }
        return pomValue == null || pomValue.isBlank() ? null : pomValue.trim();
    }

    /**
     * Whether the goal is skipped, and why. The goal's own switch ({@code serverless.package.skip}) wins over the
     * general one ({@code serverless.skip}); on each level {@code -D} wins over the POM, so
     * {@code -Dserverless.skip=false} runs a goal the POM skips.
     *
     * @param pomSkip the {@code skip} parameter as Maven injected it (POM {@code <skip>} or property)
     * @return the reason to log when skipped, empty when the goal runs
     */
    public Optional<String> skipReason(String goal, boolean pomSkip) {
        String goalProperty = "serverless." + goal + ".skip";
        Boolean decision = flag(userProperties, goalProperty);
        String source = "-D" + goalProperty;
        if (decision == null) {
            decision = flag(userProperties, "serverless.skip");
            source = "-Dserverless.skip";
        }
        if (decision == null) {
            decision = flag(projectProperties, goalProperty);
            source = "the POM property " + goalProperty;
        }
        if (decision == null) {
            decision = pomSkip;
            source = "serverless.skip (POM <skip> or property)";
        }
        return decision ? Optional.of("Skipping serverless:" + goal + " because " + source + " is true")
                : Optional.empty();
    }

    private static Boolean flag(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(Position.of("Maven properties"), name, "expected true or false but found '"
                + value + "'", "set " + name + " to true or false, e.g. -D" + name + "=true");
    }
}
