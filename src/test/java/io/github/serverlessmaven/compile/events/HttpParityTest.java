package io.github.serverlessmaven.compile.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packages the REST API reference services and compares them with Serverless Framework 3.40.0's templates. */
class HttpParityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hello", "rest-full", "http-authorizers", "http-lambda-integration", "http-misc",
            "http-models", "http-integrations", "http-shared-api"})
    void matchesServerlessFrameworkOutput(String name) throws IOException {
        Path reference = Path.of("src/test/resources/parity", name);
        TestServices.project(dir, Files.readString(reference.resolve("serverless.yml")));
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());

        ExternalTools.Run parity = ExternalTools.parity(result.updateStackTemplate(), reference.resolve("sls-output"),
                "1.0", "0.98");
        System.out.println("cfn-parity " + name + ":\n" + parity.output());
        assertThat(parity.exitCode()).as("cfn-parity for %s:%n%s", name, parity.output()).isZero();
        ExternalTools.assertCfnLintClean(result.updateStackTemplate(), "E2533");
    }
}
