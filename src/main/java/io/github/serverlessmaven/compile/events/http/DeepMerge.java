package io.github.serverlessmaven.compile.events.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lodash's {@code _.merge} on plain template values. v3 builds REST API resources by merging partial
 * templates, and some of its output depends on lodash's rules: maps merge key by key, lists merge index by
 * index (so a method's {@code DependsOn: [permission]} merged with {@code [authorizer]} becomes
 * {@code [authorizer]}), and null sources never overwrite.
 */
final class DeepMerge {

    private DeepMerge() {}

    /** Merges {@code source} into {@code target} (changed in place) and returns it. */
    static Map<String, Object> into(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            if (entry.getValue() != null) {
                target.put(entry.getKey(), mergeValue(target.get(entry.getKey()), entry.getValue()));
            }
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object existing, Object incoming) {
        if (incoming instanceof Map<?, ?> in) {
            Map<String, Object> base = existing instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
            return into(base, (Map<String, Object>) in);
        }
        if (incoming instanceof List<?> in) {
            List<Object> base = existing instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                Object item = in.get(i);
                if (item == null) {
                    continue;
                }
                if (i < base.size()) {
                    base.set(i, mergeValue(base.get(i), item));
                } else {
                    base.add(mergeValue(null, item));
                }
            }
            return base;
        }
        return incoming;
    }
}
