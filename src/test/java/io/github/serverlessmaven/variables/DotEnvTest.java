package io.github.serverlessmaven.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {

    @TempDir
    Path dir;

    @Test
    void readsDotenvSyntaxAndExpandsReferencesButNotSingleQuotedValues() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, """
                # a comment
                export HOST=db.local
                PORT = 5432
                URL=postgres://${HOST}:$PORT/app   # trailing comment
                LITERAL='${HOST} stays'
                MULTI="line1\\nline2"
                FALLBACK=${MISSING:-default}
                EMPTY=
                ALREADY=from-file
                """);
        Map<String, String> env = DotEnv.apply(file, ".env", Map.of("ALREADY", "from-process"));
        assertThat(env).containsEntry("HOST", "db.local").containsEntry("PORT", "5432")
                .containsEntry("URL", "postgres://db.local:5432/app").containsEntry("LITERAL", "${HOST} stays")
                .containsEntry("MULTI", "line1\nline2").containsEntry("FALLBACK", "default")
                .containsEntry("EMPTY", "").containsEntry("ALREADY", "from-process");
    }

    @Test
    void aLineThatIsNoAssignmentNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "A=1\nthis is not an assignment\n");
        assertThatThrownBy(() -> DotEnv.apply(file, ".env", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".env:2:1: at 'useDotenv': expected KEY=value but found 'this is not an assignment', "
                        + "perhaps you should write one variable per line as NAME=value, or start the line with '#' "
                        + "for a comment");
    }

    @Test
    void theStageFileWinsOverThePlainOneAndFeedsEnvVariablesOnlyWithUseDotenv() throws Exception {
        String yaml = """
                service: dotenv
                %s
                provider:
                  name: aws
                  stage: qa
                  environment:
                    DB_HOST: ${env:DB_HOST, 'none'}
                package: { artifact: target/app.jar }
                functions:
                  f: { handler: a.B::c }
                """;
        TestServices.project(dir, yaml.formatted("useDotenv: true"));
        Files.writeString(dir.resolve(".env"), "DB_HOST=plain\n");
        Files.writeString(dir.resolve(".env.qa"), "DB_HOST=qa-host\n");
        assertThat(load(null).provider().environment()).containsEntry("DB_HOST", "qa-host");
        assertThat(load("prod").provider().environment()).containsEntry("DB_HOST", "plain");

        TestServices.project(dir, yaml.formatted(""));
        assertThat(load(null).provider().environment()).containsEntry("DB_HOST", "none");
    }

    private Service load(String stage) {
        List<String> infos = new ArrayList<>();
        return new ServicePipeline(TestServices.collecting(infos, new ArrayList<>())).load(new PackageRequest(
                TestServices.layout(dir), dir.resolve("serverless.yml"), stage, null, Map.of(), Map.of()));
    }
}
