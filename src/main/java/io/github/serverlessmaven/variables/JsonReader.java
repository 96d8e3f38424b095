package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON for {@code ${file(x.json)}} as JavaScript's JSON.parse does, into nodes that keep line and column.
 * (Reading JSON as YAML almost works, but YAML refuses tab indentation and the {@code \/} escape.)
 */
final class JsonReader {

    static final int MAX_DEPTH = 100;

    /** Malformed JSON; the message names the position. */
    static final class JsonError extends Exception {
        JsonError(String message) {
            super(message, null, false, false);
        }
    }

    private final String s;
    private final String display;
    private int i;
    private int line = 1;
    private int lineStart;
    private int depth;

    private JsonReader(String s, String display) {
        this.s = s;
        this.display = display;
    }

    static Node read(String text, String display) throws JsonError {
        JsonReader r = new JsonReader(text, display);
        r.skipWhitespace();
        Node value = r.value();
        r.skipWhitespace();
        if (r.i < text.length()) {
            throw r.error("unexpected '" + text.charAt(r.i) + "' after the JSON value");
        }
        return value;
    }

    private Position here() {
        return new Position(display, line, i - lineStart + 1);
    }

    private JsonError error(String message) {
        return new JsonError(here() + ": invalid JSON: " + message);
    }

    private void skipWhitespace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private Node value() throws JsonError {
        if (i >= s.length()) {
            throw error("unexpected end of file");
        }
        Position at = here();
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(at);
            case '[':
                return array(at);
            case '"':
                return new ScalarNode(string(), at);
            case 't':
                return word("true", Boolean.TRUE, at);
            case 'f':
                return word("false", Boolean.FALSE, at);
            case 'n':
                return word("null", null, at);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(at);
                }
                throw error("unexpected '" + c + "'");
        }
    }

    private Node word(String word, Object value, Position at) throws JsonError {
        if (!s.startsWith(word, i)) {
            throw error("unexpected '" + s.charAt(i) + "'");
        }
        i += word.length();
        return new ScalarNode(value, at);
    }

    private Node number(Position at) throws JsonError {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        boolean fraction = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                fraction = true;
                i++;
            } else {
                break;
            }
        }
        String text = s.substring(start, i);
        String digits = text.startsWith("-") ? text.substring(1) : text;
        boolean startsWithDigit = !digits.isEmpty() && Character.isDigit(digits.charAt(0));
        boolean leadingZero = digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1));
        Number n = startsWithDigit && !leadingZero ? VariableParser.number(text) : null;
        if (n == null) {
            throw new JsonError(at + ": invalid JSON: bad number '" + text + "'");
        }
        return new ScalarNode(fraction && !(n instanceof Double) ? (Object) n.doubleValue() : n, at);
    }

    private String string() throws JsonError {
        i++;
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n' || c < 0x20) {
                i--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw error("bad escape '\\" + e + "'");
            }
        }
        throw error("unterminated string");
    }

    private Node object(Position at) throws JsonError {
        enter();
        i++;
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        skipWhitespace();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            depth--;
            return new MapNode(entries, keys, at);
        }
        while (true) {
            skipWhitespace();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("expected a \"key\"");
            }
            Position keyAt = here();
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            entries.remove(key); // JSON.parse keeps the last duplicate, in the last place
            entries.put(key, value());
            keys.put(key, keyAt);
            skipWhitespace();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect('}');
            depth--;
            return new MapNode(entries, keys, at);
        }
    }

    private Node array(Position at) throws JsonError {
        enter();
        i++;
        List<Node> items = new ArrayList<>();
        skipWhitespace();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            depth--;
            return new ListNode(items, at);
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect(']');
            depth--;
            return new ListNode(items, at);
        }
    }

    private void enter() throws JsonError {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c) throws JsonError {
        if (i >= s.length()) {
            throw error("expected '" + c + "' but the file ends");
        }
        if (s.charAt(i) != c) {
            throw error("expected '" + c + "' but found '" + s.charAt(i) + "'");
        }
        i++;
    }
}
