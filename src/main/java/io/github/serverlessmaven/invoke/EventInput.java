package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.YamlLoader;
import io.github.serverlessmaven.invoke.bootstrap.MiniJson;
import io.github.serverlessmaven.template.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the event comes from: inline JSON ({@code -Dserverless.data}), a JSON or YAML file
 * ({@code -Dserverless.path}) or a sample shipped with the plugin ({@code -Dserverless.event=sqs}). At most one may
 * be given; none means {@code {}}.
 */
public record EventInput(String data, String path, String sample) {

    /** The sample events in the plugin jar, by the event type names of serverless.yml. */
    public static final List<String> SAMPLES = List.of("http", "httpApi", "sqs", "sns", "s3", "schedule",
            "eventBridge", "dynamodb", "kinesis");

    private static final String SAMPLE_DIRECTORY = "/io/github/serverlessmaven/invoke/events/";

    public static EventInput none() {
        return new EventInput(null, null, null);
    }

    /** Where the event came from, as error messages name it. */
    public String source() {
        if (data != null) {
            return "-Dserverless.data";
        }
        if (path != null) {
            return path;
        }
        if (sample != null) {
            return "sample event '" + sample + "'";
        }
        return "the default event {}";
    }

    /** The event as JSON text. */
    public String resolve(Path baseDir) {
        int given = (data != null ? 1 : 0) + (path != null ? 1 : 0) + (sample != null ? 1 : 0);
        if (given > 1) {
            throw new ConfigException(Position.of("-Dserverless.data/path/event"), "",
                    "more than one event was given", "pass only one of -Dserverless.data, -Dserverless.path and "
                            + "-Dserverless.event");
        }
        if (data != null) {
            return inline(data);
        }
        if (path != null) {
            return file(baseDir.resolve(path));
        }
        if (sample != null) {
            return sample(sample);
        }
        return "{}";
    }

    /** Like v3, text that is not JSON is passed as a JSON string; text that looks like an object must parse. */
    private static String inline(String text) {
        String trimmed = text.trim();
        try {
            MiniJson.parse(trimmed);
            return trimmed;
        } catch (MiniJson.ParseException e) {
            if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"")) {
                throw new ConfigException(Position.of("-Dserverless.data"), "", "the event is not valid JSON: "
                        + e.getMessage(), "fix the JSON, for example -Dserverless.data='{\"name\":\"Ada\"}'");
            }
            return MiniJson.write(text, false);
        }
    }

    private static String file(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            // As in v3, an event file may be YAML; the handler still receives JSON.
            if (!Files.isRegularFile(file)) {
                throw missingFile(file);
            }
            return Json.compact(YamlLoader.load(file).toPlain());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw missingFile(file);
        } catch (IOException e) {
            throw new ConfigException(Position.of(file.toString()), "", "the event file cannot be read as UTF-8 ("
                    + e.getMessage() + ")", "check the file and its permissions");
        }
        try {
            MiniJson.parse(text);
        } catch (MiniJson.ParseException e) {
            throw new ConfigException(Position.of(file.toString()), "", "the event file is not valid JSON: "
                    + e.getMessage(), "fix the JSON in the file");
        }
        return text;
    }

    private static ConfigException missingFile(Path file) {
        return new ConfigException(Position.of(file.toString()), "", "the event file does not exist",
                "check -Dserverless.path (relative paths start at the project directory)");
    }

    static String sample(String name) {
        if (!SAMPLES.contains(name)) {
            String close = ConfigReader.closest(name, SAMPLES);
            throw new ConfigException(Position.of("-Dserverless.event"), "", "there is no sample event '" + name
                    + "' (samples: " + String.join(", ", SAMPLES) + ")",
                    close != null ? "write -Dserverless.event=" + close : "use one of the samples");
        }
        try (InputStream in = EventInput.class.getResourceAsStream(SAMPLE_DIRECTORY + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("sample event " + name + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read sample event " + name, e);
        }
    }
}
