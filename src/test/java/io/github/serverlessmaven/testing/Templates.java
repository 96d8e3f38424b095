package io.github.serverlessmaven.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Reads generated templates back for assertions, and digs into them by logical ID. */
public final class Templates {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Templates() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> resources(Map<String, Object> template) {
        return (Map<String, Object>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> resource(Map<String, Object> template, String logicalId) {
        return (Map<String, Object>) resources(template).get(logicalId);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> template, String logicalId) {
        Map<String, Object> resource = resource(template, logicalId);
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId + " in " + resources(template).keySet());
        }
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> outputs(Map<String, Object> template) {
        return (Map<String, Object>) template.get("Outputs");
    }
}
