package io.github.serverlessmaven.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The moto emulator the deploy tests run against ({@code scripts/test} starts it and passes
 * {@code -Dmoto.endpoint}). Resets it, switches its request recorder, and builds clients for it.
 */
public final class Moto {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;

    private Moto(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The emulator from {@code -Dmoto.endpoint}; fails (never skips) the test when it is not set. */
    public static Moto fromSystemProperty() {
        String endpoint = System.getProperty("moto.endpoint", "").trim();
        if (endpoint.isEmpty() || endpoint.contains("${")) {
            fail("These tests need the moto emulator: run scripts/test (it starts moto and passes "
                    + "-Dmoto.endpoint=http://127.0.0.1:PORT), or start moto_server yourself and pass -Dmoto.endpoint.");
        }
        return at(endpoint);
    }

    /** The emulator at {@code endpoint}, e.g. {@code http://127.0.0.1:5000} (a proxy in front of it works too). */
    public static Moto at(String endpoint) {
        return new Moto(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    }

    public String endpoint() {
        return endpoint;
    }

    /** Settings with made-up credentials and no retries (so an emulator error surfaces as is). */
    public AwsSettings settings() {
        return new AwsSettings(REGION, null, URI.create(endpoint), 1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    public AwsClients clients() {
        return new AwsClients(settings());
    }

    public void reset() {
        post("/moto-api/reset", "");
    }

    public void startRecording() {
        post("/moto-api/recorder/reset-recording", "");
        post("/moto-api/recorder/start-recording", "");
    }

    /** Stops the recorder and returns what it saw. */
    public List<Request> stopRecording() {
        post("/moto-api/recorder/stop-recording", "");
        String lines = get("/moto-api/recorder/download-recording");
        List<Request> out = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                String body = node.path("body").asText("");
                if (node.path("body_encoded").asBoolean(false)) {
                    body = new String(Base64.getDecoder().decode(body), StandardCharsets.ISO_8859_1);
                }
                java.util.Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                out.add(new Request(node.path("method").asText(), URI.create(node.path("url").asText()).getPath(),
                        body, headers));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable recorder line: " + line, e);
            }
        }
        return out;
    }

    /** One recorded request: method, URL path and (decoded) body. */
    public record Request(String method, String path, String body, java.util.Map<String, String> headers) {

        /** A query-protocol action (CloudFormation, STS ...), e.g. "CreateChangeSet", or null. */
        public String action() {
            int i = body.indexOf("Action=");
            if (i < 0) {
                return null;
            }
            int end = body.indexOf('&', i);
            return body.substring(i + 7, end < 0 ? body.length() : end);
        }

        /** True for an S3 PutObject (PUT on /bucket/key). */
        public boolean isS3PutObject() {
            return method.equals("PUT") && path.chars().filter(c -> c == '/').count() >= 2
                    && !path.startsWith("/moto-api");
        }
    }

    /** Turns moto's IAM authentication on (made-up keys are then rejected) or off again. */
    public void requireAuthentication(boolean on) {
        post("/moto-api/reset-auth", on ? "0" : "inf");
    }

    private String post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + path)).GET().build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("moto at " + request.uri() + " is not reachable (run scripts/test): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
