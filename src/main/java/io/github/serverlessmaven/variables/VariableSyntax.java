package io.github.serverlessmaven.variables;

import java.util.List;

/** The parsed form of a configuration string that may contain {@code ${...}} variables. */
final class VariableSyntax {

    private VariableSyntax() {}

    /**
     * A string split into literal text and variables; params and addresses are expressions too (nesting).
     *
     * @param quoted written in quotes, so it stays a string even when it looks like a number
     */
    record Expr(List<Part> parts, boolean quoted) {

        static Expr quoted(String text) {
            return new Expr(List.of(new Text(text)), true);
        }

        boolean hasVariables() {
            for (Part p : parts) {
                if (p instanceof Variable) {
                    return true;
                }
            }
            return false;
        }

        /** The whole string is one variable, so its value may be a map, list, number... as resolved. */
        Variable wholeVariable() {
            return parts.size() == 1 && parts.get(0) instanceof Variable v ? v : null;
        }

        /** The text when there are no variables. */
        String text() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof Text t) {
                    sb.append(t.text());
                }
            }
            return sb.toString();
        }
    }

    sealed interface Part permits Text, Variable {}

    record Text(String text) implements Part {}

    /**
     * One {@code ${first, fallback, ...}}.
     *
     * @param raw the variable as written, for messages
     */
    record Variable(String raw, List<Source> sources) implements Part {

        /** The variable with {@code , 'example'} added as last fallback, for "add a fallback" hints. */
        String withFallback(String example) {
            return raw.substring(0, raw.length() - 1) + ", '" + example + "'}";
        }
    }

    sealed interface Source permits Literal, Call, Nested {}

    /** A fallback literal: string, number, boolean or null. */
    record Literal(Object value) implements Source {}

    /**
     * {@code type(params):address}.
     *
     * @param params null when written without parentheses; an item is null for an empty param
     * @param address null when written without an address
     */
    record Call(String type, List<Expr> params, Expr address) implements Source {}

    /** {@code ${env:X, ${self:y}}}: a whole variable as fallback (Serverless v2 style, still common). */
    record Nested(Variable variable) implements Source {}
}
