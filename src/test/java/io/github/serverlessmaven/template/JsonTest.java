package io.github.serverlessmaven.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are what JavaScript's JSON.stringify writes for the same values. */
class JsonTest {

    @Test
    void escapesAsJsonStringifyDoes() {
        assertThat(Json.compact("plain")).isEqualTo("\"plain\"");
        assertThat(Json.compact("say \"hi\"\\ to\n\tme\r\b\f")).isEqualTo(
                "\"say \\\"hi\\\"\\\\ to\\n\\tme\\r\\b\\f\"");
        assertThat(Json.compact("\u0001x\u001f")).isEqualTo("\"\\u0001x\\u001f\"");
        assertThat(Json.compact("Grüße 世界 / <tag>")).isEqualTo("\"Grüße 世界 / <tag>\"");
        assertThat(Json.compact("")).isEqualTo("\"\"");
        assertThat(Json.compact("\"")).isEqualTo("\"\\\"\"");
    }

    @Test
    void prettyIndentsByTwoSpacesPerLevel() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", List.of(1, Map.of("b", true)));
        value.put("c", Map.of());
        value.put("d", List.of());
        value.put("e", null);
        assertThat(Json.pretty(value)).isEqualTo("""
                {
                  "a": [
                    1,
                    {
                      "b": true
                    }
                  ],
                  "c": {},
                  "d": [],
                  "e": null
                }""");
        assertThat(Json.compact(value)).isEqualTo("{\"a\":[1,{\"b\":true}],\"c\":{},\"d\":[],\"e\":null}");
    }

    @Test
    void deepNestingKeepsIndenting() {
        Object value = "leaf";
        for (int depth = 0; depth < 70; depth++) {
            List<Object> wrapper = new ArrayList<>();
            wrapper.add(value);
            value = wrapper;
        }
        String[] lines = Json.pretty(value).split("\n");
        assertThat(lines).hasSize(141);
        assertThat(lines[70]).isEqualTo("  ".repeat(70) + "\"leaf\"");
        assertThat(lines[140]).isEqualTo("]");
    }
}
