package io.github.serverlessmaven.print;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces secret values in a plain configuration tree by {@value #MASK}: the paths the variable resolver
 * reports as secret (e.g. values from SSM SecureStrings), and, in environment variable maps, every variable whose
 * name says it holds a secret (PASSWORD, API_KEY, ...).
 */
public final class SecretMasker {

    public static final String MASK = "********";

    static final Pattern SECRET_NAME = Pattern.compile("(?i)(secret|password|token|api[_-]?key|private[_-]?key)");

    private final Set<String> secretPaths;

    /** @param secretPaths dotted paths such as {@code provider.environment.DB_PASSWORD} or {@code a.list[0]} */
    public SecretMasker(Set<String> secretPaths) {
        this.secretPaths = secretPaths.stream().map(SecretMasker::canonical).collect(Collectors.toSet());
    }

    public Object mask(Object root) {
        return mask(root, "", null, null);
    }

    private Object mask(Object value, String path, String key, String parentKey) {
        if (!path.isEmpty() && secretPaths.contains(path)) {
            return MASK;
        }
        if (value instanceof Map<?, ?> map) {
            boolean environment = key != null && (key.equalsIgnoreCase("environment")
                    || key.equals("Variables") && "Environment".equals(parentKey));
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String name = String.valueOf(k);
                if (environment && isScalar(v) && v != null && SECRET_NAME.matcher(name).find()) {
                    out.put(name, MASK);
                } else {
                    out.put(name, mask(v, join(path, name), name, key));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(mask(list.get(i), join(path, String.valueOf(i)), key, parentKey));
            }
            return out;
        }
        return value;
    }

    private static boolean isScalar(Object v) {
        return !(v instanceof Map) && !(v instanceof List);
    }

    private static String join(String path, String segment) {
        return path.isEmpty() ? segment : path + "." + segment;
    }

    /** {@code a.b[0].c} and {@code a.b.0.c} name the same value. */
    static String canonical(String path) {
        return path.replaceAll("\\[(\\d+)]", ".$1").replaceAll("^\\.", "");
    }
}
