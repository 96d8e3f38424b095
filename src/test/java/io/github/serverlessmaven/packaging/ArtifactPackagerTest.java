package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ProjectLayout;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactPackagerTest {

    @TempDir
    Path dir;

    private final List<String> infos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Path> attached = new LinkedHashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final List<Path> jars = new ArrayList<>();
    private String outputTimestamp;

    @BeforeEach
    void classesAndOneDependency() throws IOException {
        write("target/classes/com/example/Handler.class", "handler bytes");
        write("target/classes/com/example/Other.class", "other bytes");
        write("target/classes/application.properties", "greeting=hi");
        jars.add(write("repo/com/amazonaws/aws-lambda-java-core/1.2.3/aws-lambda-java-core-1.2.3.jar", "core jar"));
        properties.put("project.build.finalName", "demo-1.0");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private ProjectLayout layout() {
        return new ProjectLayout(dir, dir.resolve("target"), dir.resolve("target/classes"), jars, null, attached,
                properties, outputTimestamp);
    }

    private Map<String, Artifact> prepare(String yaml) throws IOException {
        write("serverless.yml", yaml);
        ProjectLayout layout = layout();
        Service service = new ServicePipeline(Log.NONE).load(new PackageRequest(layout, dir.resolve("serverless.yml"),
                null, null, Map.of(), Map.of()));
        return new ArtifactPackager().prepare(service, layout, TestServices.collecting(infos, warnings));
    }

    private static List<String> names(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static final String TWO_FUNCTIONS = """
            service: demo
            provider: { name: aws }
            functions:
              hello: { handler: com.example.Handler::handleRequest }
              other: { handler: com.example.Other::handleRequest }
            """;

    @Test
    void withoutArtifactThePluginBuildsOneZipInTheAwsJavaLayout() throws IOException {
        Map<String, Artifact> artifacts = prepare(TWO_FUNCTIONS);
        Path zip = dir.resolve("target/serverless/demo.zip");
        assertThat(artifacts.get("hello").file()).isEqualTo(zip);
        assertThat(artifacts.get("other")).isSameAs(artifacts.get("hello"));
        assertThat(names(zip)).containsExactly("application.properties", "com/", "com/example/",
                "com/example/Handler.class", "com/example/Other.class", "lib/", "lib/aws-lambda-java-core-1.2.3.jar");
        assertThat(artifacts.get("hello").sha256Base64()).isEqualTo(Digests.sha256Base64(zip));
        assertThat(infos).containsExactly("Artifact target/serverless/demo.zip for hello, other: built from "
                + "target/classes and 1 runtime dependency jar(s), as no package.artifact is set");
    }

    @Test
    void rebuildingIdenticalInputsKeepsTheFileAndChangedClassesRewriteIt() throws IOException {
        prepare(TWO_FUNCTIONS);
        Path zip = dir.resolve("target/serverless/demo.zip");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(zip, old);
        byte[] first = Files.readAllBytes(zip);

        Files.setLastModifiedTime(dir.resolve("target/classes/com/example/Handler.class"), FileTime.from(Instant.now()));
        infos.clear();
        prepare(TWO_FUNCTIONS);
        assertThat(Files.getLastModifiedTime(zip)).isEqualTo(old);
        assertThat(infos.get(0)).endsWith("; unchanged since the last build, not rewritten");

        write("target/classes/com/example/Handler.class", "new handler bytes");
        Map<String, Artifact> changed = prepare(TWO_FUNCTIONS);
        assertThat(Files.getLastModifiedTime(zip)).isNotEqualTo(old);
        assertThat(Files.readAllBytes(zip)).isNotEqualTo(first);
        assertThat(changed.get("hello").sha256Base64()).isEqualTo(Digests.sha256Base64(zip));
        assertThat(dir.resolve("target/serverless")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void outputTimestampIsTheEntryTime() throws IOException {
        outputTimestamp = "2026-11-23T08:00:00Z";
        prepare(TWO_FUNCTIONS);
        try (ZipFile zip = new ZipFile(dir.resolve("target/serverless/demo.zip").toFile())) {
            assertThat(zip.getEntry("application.properties").getTimeLocal())
                    .isEqualTo(java.time.LocalDateTime.of(2026, 11, 23, 8, 0, 0));
        }
    }

    @Test
    void patternsAndSlsIgnoreFilterTheZipAndPatternsWin() throws IOException {
        write(".slsignore", """
                # no property files, but keep the one the patterns ask for
                *.properties
                lib/
                """);
        prepare("""
                service: demo
                provider: { name: aws }
                package:
                  patterns:
                    - '!com/example/Other.class'
                    - 'application.properties'
                functions:
                  hello: { handler: com.example.Handler::handleRequest }
                """);
        assertThat(names(dir.resolve("target/serverless/demo.zip"))).containsExactly("application.properties",
                "com/", "com/example/", "com/example/Handler.class");
    }

    @Test
    void individuallyBuildsOneZipPerFunctionWithItsOwnPatterns() throws IOException {
        Map<String, Artifact> artifacts = prepare("""
                service: demo
                provider: { name: aws }
                package:
                  individually: true
                  patterns: ['!application.properties']
                functions:
                  hello:
                    handler: com.example.Handler::handleRequest
                    package: { patterns: ['!com/example/Other.class'] }
                  other:
                    handler: com.example.Other::handleRequest
                    package: { patterns: ['!com/example/Handler.class'] }
                """);
        assertThat(artifacts.get("hello").file()).isEqualTo(dir.resolve("target/serverless/hello.zip"));
        assertThat(artifacts.get("other").file()).isEqualTo(dir.resolve("target/serverless/other.zip"));
        assertThat(names(artifacts.get("hello").file())).contains("com/example/Handler.class")
                .doesNotContain("com/example/Other.class", "application.properties");
        assertThat(names(artifacts.get("other").file())).contains("com/example/Other.class", "lib/")
                .doesNotContain("com/example/Handler.class");
        assertThat(infos).hasSize(2);
    }

    @Test
    void functionPatternsWithoutIndividuallyAreIgnoredWithAWarning() throws IOException {
        prepare("""
                service: demo
                provider: { name: aws }
                functions:
                  hello:
                    handler: com.example.Handler::handleRequest
                    package: { patterns: ['!com/example/Other.class'] }
                """);
        assertThat(names(dir.resolve("target/serverless/demo.zip"))).contains("com/example/Other.class");
        assertThat(warnings).singleElement().asString().contains("functions.hello.package.patterns")
                .contains("only with package.individually: true");
    }

    @Test
    void functionArtifactBeatsServiceArtifactWhichBeatsEverythingElse() throws IOException {
        write("target/service.jar", "service jar");
        write("target/own.jar", "own jar");
        write("target/function.zip", "quarkus");
        write("target/demo-1.0-aws.jar", "classified");
        attached.put("aws", dir.resolve("target/demo-1.0-aws.jar"));
        Map<String, Artifact> artifacts = prepare("""
                service: demo
                provider: { name: aws }
                custom:
                  serverlessMaven: { classifier: aws }
                package: { artifact: target/service.jar }
                functions:
                  hello:
                    handler: com.example.Handler::handleRequest
                    package: { artifact: target/own.jar }
                  other: { handler: com.example.Other::handleRequest }
                """);
        assertThat(artifacts.get("hello").file()).isEqualTo(dir.resolve("target/own.jar"));
        assertThat(artifacts.get("other").file()).isEqualTo(dir.resolve("target/service.jar"));
        assertThat(artifacts.get("other").sha256Base64()).isEqualTo(Digests.sha256Base64(dir.resolve(
                "target/service.jar")));
        assertThat(infos).containsExactly(
                "Artifact target/own.jar for hello: functions.hello.package.artifact is set at serverless.yml:9:26",
                "Artifact target/service.jar for other: package.artifact is set at serverless.yml:5:22");
        assertThat(dir.resolve("target/serverless/demo.zip")).doesNotExist();
    }

    @Test
    void classifierBeatsQuarkusZipWhichBeatsTheBuiltZip() throws IOException {
        write("target/function.zip", "quarkus");
        write("target/demo-1.0-aws.jar", "classified");
        attached.put("aws", dir.resolve("target/demo-1.0-aws.jar"));
        String yaml = """
                service: demo
                provider: { name: aws }
                custom:
                  serverlessMaven: { classifier: aws }
                functions:
                  hello: { handler: com.example.Handler::handleRequest }
                """;
        assertThat(prepare(yaml).get("hello").file()).isEqualTo(dir.resolve("target/demo-1.0-aws.jar"));
        assertThat(infos).containsExactly("Artifact target/demo-1.0-aws.jar for hello: the build attached it with "
                + "classifier 'aws' (custom.serverlessMaven.classifier at serverless.yml:4:34)");

        infos.clear();
        assertThat(prepare(TWO_FUNCTIONS).get("hello").file()).isEqualTo(dir.resolve("target/function.zip"));
        assertThat(infos).containsExactly("Artifact target/function.zip for hello, other: Quarkus's deployable "
                + "target/function.zip exists and no package.artifact is set");
    }

    @Test
    void classifierFromMavenPropertyFindsTheFileWhenRunOnItsOwn() throws IOException {
        properties.put("serverless.classifier", "lambda");
        write("target/demo-1.0-lambda.zip", "zip from the assembly plugin");
        assertThat(prepare(TWO_FUNCTIONS).get("hello").file()).isEqualTo(dir.resolve("target/demo-1.0-lambda.zip"));
        assertThat(infos).singleElement().asString().contains("classifier 'lambda'")
                .contains("the Maven property serverless.classifier");
    }

    @Test
    void missingClassifiedArtifactIsAnError() {
        properties.put("serverless.classifier", "aws");
        assertThatThrownBy(() -> prepare(TWO_FUNCTIONS)).isInstanceOf(ConfigException.class).hasMessage(
                "pom.xml: at 'serverless.classifier': no artifact with classifier 'aws' was attached to the build "
                        + "(attached: []) and target/demo-1.0-aws.jar does not exist, perhaps you should run `mvn "
                        + "package` first so the plugin that attaches it runs before serverless:package, or set "
                        + "package.artifact to the file your build produces");
    }

    @Test
    void missingArtifactNamesTheFileAndTheSetting() {
        assertThatThrownBy(() -> prepare("""
                service: demo
                provider: { name: aws }
                package:
                  artifact: target/missing.jar
                functions:
                  hello: { handler: com.example.Handler::handleRequest }
                """)).isInstanceOf(ConfigException.class).hasMessage("serverless.yml:4:13: at 'package.artifact': "
                + "the artifact file 'target/missing.jar' does not exist (looked at "
                + dir.resolve("target/missing.jar") + "), perhaps you should run `mvn package` first, or set "
                + "package.artifact to the file your build produces");
    }

    @Test
    void shadePluginLeftoverIsRejectedInFavourOfTheShadedJar() throws IOException {
        write("target/original-demo-1.0.jar", "unshaded");
        assertThatThrownBy(() -> prepare("""
                service: demo
                provider: { name: aws }
                functions:
                  hello:
                    handler: com.example.Handler::handleRequest
                    package:
                      artifact: target/original-demo-1.0.jar
                """)).isInstanceOf(ConfigException.class).hasMessage("serverless.yml:7:17: at "
                + "'functions.hello.package.artifact': 'target/original-demo-1.0.jar' is the jar the "
                + "maven-shade-plugin leaves behind without the dependencies, so it cannot run on Lambda, perhaps "
                + "you should use the shaded jar: set functions.hello.package.artifact to 'target/demo-1.0.jar'");
    }

    @Test
    void projectWithoutClassesOrArtifactIsAClearError() throws IOException {
        jars.clear();
        try (var files = Files.walk(dir.resolve("target/classes"))) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThatThrownBy(() -> prepare(TWO_FUNCTIONS)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("serverless.yml:1:1: at 'package.artifact': there is nothing to deploy: "
                        + "package.artifact is not set and the build has no compiled classes")
                .hasMessageContaining("packaging 'pom'")
                .hasMessageEndingWith("perhaps you should set package.artifact to the file your build produces, "
                        + "or run `mvn package` first");
    }

    @Test
    void patternsThatKeepNothingAreAnError() {
        assertThatThrownBy(() -> prepare("""
                service: demo
                provider: { name: aws }
                package: { patterns: ['!**'] }
                functions:
                  hello: { handler: com.example.Handler::handleRequest }
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no file matches the package patterns and .slsignore (out of 4 candidates");
    }

    @Test
    void artifactsInS3AreRejected() {
        assertThatThrownBy(() -> prepare("""
                service: demo
                provider: { name: aws }
                package: { artifact: 's3://bucket/app.jar' }
                functions:
                  hello: { handler: com.example.Handler::handleRequest }
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("artifacts already in S3 ('s3://bucket/app.jar') are not supported");
    }
}
