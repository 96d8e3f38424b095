package hello;

import java.util.Map;

/** A Lambda handler with no dependencies: Lambda's Java runtime maps the JSON event to a Map. */
public class Handler {

    public Map<String, Object> handleRequest(Map<String, Object> event) {
        return Map.of("statusCode", 200, "body", "{\"message\":\"hello from Maven\"}");
    }
}
