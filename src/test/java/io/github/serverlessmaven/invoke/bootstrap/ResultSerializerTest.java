package io.github.serverlessmaven.invoke.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultSerializerTest {

    public enum Status {
        DONE {
            @Override
            public String toString() {
                return "done (a constant with a body)";
            }
        }
    }

    public static class Bean {
        private final String name = "n";
        private final Integer missing = null;
        private final boolean active = true;
        private final String url = "http://x";

        public String getName() {
            return name;
        }

        public Integer getMissing() {
            return missing;
        }

        public boolean isActive() {
            return active;
        }

        public String getURL() {
            return url;
        }

        public Status getStatus() {
            return Status.DONE;
        }
    }

    public record Point(int x, Integer y, List<String> tags) {}

    public static class Node {
        public List<Node> children = new ArrayList<>();
    }

    @Test
    void beansUseJacksonNamesAndLeaveOutNulls() {
        assertThat(ResultSerializer.toPlain(new Bean())).isEqualTo(Map.of("name", "n", "active", true,
                "url", "http://x", "status", "DONE"));
    }

    @Test
    void awsResponseEventsSerializeTheirProperties() {
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "text/plain")).withBody("made");
        assertThat(ResultSerializer.toPlain(response)).isEqualTo(Map.of("statusCode", 201,
                "headers", Map.of("Content-Type", "text/plain"), "body", "made"));
    }

    @Test
    void recordsBytesDatesAndOptionals() {
        assertThat(ResultSerializer.toPlain(new Point(1, null, List.of("a"))))
                .isEqualTo(Map.of("x", 1, "tags", List.of("a")));
        assertThat(ResultSerializer.toPlain("hi".getBytes(StandardCharsets.UTF_8))).isEqualTo("aGk=");
        assertThat(ResultSerializer.toPlain(ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("aGk=");
        assertThat(ResultSerializer.toPlain(new Date(5000))).isEqualTo(5000L);
        assertThat(ResultSerializer.toPlain(Instant.parse("2024-01-31T12:00:00Z"))).isEqualTo("2024-01-31T12:00:00Z");
        assertThat(ResultSerializer.toPlain(Optional.of(new int[] {1, 2}))).isEqualTo(List.of(1, 2));
    }

    @Test
    void cyclesAreCutInsteadOfOverflowingTheStack() {
        Node node = new Node();
        node.children.add(node);
        assertThat(ResultSerializer.toPlain(node)).isEqualTo(Map.of("children",
                List.of("<cycle: " + Node.class.getName() + ">")));
    }
}
