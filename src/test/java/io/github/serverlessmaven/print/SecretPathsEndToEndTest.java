package io.github.serverlessmaven.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.testing.TestServices;
import io.github.serverlessmaven.variables.VariableSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value from a secret variable source is known to the model by path and masked when printed. */
class SecretPathsEndToEndTest {

    private static final String SECRET = "s3cr3t-value-never-printed";

    @Test
    void valuesFromSecretSourcesAreMaskedWhereverTheyAreCopied(@TempDir Path dir) {
        TestServices.project(dir, """
                service: masked
                provider:
                  name: aws
                  environment:
                    DB_URL: ${vault:/db/url}
                custom:
                  copy: ${self:provider.environment.DB_URL}
                package: { artifact: target/app.jar }
                functions:
                  f: { handler: a.B::c }
                """);
        VariableSource vault = new VariableSource() {
            @Override
            public Object resolve(List<String> params, String address) {
                return SECRET;
            }

            @Override
            public boolean secret(List<String> params, String address) {
                return true;
            }
        };
        Service service = new ServicePipeline(TestServices.collecting(null))
                .load(TestServices.request(dir), Map.of("vault", vault));
        assertThat(service.secretPaths()).contains("provider.environment.DB_URL", "custom.copy");
        String printed = ConfigPrinter.print(service.root().toPlain(), service.secretPaths(), null,
                ConfigPrinter.Format.YAML, "serverless.yml");
        assertThat(printed).doesNotContain(SECRET).contains("DB_URL: '********'");
    }
}
