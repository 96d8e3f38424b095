package io.github.serverlessmaven.template;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for plain Java values, formatted as JavaScript's {@code JSON.stringify(v, null, 2)} so
 * templates read like the ones v3 writes. Kept dependency-free so the package goal loads no JSON library.
 */
public final class Json {

    private Json() {}

    public static String pretty(Object value) {
        StringBuilder sb = new StringBuilder(4096);
        write(sb, value, 0, true);
        return sb.toString();
    }

    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder(1024);
        write(sb, value, 0, false);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent, boolean pretty) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                sb.append(d.longValue());
            } else {
                sb.append(d);
            }
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent + 1, pretty);
                quote(sb, String.valueOf(e.getKey()));
                sb.append(pretty ? ": " : ":");
                write(sb, e.getValue(), indent + 1, pretty);
            }
            newline(sb, indent, pretty);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent + 1, pretty);
                write(sb, l.get(i), indent + 1, pretty);
            }
            newline(sb, indent, pretty);
            sb.append(']');
        } else {
            quote(sb, v.toString());
        }
    }

    /** A newline and then indentation, sliced per depth: one append instead of one per level. */
    private static final String NEWLINE_AND_INDENT = "\n" + "  ".repeat(64);

    private static void newline(StringBuilder sb, int indent, boolean pretty) {
        if (pretty) {
            if (indent < 64) {
                sb.append(NEWLINE_AND_INDENT, 0, 1 + 2 * indent);
            } else {
                sb.append('\n').append("  ".repeat(indent));
            }
        }
    }

    /**
     * The string in double quotes, escaped as JSON.stringify does. Runs of characters that need no escape are
     * appended whole: on a cold JVM this loop runs interpreted over every character of every template.
     */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            sb.append(s, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        sb.append(s, plainFrom, s.length()).append('"');
    }
}
