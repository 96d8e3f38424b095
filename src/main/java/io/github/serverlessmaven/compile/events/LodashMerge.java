package io.github.serverlessmaven.compile.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lodash's {@code _.merge} for plain values: maps merge key by key (existing keys keep their place), lists
 * merge index by index. v3 adds several event resources this way, so two events writing one logical ID end
 * up merged rather than replaced.
 */
final class LodashMerge {

    private LodashMerge() {}

    /** Merges {@code source} into {@code resources[logicalId]}, adding it when absent. */
    static void mergeResource(Map<String, Object> resources, String logicalId, Map<String, Object> source) {
        Object existing = resources.get(logicalId);
        resources.put(logicalId, existing == null ? source : merge(existing, source));
    }

    @SuppressWarnings("unchecked")
    static Object merge(Object target, Object source) {
        if (target instanceof Map<?, ?> t && source instanceof Map<?, ?> s) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) t);
            ((Map<String, Object>) s).forEach((k, v) -> out.put(k, out.containsKey(k) ? merge(out.get(k), v) : v));
            return out;
        }
        if (target instanceof List<?> t && source instanceof List<?> s) {
            List<Object> out = new ArrayList<>(t);
            for (int i = 0; i < s.size(); i++) {
                if (i < out.size()) {
                    out.set(i, merge(out.get(i), s.get(i)));
                } else {
                    out.add(s.get(i));
                }
            }
            return out;
        }
        return source == null ? target : source;
    }
}
