package io.github.serverlessmaven.compile.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.serverlessmaven.testing.Templates;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages each reference service under src/test/resources/parity and compares the template with what
 * Serverless Framework 3.40.0 wrote for it; every template must also pass cfn-lint.
 */
class AsyncEventsParityTest {

    @TempDir
    Path dir;

    private static Set<String> resourceIds(Map<String, Object> template) {
        return Templates.resources(template).keySet().stream()
                .map(id -> id.replaceAll("LambdaVersion[A-Za-z0-9]+$", "LambdaVersion"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"events", "schedule-sqs-full", "sns-s3-full", "eventbridge-stream-full",
            "logs-cognito-iot"})
    void matchesServerlessFrameworkOutput(String name) throws IOException {
        Path reference = Path.of("src/test/resources/parity", name).toAbsolutePath();
        Files.copy(reference.resolve("serverless.yml"), dir.resolve("serverless.yml"));
        Files.createDirectories(dir.resolve("target"));
        Path jar = reference.resolve("target/app.jar");
        if (Files.exists(jar)) {
            Files.copy(jar, dir.resolve("target/app.jar"));
        }
        TestServices.project(dir, Files.readString(dir.resolve("serverless.yml")));
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());

        ExternalTools.Run parity = ExternalTools.parity(result.updateStackTemplate(), reference.resolve("sls-output"),
                "1.0", "0.98");
        assertThat(parity.exitCode()).as(parity.output()).isZero();
        assertThat(resourceIds(Templates.read(result.updateStackTemplate())))
                .as("no resource beyond v3's").isEqualTo(resourceIds(Templates.read(
                        reference.resolve("sls-output/cloudformation-template-update-stack.json"))));
        boolean java17 = Files.readString(dir.resolve("serverless.yml")).contains("java17");
        String[] allowed = java17 ? new String[] {"E2533"} : new String[0];
        ExternalTools.assertCfnLintClean(result.updateStackTemplate(), allowed);
        ExternalTools.assertCfnLintClean(result.createStackTemplate(), allowed);
    }

}
