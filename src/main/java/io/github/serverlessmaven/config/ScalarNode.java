package io.github.serverlessmaven.config;

/**
 * A string, number, boolean or null. Numbers are Integer, Long or Double, as written.
 */
public record ScalarNode(Object value, Position position) implements Node {

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    @Override
    public Object toPlain() {
        return value;
    }

    @Override
    public String kind() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
