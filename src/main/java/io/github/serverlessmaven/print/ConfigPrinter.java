package io.github.serverlessmaven.print;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * {@code serverless print}: the resolved configuration, or one value of it, as YAML, JSON or text, with secret
 * values masked.
 */
public final class ConfigPrinter {

    public enum Format { YAML, JSON, TEXT }

    private static final List<String> FORMAT_NAMES = List.of("yaml", "json", "text");

    private ConfigPrinter() {}

    public static Format format(String name) {
        if (name == null || name.isBlank()) {
            return Format.YAML;
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (!FORMAT_NAMES.contains(lower)) {
            String close = ConfigReader.closest(lower, FORMAT_NAMES);
            throw new ConfigException(Position.of("-Dserverless.format"), "", "unknown format '" + name
                    + "' (formats: yaml, json, text)", "write -Dserverless.format=" + (close != null ? close : "yaml"));
        }
        return Format.valueOf(lower.toUpperCase(Locale.ROOT));
    }

    /**
     * @param resolved the configuration after variable resolution, as plain values
     * @param secretPaths paths whose values came from secret sources
     * @param path a dotted path to print only that value, or null for everything
     * @param configFile how errors name the configuration file
     */
    public static String print(Object resolved, Set<String> secretPaths, String path, Format format,
            String configFile) {
        Object masked = new SecretMasker(secretPaths).mask(resolved);
        Object value = path == null || path.isBlank() ? masked : select(masked, path.trim(), configFile);
        return switch (format) {
            case JSON -> Json.pretty(value);
            case YAML -> yaml(value);
            case TEXT -> text(value, path, configFile);
        };
    }

    static Object select(Object root, String path, String configFile) {
        String[] segments = SecretMasker.canonical(path).split("\\.");
        Object current = root;
        List<String> walked = new ArrayList<>();
        for (String segment : segments) {
            Object next = null;
            boolean found = false;
            if (current instanceof Map<?, ?> map && map.containsKey(segment)) {
                next = map.get(segment);
                found = true;
            } else if (current instanceof List<?> list && segment.matches("\\d+")
                    && Integer.parseInt(segment) < list.size()) {
                next = list.get(Integer.parseInt(segment));
                found = true;
            }
            if (!found) {
                throw notFound(current, walked, segment, path, configFile);
            }
            walked.add(segment);
            current = next;
        }
        return current;
    }

    private static ConfigException notFound(Object current, List<String> walked, String segment, String path,
            String configFile) {
        String parent = walked.isEmpty() ? "the top level" : "'" + String.join(".", walked) + "'";
        String prefix = walked.isEmpty() ? "" : String.join(".", walked) + ".";
        String fix;
        if (current instanceof Map<?, ?> map && !map.isEmpty()) {
            List<String> keys = map.keySet().stream().map(String::valueOf).collect(Collectors.toList());
            String close = ConfigReader.closest(segment, keys);
            fix = close != null ? "write -Dserverless.path=" + prefix + close
                    : "use one of the keys of " + parent + ": " + String.join(", ", keys);
        } else if (current instanceof List<?> list) {
            fix = list.isEmpty() ? "check the path; " + parent + " is an empty list"
                    : "use an index from 0 to " + (list.size() - 1) + " after " + parent;
        } else {
            fix = "stop the path at " + parent + ", which is a single value";
        }
        return new ConfigException(Position.of(configFile), path, "there is no value at '" + path + "' (" + parent
                + " has no '" + segment + "')", fix);
    }

    private static String text(Object value, String path, String configFile) {
        if (value instanceof Map) {
            throw new ConfigException(Position.of(configFile), path == null ? "" : path, "the text format prints a "
                    + "single value or a list of values, but " + (path == null || path.isBlank()
                    ? "the whole configuration" : "'" + path + "'") + " is a map",
                    "use -Dserverless.format=yaml or json, or a -Dserverless.path that leads to a single value");
        }
        if (value instanceof List<?> list) {
            List<String> lines = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map || item instanceof List) {
                    throw new ConfigException(Position.of(configFile), path == null ? "" : path, "the text format "
                            + "prints a list of single values, but '" + path + "' holds maps or lists",
                            "use -Dserverless.format=yaml or json");
                }
                lines.add(String.valueOf(item));
            }
            return String.join("\n", lines);
        }
        return String.valueOf(value);
    }

    static String yaml(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        // Shared values print in full at each place, never as &anchors and *aliases.
        options.setDereferenceAliases(true);
        String out = new Yaml(new LiteralMultilineRepresenter(options), options).dump(value);
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }

    /** Multi-line strings (inline policies, scripts) print as {@code |} blocks, as v3's print shows them. */
    private static final class LiteralMultilineRepresenter extends Representer {
        LiteralMultilineRepresenter(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                if (s.contains("\n") && !s.contains("\r") && s.chars().noneMatch(c -> c < 0x20 && c != '\n'
                        && c != '\t') && s.lines().noneMatch(line -> line.endsWith(" "))) {
                    return representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL);
                }
                return plain.representData(data);
            });
        }
    }
}
