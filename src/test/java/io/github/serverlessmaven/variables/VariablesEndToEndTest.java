package io.github.serverlessmaven.variables;

import static io.github.serverlessmaven.testing.Templates.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
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
    @Test
    void pipelinePassesStageRegionOptionsAndEnvironmentToVariables() {
        TestServices.project(dir, """
                service: opts
                provider:
                  name: aws
                  stage: dev
                  environment:
                    WHERE: ${sls:stage}/${opt:region}/${aws:region}
                    TENANT: ${opt:tenant}
                    DB: ${env:DB}
                package:
                  artifact: target/app.jar
                functions:
                  api:
                    handler: com.example.Api::handleRequest
                """);
        PackageRequest request = new PackageRequest(TestServices.layout(dir), dir.resolve("serverless.yml"), "prod",
                "eu-west-1", Map.of("tenant", "acme"), Map.of("DB", "jdbc:db"));
        Service service = new ServicePipeline(Log.NONE).load(request);
        assertThat(service.stage()).isEqualTo("prod");
        assertThat(service.functions().get("api").environment()).containsEntry("WHERE",
                "prod/eu-west-1/eu-west-1").containsEntry("TENANT", "acme").containsEntry("DB", "jdbc:db");
    }

    @Test
    void pipelineFailsWithTheVariableErrorsBeforeValidating() {
        TestServices.project(dir, """
                service: broken
                provider:
                  name: aws
                  environment:
                    DB: ${env:DB}
                package:
                  artifact: target/app.jar
                functions:
                  api:
                    handler: com.example.Api::handleRequest
                    memorySize: ${self:custom.memory}
                """);
        assertThatThrownBy(() -> new ServicePipeline(Log.NONE).load(TestServices.request(dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:5:9: at 'provider.environment.DB': cannot resolve ${env:DB}: environment "
                        + "variable DB is not set, perhaps you should set it or add a fallback: ${env:DB, 'default'}\n"
                        + "serverless.yml:11:17: at 'functions.api.memorySize': cannot resolve "
                        + "${self:custom.memory}: there is no value at 'custom.memory' in the configuration, perhaps "
                        + "you should define that value, correct the path, or add a fallback: "
                        + "${self:custom.memory, 'default'}");
    }
}
