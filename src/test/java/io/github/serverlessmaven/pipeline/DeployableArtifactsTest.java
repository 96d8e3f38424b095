package io.github.serverlessmaven.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What package hands to deploy: function artifacts and layer zips, and no nested templates of an earlier run. */
class DeployableArtifactsTest {

    @TempDir
    Path dir;

    @Test
    void layerZipsAreDeployedBesideTheFunctionArtifacts() throws IOException {
        Path reference = Path.of("src/test/resources/parity/function-features");
        copy(reference, dir);
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());
        assertThat(result.artifacts()).containsKey("layer:commons");
        assertThat(result.artifacts().get("layer:commons").keyName()).isEqualTo("commons-layer.zip");
        assertThat(Files.readString(result.outputDir().resolve(PackageState.FILE))).contains("commons-layer.zip");
    }

    @Test
    void nestedTemplatesOfAnEarlierRunAreRemoved() throws IOException {
        TestServices.project(dir, "service: small\nprovider: { name: aws }\npackage: { artifact: target/app.jar }\n"
                + "functions:\n  f: { handler: a.B::c }\n");
        Path stale = Files.createDirectories(dir.resolve("target/serverless"))
                .resolve("cloudformation-template-nested-FunctionsNestedStack01.json");
        Files.writeString(stale, "{}");
        TestServices.packageProject(dir, new ArrayList<>());
        assertThat(stale).doesNotExist();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.toString().contains("sls-output")) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
