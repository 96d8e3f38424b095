package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code useDotenv: true} as v3 does it: {@code .env.<stage>} in the service directory, or {@code .env} when
 * there is none, read with dotenv's syntax and dotenv-expand's {@code ${VAR}} expansion. Variables already in
 * the environment win over the file, as with dotenv.
 */
public final class DotEnv {

    private static final Pattern LINE = Pattern.compile("\\s*(?:export\\s+)?([\\w.-]+)\\s*=\\s*(.*)?\\s*");
    private static final Pattern REFERENCE = Pattern.compile("(\\\\)?\\$(?:\\{([A-Za-z_][\\w]*)(?::-([^}]*))?}"
            + "|([A-Za-z_][\\w]*))");

    private DotEnv() {
    }

    /** The file v3 would load for this stage, or null when neither exists. */
    public static Path fileFor(Path serviceDir, String stage) {
        Path staged = serviceDir.resolve(".env." + stage);
        if (Files.isRegularFile(staged)) {
            return staged;
        }
        Path plain = serviceDir.resolve(".env");
        return Files.isRegularFile(plain) ? plain : null;
    }

    /** The environment with the file's variables added (those already set are kept). */
    public static Map<String, String> apply(Path file, String displayName, Map<String, String> environment) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(Position.of(displayName), "useDotenv", "cannot read " + displayName + ": "
                    + e.getMessage(), "check the file's permissions and that it is UTF-8 text");
        }
        Map<String, Value> parsed = parse(lines, displayName);
        Map<String, String> merged = new LinkedHashMap<>(environment);
        parsed.forEach((key, value) -> merged.putIfAbsent(key, value.text()));
        Map<String, String> expanded = new LinkedHashMap<>(merged);
        parsed.forEach((key, value) -> {
            if (!environment.containsKey(key) && value.expands()) {
                expanded.put(key, expand(value.text(), merged, 0));
            }
        });
        return expanded;
    }

    /** @param expands false for a single-quoted value, which dotenv-expand leaves as written */
    record Value(String text, boolean expands) {}

    static Map<String, Value> parse(List<String> lines, String displayName) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new ConfigException(new Position(displayName, i + 1, 1), "useDotenv", "expected KEY=value "
                        + "but found '" + abbreviate(line.strip()) + "'", "write one variable per line as "
                        + "NAME=value, or start the line with '#' for a comment");
            }
            String raw = m.group(2) == null ? "" : m.group(2).strip();
            String value;
            boolean expands = true;
            if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'' || raw.charAt(0) == '`')
                    && raw.indexOf(raw.charAt(0), 1) > 0) {
                char quote = raw.charAt(0);
                value = raw.substring(1, raw.indexOf(quote, 1));
                if (quote == '"') {
                    value = value.replace("\\n", "\n").replace("\\r", "\r");
                } else if (quote == '\'') {
                    expands = false;
                }
            } else {
                int comment = raw.indexOf(" #");
                value = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
            }
            out.put(m.group(1), new Value(value, expands));
        }
        return out;
    }

    private static String expand(String value, Map<String, String> variables, int depth) {
        if (value == null || value.indexOf('$') < 0 || depth > 10) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = m.group(0).substring(1);
            } else {
                String name = m.group(2) != null ? m.group(2) : m.group(4);
                String found = variables.get(name);
                replacement = found != null ? expand(found, variables, depth + 1)
                        : m.group(3) != null ? m.group(3) : "";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
