package io.github.serverlessmaven.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, position-aware reading of a map node. Every failure names the file, line, column and the dotted
 * configuration path, says what was expected and how to fix it.
 */
public final class ConfigReader {

    private final MapNode node;
    private final String path;

    public ConfigReader(MapNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Reads {@code value} as a map, failing with a typed error otherwise. */
    public static ConfigReader of(Node value, String path) {
        if (value instanceof MapNode m) {
            return new ConfigReader(m, path);
        }
        throw typeError(value, path, "a map");
    }

    public MapNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    public Position position() {
        return node.position();
    }

    public String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        Node v = node.get(key);
        return v != null && !(v instanceof ScalarNode s && s.isNull());
    }

    public Set<String> keys() {
        return node.entries().keySet();
    }

    /** The raw node, or null when absent or null. */
    public Node raw(String key) {
        Node v = node.get(key);
        return v instanceof ScalarNode s && s.isNull() ? null : v;
    }

    /** The value as plain Java (map, list, scalar), e.g. to copy CloudFormation through; null when absent. */
    public Object plain(String key) {
        Node v = raw(key);
        return v == null ? null : v.toPlain();
    }

    public Optional<String> optString(String key) {
        Node v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof ScalarNode s && !(s.value() instanceof Boolean)) {
            return Optional.of(String.valueOf(s.value()));
        }
        throw typeError(v, childPath(key), "a string");
    }

    public String string(String key, String fix) {
        String value = optString(key).orElse(null);
        if (value == null) {
            throw missing(key, "a string", fix);
        }
        return value;
    }

    public Optional<Integer> optInt(String key, int min, int max) {
        Node v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        int value;
        if (v instanceof ScalarNode s && s.value() instanceof Integer i) {
            value = i;
        } else if (v instanceof ScalarNode s && s.value() instanceof String str && str.matches("-?\\d{1,9}")) {
            value = Integer.parseInt(str);
        } else {
            throw typeError(v, childPath(key), "an integer from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw new ConfigException(v.position(), childPath(key), "expected an integer from " + min + " to " + max
                    + ", found " + value, "use a value in that range");
        }
        return Optional.of(value);
    }

    public Optional<Boolean> optBool(String key) {
        Node v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof ScalarNode s && s.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v instanceof ScalarNode s && s.value() instanceof String str
                && (str.equalsIgnoreCase("true") || str.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(str));
        }
        throw typeError(v, childPath(key), "true or false");
    }

    public boolean bool(String key, boolean fallback) {
        return optBool(key).orElse(fallback);
    }

    public Optional<String> optEnum(String key, Collection<String> allowed) {
        Optional<String> value = optString(key);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw new ConfigException(raw(key).position(), childPath(key), "unsupported value '" + value.get()
                    + "', expected one of " + allowed, "use one of " + allowed);
        }
        return value;
    }

    public Optional<ConfigReader> optMap(String key) {
        Node v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(of(v, childPath(key)));
    }

    /** A list; a single scalar or map is accepted as a one-item list (v3's coerceTypes: 'array'). */
    public List<Node> list(String key) {
        Node v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof ListNode l) {
            return l.items();
        }
        return List.of(v);
    }

    public List<String> stringList(String key) {
        List<String> out = new ArrayList<>();
        List<Node> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
                out.add(String.valueOf(s.value()));
            } else if (raw(key) instanceof ListNode) {
                throw typeError(item, childPath(key) + "[" + i + "]", "a string");
            } else {
                // A single value stands for a one-item list, so an index in the path would point at nothing.
                throw typeError(item, childPath(key), "a string or a list of strings");
            }
        }
        return out;
    }

    /** A map of string keys to plain values (e.g. environment variables, tags). */
    public Map<String, Object> plainMap(String key) {
        Node v = raw(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof MapNode m)) {
            throw typeError(v, childPath(key), "a map");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : m.entries().entrySet()) {
            out.put(entry.getKey(), entry.getValue().toPlain());
        }
        return out;
    }

    /** Reports keys not in {@code known} through the diagnostics (warning or error per configValidationMode). */
    public void checkKnownKeys(Set<String> known, Diagnostics diagnostics) {
        for (String key : node.entries().keySet()) {
            if (!known.contains(key)) {
                String suggestion = closest(key, known);
                diagnostics.schema(new Problem(node.keyPosition(key), childPath(key), "unrecognized property '" + key
                        + "'", suggestion != null ? "write '" + suggestion + "'" : "remove it (known: "
                        + new TreeSet<>(known) + ")"));
            }
        }
    }

    public ConfigException error(String key, String message, String fix) {
        Node v = node.get(key);
        Position p = v != null ? v.position() : node.position();
        return new ConfigException(p, childPath(key), message, fix);
    }

    private ConfigException missing(String key, String expected, String fix) {
        return new ConfigException(node.position(), childPath(key), "missing required property '" + key
                + "' (" + expected + ")", fix);
    }

    public static ConfigException typeError(Node value, String path, String expected) {
        return new ConfigException(List.of(typeProblem(value, path, expected)));
    }

    /** The problem {@link #typeError} reports, for checks that collect every problem before failing. */
    public static Problem typeProblem(Node value, String path, String expected) {
        String found = value.kind();
        if (value instanceof ScalarNode s && s.value() != null) {
            found += " '" + s.value() + "'";
        }
        return new Problem(value.position(), path, "expected " + expected + " but found " + found,
                "change the value to " + expected);
    }

    /** The closest known word within a small edit distance, for "did you mean" hints. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= Math.max(2, word.length() / 3) ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
