package io.github.serverlessmaven.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.invoke.bootstrap.MiniJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventInputTest {

    @TempDir
    Path dir;

    @Test
    void inlineJsonIsKeptAndOtherTextBecomesAJsonString() {
        assertThat(new EventInput(" {\"a\":1} ", null, null).resolve(dir)).isEqualTo("{\"a\":1}");
        assertThat(new EventInput("42", null, null).resolve(dir)).isEqualTo("42");
        assertThat(new EventInput("hello \"world\"", null, null).resolve(dir)).isEqualTo("\"hello \\\"world\\\"\"");
        assertThat(EventInput.none().resolve(dir)).isEqualTo("{}");
    }

    @Test
    void brokenInlineJsonIsAnError() {
        assertThatThrownBy(() -> new EventInput("{\"a\":}", null, null).resolve(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("-Dserverless.data: the event is not valid JSON: invalid JSON at line 1, column 6: "
                        + "expected a value but found '}', perhaps you should fix the JSON, for example "
                        + "-Dserverless.data='{\"name\":\"Ada\"}'");
    }

    @Test
    void filesResolveAgainstTheProjectAndMustBeJson() throws IOException {
        Files.writeString(dir.resolve("ok.json"), "{\"b\":[1]}");
        Files.writeString(dir.resolve("bad.json"), "{\"b\":[1}");
        assertThat(new EventInput(null, "ok.json", null).resolve(dir)).isEqualTo("{\"b\":[1]}");
        assertThatThrownBy(() -> new EventInput(null, "bad.json", null).resolve(dir))
                .hasMessage(dir.resolve("bad.json") + ": the event file is not valid JSON: invalid JSON at line 1, "
                        + "column 8: expected ',' or ']' but found '}', perhaps you should fix the JSON in the file");
        assertThatThrownBy(() -> new EventInput(null, "missing.json", null).resolve(dir))
                .hasMessage(dir.resolve("missing.json") + ": the event file does not exist, perhaps you should "
                        + "check -Dserverless.path (relative paths start at the project directory)");
    }

    @Test
    void yamlFilesBecomeJson() throws IOException {
        Files.writeString(dir.resolve("event.yml"), "name: Ada\ntags:\n  - a\n  - b\n");
        assertThat(new EventInput(null, "event.yml", null).resolve(dir))
                .isEqualTo("{\"name\":\"Ada\",\"tags\":[\"a\",\"b\"]}");
        assertThatThrownBy(() -> new EventInput(null, "none.yaml", null).resolve(dir))
                .hasMessageContaining("the event file does not exist");
    }

    @Test
    void everySampleIsShippedAndIsJsonWithRecordsOrAType() {
        for (String sample : EventInput.SAMPLES) {
            Object parsed = MiniJson.parse(new EventInput(null, null, sample).resolve(dir));
            assertThat(parsed).as(sample).isInstanceOf(Map.class);
            assertThat((Map<?, ?>) parsed).as(sample).isNotEmpty();
        }
        assertThatThrownBy(() -> new EventInput(null, null, "sqss").resolve(dir))
                .hasMessage("-Dserverless.event: there is no sample event 'sqss' (samples: http, httpApi, sqs, sns, s3, "
                        + "schedule, eventBridge, dynamodb, kinesis), perhaps you should write -Dserverless.event=sqs");
    }

    @Test
    void onlyOneEventSourceMayBeGiven() {
        assertThatThrownBy(() -> new EventInput("{}", null, "sqs").resolve(dir))
                .hasMessage("-Dserverless.data/path/event: more than one event was given, perhaps you should pass "
                        + "only one of -Dserverless.data, -Dserverless.path and -Dserverless.event");
    }
}
