package io.github.serverlessmaven.variables;

import static io.github.serverlessmaven.testing.Templates.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablesEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void resolvedValuesReachTheTemplate() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("settings.yml"), "memory: 1024\n");
        Map<String, Object> t = TestServices.compile(dir, """
                service: vars
                custom:
                  tableName: ${self:service}-${sls:stage}-users
                  unused: ${ssm:/only/at/deploy}
                provider:
                  name: aws
                  runtime: java21
                  environment:
                    TABLE: ${self:custom.tableName}
                    LOG_LEVEL: ${env:LOG_LEVEL, 'info'}
                    VERSION: ${maven:project.version}
                package:
                  artifact: target/app.jar
                functions:
                  api:
                    handler: com.example.Api::handleRequest
                    memorySize: ${file(./settings.yml):memory}
                """);
        Map<String, Object> fn = properties(t, "ApiLambdaFunction");
        assertThat(fn.get("Environment")).isEqualTo(Map.of("Variables", Map.of("TABLE", "vars-dev-users",
                "LOG_LEVEL", "info", "VERSION", "1.0.0")));
        assertThat(fn).containsEntry("MemorySize", 1024).containsEntry("FunctionName", "vars-dev-api");
    }
}
