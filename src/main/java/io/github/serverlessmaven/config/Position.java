package io.github.serverlessmaven.config;

/** Where a value came from: a file (or POM element path) with 1-based line and column. */
public record Position(String source, int line, int column) {

    public static final Position UNKNOWN = new Position("<unknown>", 0, 0);

    public static Position of(String source) {
        return new Position(source, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return source;
        }
        return source + ":" + line + ":" + column;
    }
}
