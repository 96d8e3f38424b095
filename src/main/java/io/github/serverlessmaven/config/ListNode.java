package io.github.serverlessmaven.config;

import java.util.ArrayList;
import java.util.List;

/** A sequence. */
public record ListNode(List<Node> items, Position position) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (Node item : items) {
            out.add(item.toPlain());
        }
        return out;
    }

    @Override
    public String kind() {
        return "a list";
    }
}
