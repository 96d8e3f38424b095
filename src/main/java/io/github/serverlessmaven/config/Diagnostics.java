package io.github.serverlessmaven.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects warnings, and in {@code configValidationMode: error} turns would-be warnings about the schema into
 * errors, as v3 does.
 */
public final class Diagnostics {

    public enum Mode { WARN, ERROR, OFF }

    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();
    private Mode mode = Mode.WARN;

    public Mode mode() {
        return mode;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** A schema problem (unknown key and the like): a warning or an error depending on the mode. */
    public void schema(Problem problem) {
        switch (mode) {
            case ERROR -> errors.add(problem);
            case WARN -> warnings.add(problem);
            case OFF -> { }
        }
    }

    public void warn(Problem problem) {
        warnings.add(problem);
    }

    public void warn(Position position, String path, String message, String fix) {
        warnings.add(new Problem(position, path, message, fix));
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws the collected errors, if any. */
    public void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
