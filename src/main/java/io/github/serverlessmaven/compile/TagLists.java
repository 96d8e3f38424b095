package io.github.serverlessmaven.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CloudFormation's {@code [{Key, Value}]} tag lists from a tag map. */
public final class TagLists {

    private TagLists() {}

    public static List<Object> of(Map<String, Object> tags) {
        List<Object> out = new ArrayList<>();
        tags.forEach((k, v) -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("Key", k);
            tag.put("Value", v instanceof String || v instanceof Map ? v : String.valueOf(v));
            out.add(tag);
        });
        return out;
    }
}
