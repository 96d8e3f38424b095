package io.github.serverlessmaven.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mistake in the user's configuration or project. Its message is meant for the user as it is: the Mojo
 * turns it into a build failure without a stack trace.
 */
public class ConfigException extends RuntimeException {

    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Position position, String path, String message, String fix) {
        this(List.of(new Problem(position, path, message, fix)));
    }

    public ConfigException(Position position, String message) {
        this(position, "", message, null);
    }

    public List<Problem> problems() {
        return problems;
    }
}
