package io.github.serverlessmaven.invoke.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object value = MiniJson.parse(" {\"s\":\"a\\\"b\\u00e9\\n\",\"i\":-12,\"l\":12345678901,\"big\":123456789012345678901234,"
                + "\"d\":1.50,\"e\":2e3,\"t\":true,\"f\":false,\"n\":null,\"list\":[1,[],{}]} ");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map).containsEntry("s", "a\"bé\n").containsEntry("i", -12).containsEntry("l", 12345678901L)
                .containsEntry("big", new BigInteger("123456789012345678901234"))
                .containsEntry("d", new BigDecimal("1.50")).containsEntry("e", new BigDecimal("2e3"))
                .containsEntry("t", true).containsEntry("f", false).containsEntry("n", null)
                .containsEntry("list", List.of(1, List.of(), Map.of()));
        assertThat(map.keySet()).containsExactly("s", "i", "l", "big", "d", "e", "t", "f", "n", "list");
    }

    @Test
    void malformedDocumentsNameLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> MiniJson.parse("{\n  \"a\": 1,\n  b: 2}"))
                .hasMessage("invalid JSON at line 3, column 3: expected a string key but found 'b'");
        assertThatThrownBy(() -> MiniJson.parse("[1, 2"))
                .hasMessage("invalid JSON at line 1, column 6: expected ',' or ']' but found the end of the input");
        assertThatThrownBy(() -> MiniJson.parse("{} x"))
                .hasMessage("invalid JSON at line 1, column 4: expected end of input but found 'x'");
        assertThatThrownBy(() -> MiniJson.parse("01")).hasMessageContaining("expected end of input");
        assertThatThrownBy(() -> MiniJson.parse("\"tab\there\""))
                .hasMessageContaining("expected no raw control character inside a string");
        assertThatThrownBy(() -> MiniJson.parse("[".repeat(600))).hasMessageContaining("at most 512 levels");
    }

    @Test
    void writesCompactAndPretty() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", Arrays.asList(1, null, "x\"y"));
        value.put("b", Map.of());
        value.put("nan", Double.NaN);
        assertThat(MiniJson.write(value, false)).isEqualTo("{\"a\":[1,null,\"x\\\"y\"],\"b\":{},\"nan\":null}");
        assertThat(MiniJson.write(value, true)).isEqualTo("""
                {
                  "a": [
                    1,
                    null,
                    "x\\"y"
                  ],
                  "b": {},
                  "nan": null
                }""");
        assertThat(MiniJson.parse(MiniJson.write(value, true))).isEqualTo(MiniJson.parse(MiniJson.write(value, false)));
    }
}
