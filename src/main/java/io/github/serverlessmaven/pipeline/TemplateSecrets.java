package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secret values (those the variable resolver marked secret, e.g. SSM SecureStrings) out of the templates
 * written to {@code target/serverless}. A JSON string that equals a secret value is written as the placeholder
 * {@code {{serverless-maven:secret:<config path>}}}; the deploy puts the value back in memory, from the service it
 * resolved again, just before uploading. The uploaded template, and Lambda's configuration, do hold the value:
 * that is what putting a secret into an environment variable means, in v3 as well.
 */
public final class TemplateSecrets {

    static final String PLACEHOLDER_PREFIX = "{{serverless-maven:secret:";
    private static final Pattern PLACEHOLDER = Pattern.compile(Pattern.quote(PLACEHOLDER_PREFIX) + "([^}]*)}}");

    private final Map<String, String> valuesByPath;

    public TemplateSecrets(Service service) {
        this.valuesByPath = values(service);
    }

    public boolean isEmpty() {
        return valuesByPath.isEmpty();
    }

    /** The template text with every JSON string equal to a secret value replaced by that secret's placeholder. */
    public String mask(String json) {
        String out = json;
        for (Map.Entry<String, String> secret : valuesByPath.entrySet()) {
            out = out.replace(quoted(secret.getValue()), quoted(PLACEHOLDER_PREFIX + secret.getKey() + "}}"));
        }
        return out;
    }

    /** Config paths whose placeholder {@link #mask} put into {@code maskedJson}: secrets the template holds. */
    public List<String> placedIn(String maskedJson) {
        List<String> out = new ArrayList<>();
        valuesByPath.keySet().forEach(p -> {
            if (maskedJson.contains(PLACEHOLDER_PREFIX + p + "}}")) {
                out.add(p);
            }
        });
        return out;
    }

    /** Config paths whose value still shows in {@code json} (inside a longer string, where mask cannot reach). */
    public List<String> visibleIn(String json) {
        List<String> out = new ArrayList<>();
        valuesByPath.forEach((path, value) -> {
            String escaped = quoted(value);
            if (value.length() >= 4 && json.contains(escaped.substring(1, escaped.length() - 1))) {
                out.add(path);
            }
        });
        return out;
    }

    /** The masked template with each placeholder replaced by the value of its path in this service. */
    public String restore(String maskedJson) {
        Matcher m = PLACEHOLDER.matcher(maskedJson);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = valuesByPath.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : escapedContent(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The config path of the first placeholder left in the text (no such secret in the service), or null. */
    public static String unresolved(String json) {
        Matcher m = PLACEHOLDER.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String escapedContent(String value) {
        String quoted = quoted(value);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String quoted(String value) {
        StringBuilder sb = new StringBuilder();
        Json.quote(sb, value);
        return sb.toString();
    }

    /** Every string (or scalar) value at or under a secret path, by its dotted path. */
    private static Map<String, String> values(Service service) {
        Map<String, String> out = new LinkedHashMap<>();
        if (service.secretPaths().isEmpty() || service.root() == null) {
            return out;
        }
        Object root = service.root().toPlain();
        for (String path : service.secretPaths()) {
            String canonical = path.replaceAll("\\[(\\d+)]", ".$1").replaceAll("^\\.", "");
            collect(find(root, canonical.split("\\.")), canonical, out);
        }
        return out;
    }

    private static Object find(Object node, String[] segments) {
        Object current = node;
        for (String segment : segments) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.matches("\\d+")
                    && Integer.parseInt(segment) < list.size()) {
                current = list.get(Integer.parseInt(segment));
            } else {
                return null;
            }
        }
        return current;
    }

    private static void collect(Object value, String path, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, path + "." + k, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path + "." + i, out);
            }
        } else if (value != null && !String.valueOf(value).isEmpty()) {
            out.putIfAbsent(path, String.valueOf(value));
        }
    }
}
