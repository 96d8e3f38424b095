package io.github.serverlessmaven.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping; keeps key order and where each key was written. */
public record MapNode(Map<String, Node> entries, Map<String, Position> keyPositions, Position position)
        implements Node {

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
    }

    public static MapNode empty(Position position) {
        return new MapNode(Map.of(), Map.of(), position);
    }

    public Node get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Position keyPosition(String key) {
        Position p = keyPositions.get(key);
        if (p != null) {
            return p;
        }
        Node value = entries.get(key);
        return value != null ? value.position() : position;
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, v.toPlain()));
        return out;
    }

    @Override
    public String kind() {
        return "a map";
    }
}
