package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.config.YamlLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads files for {@code ${file(...)}}, once each. YAML and JSON go through {@link YamlLoader}, so values keep
 * their file:line:column and CloudFormation short forms ({@code !Ref}) become intrinsic maps; other files are
 * text. A missing file is an empty result, so a fallback can apply.
 */
final class FileContents {

    /** Larger text files are refused: a variable is not the way to embed big data. */
    static final long MAX_TEXT_BYTES = 8L * 1024 * 1024;

    /** Why a file cannot be used; becomes part of a variable error. */
    static final class Unreadable extends Exception {
        private final String fix;

        Unreadable(String message, String fix) {
            super(message, null, false, false);
            this.fix = fix;
        }

        String fix() {
            return fix;
        }
    }

    private final Path baseDir;
    private final Map<Path, Optional<Node>> cache = new HashMap<>();

    FileContents(Path baseDir) {
        this.baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir.toAbsolutePath();
    }

    Path resolve(String relative) {
        return baseDir.resolve(relative).normalize();
    }

    /** How messages name the file: relative to the project when inside it. */
    String display(Path file) {
        return file.startsWith(baseDir) ? baseDir.relativize(file).toString() : file.toString();
    }

    /** The content, or empty when the file does not exist. */
    Optional<Node> load(Path file) throws Unreadable {
        Optional<Node> cached = cache.get(file);
        if (cached != null) {
            return cached;
        }
        Optional<Node> content = read(file);
        cache.put(file, content);
        return content;
    }

    private Optional<Node> read(Path file) throws Unreadable {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file)) {
                throw new Unreadable(display(file) + " is not a regular file", "point file() at a file");
            }
            return Optional.empty();
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String display = display(file);
        if (name.endsWith(".js") || name.endsWith(".cjs") || name.endsWith(".mjs") || name.endsWith(".ts")) {
            throw new Unreadable(display + " is JavaScript, which the Maven plugin cannot run",
                    "export the values as YAML or JSON and reference that file instead");
        }
        boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
        boolean json = name.endsWith(".json") || name.endsWith(".tfstate");
        String text = text(file, display);
        if (!yaml && !json) {
            return Optional.of(new ScalarNode(text, new Position(display, 1, 1)));
        }
        if (json) {
            try {
                return Optional.of(JsonReader.read(text, display));
            } catch (JsonReader.JsonError e) {
                throw new Unreadable(e.getMessage(), "fix the JSON");
            }
        }
        try {
            return Optional.of(YamlLoader.load(text, display));
        } catch (ConfigException e) {
            Problem first = e.problems().get(0);
            throw new Unreadable(first.position() + ": " + first.message(), first.fix());
        }
    }

    private static String text(Path file, String display) throws Unreadable {
        try {
            if (Files.size(file) > MAX_TEXT_BYTES) {
                throw new Unreadable(display + " is larger than " + MAX_TEXT_BYTES + " bytes",
                        "reference a smaller file");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Unreadable(display + " is not valid UTF-8 text", "save it as UTF-8");
        } catch (IOException e) {
            throw new Unreadable(display + " cannot be read (" + e.getMessage() + ")", "check its permissions");
        }
    }
}
