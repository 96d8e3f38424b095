package io.github.serverlessmaven.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsEveryJsonValueKind() throws Exception {
        Object plain = JsonReader.read("{\"s\": \"a\\n\\u0041\", \"i\": -12, \"l\": 12345678901, \"d\": 0.5, "
                + "\"e\": 2E2, \"t\": true, \"f\": false, \"z\": null, \"a\": [], \"o\": {}}", "x.json").toPlain();
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("s", "a\nA");
        expected.put("i", -12);
        expected.put("l", 12345678901L);
        expected.put("d", 0.5);
        expected.put("e", 200.0);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", null);
        expected.put("a", List.of());
        expected.put("o", Map.of());
        assertThat(plain).isEqualTo(expected);
    }

    @Test
    void lastDuplicateKeyWinsAsInJsonParse() throws Exception {
        assertThat(JsonReader.read("{\"a\": 1, \"b\": 2, \"a\": 3}", "x.json").toPlain())
                .isEqualTo(Map.of("b", 2, "a", 3));
    }

    @Test
    void refusesMalformedJsonWithPositions() {
        assertThatThrownBy(() -> JsonReader.read("{\"a\": 01x}", "x.json"))
                .hasMessage("x.json:1:7: invalid JSON: bad number '01'");
        assertThatThrownBy(() -> JsonReader.read("[1, 2x]", "x.json"))
                .hasMessage("x.json:1:6: invalid JSON: expected ']' but found 'x'");
        assertThatThrownBy(() -> JsonReader.read("{\"a\": \"b", "x.json"))
                .hasMessage("x.json:1:9: invalid JSON: unterminated string");
        assertThatThrownBy(() -> JsonReader.read("[1] 2", "x.json"))
                .hasMessage("x.json:1:5: invalid JSON: unexpected '2' after the JSON value");
        char[] deep = new char[5000];
        Arrays.fill(deep, '[');
        assertThatThrownBy(() -> JsonReader.read(new String(deep), "x.json"))
                .hasMessage("x.json:1:101: invalid JSON: nested more than 100 levels");
    }
}
