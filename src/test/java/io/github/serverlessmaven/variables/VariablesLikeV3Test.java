package io.github.serverlessmaven.variables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.serverlessmaven.config.YamlLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolves a configuration that uses every local source and compares with what v3's {@code sls print} gave. */
class VariablesLikeV3Test {

    @Test
    @SuppressWarnings("unchecked")
    void resolvesLikeSlsPrint() throws Exception {
        Path dir = Path.of(getClass().getResource("/variables/v3-print/serverless.yml").toURI()).getParent();
        Map<String, Object> expected = new ObjectMapper().readValue(dir.resolve("sls-print.json").toFile(), Map.class);
        VariableResolver resolver = new VariableResolver(new VariableContext(Map.of(), Map.of(), Map.of(), dir,
                Map.of()));
        Map<String, Object> ours = (Map<String, Object>) resolver.resolve(YamlLoader.load(dir.resolve(
                "serverless.yml"), "serverless.yml")).toPlain();
        Map<String, Object> provider = (Map<String, Object>) ours.get("provider");
        assertThat(Map.of("stage", provider.get("stage"), "region", provider.get("region")))
                .isEqualTo(expected.get("provider"));
        Map<String, Object> custom = (Map<String, Object>) ours.get("custom");
        Map<String, Object> expectedCustom = (Map<String, Object>) expected.get("custom");
        assertThat(custom).hasSize(23);
        for (String key : expectedCustom.keySet()) {
            assertThat(custom.get(key)).as(key).isEqualTo(expectedCustom.get(key));
        }
        assertThat(custom.keySet()).isEqualTo(expectedCustom.keySet());
    }
}
