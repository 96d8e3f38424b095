package io.github.serverlessmaven.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRecordTest {

    static final String SERVICE = """
            service: kept
            provider:
              name: aws
              runtime: java21
              environment:
                MODE: ${env:MODE, 'normal'}
            package: { artifact: target/app.jar }
            functions:
              hello:
                handler: com.example.Hello
                memorySize: %d
                events:
                  - schedule: rate(5 minutes)
            """;

    @TempDir
    Path dir;

    final List<String> infos = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    private PackageResult packageAt(Instant now, Map<String, String> env) {
        ServicePipeline pipeline = new ServicePipeline(TestServices.collecting(infos, warnings));
        PackageRequest request = new PackageRequest(TestServices.layout(dir), dir.resolve("serverless.yml"), null,
                null, Map.of(), env);
        return pipeline.packageService(request, pipeline.load(request), now);
    }

    private static final Instant FIRST = Instant.parse("2026-11-23T10:00:00.000Z");
    private static final Instant LATER = Instant.parse("2026-11-23T11:00:00.000Z");

    @Test
    void packagingAgainWithTheSameInputsKeepsTheTemplatesAndTheirDeploymentFolder() throws Exception {
        TestServices.project(dir, SERVICE.formatted(512));
        PackageResult first = packageAt(FIRST, Map.of());
        FileTime written = Files.getLastModifiedTime(first.updateStackTemplate());
        String template = Files.readString(first.updateStackTemplate());

        PackageResult second = packageAt(LATER, Map.of());

        assertThat(second.artifactDirectoryName()).isEqualTo(first.artifactDirectoryName())
                .startsWith("serverless/kept/dev/" + FIRST.toEpochMilli());
        assertThat(Files.getLastModifiedTime(second.updateStackTemplate())).isEqualTo(written);
        assertThat(Files.readString(second.updateStackTemplate())).isEqualTo(template);
        assertThat(second.artifacts()).isEqualTo(first.artifacts());
        assertThat(infos.get(infos.size() - 1)).contains("unchanged since the last package, templates kept");
    }

    @Test
    void aChangedValueIsCompiledAgain() throws Exception {
        TestServices.project(dir, SERVICE.formatted(512));
        packageAt(FIRST, Map.of());

        TestServices.project(dir, SERVICE.formatted(1024));
        PackageResult second = packageAt(LATER, Map.of());

        assertThat(second.artifactDirectoryName()).startsWith("serverless/kept/dev/" + LATER.toEpochMilli());
        assertThat(Files.readString(second.updateStackTemplate())).contains("\"MemorySize\": 1024");
    }

    @Test
    void aVariableWithAnotherValueIsCompiledAgain() throws Exception {
        TestServices.project(dir, SERVICE.formatted(512));
        packageAt(FIRST, Map.of());

        PackageResult second = packageAt(LATER, Map.of("MODE", "debug"));

        assertThat(Files.readString(second.updateStackTemplate())).contains("\"MODE\": \"debug\"");
    }

    @Test
    void anotherArtifactIsCompiledAgain() throws Exception {
        TestServices.project(dir, SERVICE.formatted(512));
        PackageResult first = packageAt(FIRST, Map.of());

        Files.writeString(dir.resolve("target/app.jar"), "other bytes");
        Files.setLastModifiedTime(dir.resolve("target/app.jar"), FileTime.from(LATER));
        PackageResult second = packageAt(LATER, Map.of());

        assertThat(second.artifactDirectoryName()).isNotEqualTo(first.artifactDirectoryName());
        assertThat(Files.readString(second.updateStackTemplate()))
                .contains(second.artifacts().get("hello").sha256Base64())
                .doesNotContain(first.artifacts().get("hello").sha256Base64());
    }

    @Test
    void aTemplateChangedOrRemovedSinceIsWrittenAgain() throws Exception {
        TestServices.project(dir, SERVICE.formatted(512));
        PackageResult first = packageAt(FIRST, Map.of());
        String template = Files.readString(first.updateStackTemplate());

        Files.writeString(first.updateStackTemplate(), "{}");
        assertThat(Files.readString(packageAt(LATER, Map.of()).updateStackTemplate())).isNotEqualTo("{}")
                .contains("HelloLambdaFunction");

        Files.delete(first.createStackTemplate());
        PackageResult third = packageAt(LATER.plusSeconds(60), Map.of());
        assertThat(third.createStackTemplate()).exists();
        assertThat(template).contains("HelloLambdaFunction");
    }

    @Test
    void theWarningsOfTheCompilationAreGivenAgain() throws Exception {
        // A private REST method without API keys: a warning of the compilation, not of the configuration's shape.
        TestServices.project(dir, SERVICE.formatted(512).replace("- schedule: rate(5 minutes)",
                "- http: { method: get, path: hello, private: true }"));
        packageAt(FIRST, Map.of());
        List<String> firstWarnings = List.copyOf(warnings);
        warnings.clear();

        packageAt(LATER, Map.of());

        assertThat(firstWarnings).anyMatch(w -> w.contains("requires an API key"));
        assertThat(warnings).isEqualTo(firstWarnings);
        assertThat(infos.get(infos.size() - 1)).contains("templates kept");
    }

    @Test
    void aServiceWithASecretValueIsNeverRecorded() throws Exception {
        TestServices.project(dir, SERVICE.formatted(512).replace("${env:MODE, 'normal'}", "${env:DB_PASSWORD}"));
        packageAt(FIRST, Map.of("DB_PASSWORD", "s3cret-value-123"));
        assertThat(dir.resolve("target/" + PackageRecord.FILE)).doesNotExist();

        PackageResult second = packageAt(LATER, Map.of("DB_PASSWORD", "s3cret-value-123"));
        assertThat(second.artifactDirectoryName()).startsWith("serverless/kept/dev/" + LATER.toEpochMilli());
        try (var files = Files.walk(dir.resolve("target"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("s3cret-value-123");
            }
        }
    }
}
