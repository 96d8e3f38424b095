package io.github.serverlessmaven.compile;

import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resource;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container image functions ({@code image:}), compiled as v3's compileFunction does: Code.ImageUri, PackageType
 * Image, ImageConfig from command/entryPoint/workingDirectory, no Handler or Runtime, and the image digest as the
 * version's CodeSha256. Refused forms are in the bad-input corpus (image-*.yml).
 */
class ImageFunctionsTest {

    private static final String DIGEST = "a".repeat(64);
    private static final String URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:" + DIGEST;

    @TempDir
    Path dir;

    @Test
    void anImageUriBecomesAnImageFunctionWithoutHandlerOrRuntime() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: images
                provider: { name: aws, runtime: java21 }
                functions:
                  orders:
                    image: %s
                """.formatted(URI));

        Map<String, Object> function = properties(t, "OrdersLambdaFunction");
        assertThat(function).containsEntry("Code", Map.of("ImageUri", URI)).containsEntry("PackageType", "Image")
                .containsEntry("FunctionName", "images-dev-orders").doesNotContainKeys("Handler", "Runtime",
                        "ImageConfig");
        String versionId = resources(t).keySet().stream().filter(id -> id.startsWith("OrdersLambdaVersion"))
                .findFirst().orElseThrow();
        assertThat(resource(t, versionId)).containsEntry("Type", "AWS::Lambda::Version");
        assertThat(properties(t, versionId)).containsEntry("CodeSha256", DIGEST);
        // v3's version hash for an image: base64 SHA-256 of the deep-sorted function properties (Code included,
        // Tags left out) plus its empty layerConfigurations, with no artifact hash; computed independently with
        // Python's json.dumps(sort_keys) over the properties this template has.
        assertThat(versionId).isEqualTo("OrdersLambdaVersion" + "oKp05o5YE9hhjGxYFbIw5PNkR1VEpuJm8d8mjPaY");
    }

    @Test
    void theMapFormSetsTheImageConfig() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: images
                provider: { name: aws, runtime: java21 }
                functions:
                  orders:
                    image:
                      uri: %s
                      command: [com.example.Orders::handleRequest]
                      entryPoint: [/lambda-entrypoint.sh]
                      workingDirectory: /var/task
                """.formatted(URI));

        assertThat(properties(t, "OrdersLambdaFunction")).containsEntry("ImageConfig", Map.of(
                "Command", List.of("com.example.Orders::handleRequest"), "EntryPoint", List.of("/lambda-entrypoint.sh"),
                "WorkingDirectory", "/var/task"));
    }

    @Test
    void imageAndJarFunctionsLiveSideBySideAndOnlyTheJarIsAnArtifact() {
        Path project = TestServices.project(dir, """
                service: images
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  orders:
                    image: { uri: %s, command: [x] }
                  reports:
                    handler: com.example.Reports
                """.formatted(URI));
        PackageResult result = TestServices.packageProject(project, new ArrayList<>());

        assertThat(result.artifacts()).containsOnlyKeys("reports");
        Map<String, Object> t = io.github.serverlessmaven.testing.Templates.read(result.updateStackTemplate());
        assertThat(properties(t, "ReportsLambdaFunction")).containsKeys("Handler", "Runtime")
                .extractingByKey("Code").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("S3Bucket", "S3Key");
        assertThat(properties(t, "OrdersLambdaFunction")).containsEntry("PackageType", "Image");
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    @Test
    void jibsImageJsonGivesTheDigest() throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("target"));
        // What Jib writes after pushing (jib-maven-plugin's target/jib-image.json).
        java.nio.file.Files.writeString(dir.resolve("target/jib-image.json"), """
                {"image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/orders","imageId":"sha256:%s",
                 "imageDigest":"sha256:%s","tags":["latest"],"imagePushed":true}
                """.formatted("f".repeat(64), DIGEST));
        Map<String, Object> t = TestServices.compile(dir, """
                service: images
                provider: { name: aws }
                functions:
                  orders:
                    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@${file(./target/jib-image.json):imageDigest}
                """);

        assertThat(properties(t, "OrdersLambdaFunction")).containsEntry("Code", Map.of("ImageUri", URI));
    }

    @Test
    void providerEcrIsIgnoredWithAWarning() {
        Path project = TestServices.project(dir, """
                service: images
                provider:
                  name: aws
                  ecr:
                    images:
                      orders: { path: ./ }
                functions:
                  orders:
                    image: %s
                """.formatted(URI));
        List<String> warnings = new ArrayList<>();
        TestServices.packageProject(project, warnings);

        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("serverless.yml:4:3: at 'provider.ecr': "
                + "'provider.ecr' is ignored: this plugin builds and pushes no images"));
    }

    @Test
    void aRuntimeOnAnImageFunctionIsIgnoredWithAWarning() {
        Path project = TestServices.project(dir, """
                service: images
                provider: { name: aws, runtime: java21 }
                functions:
                  orders:
                    image: %s
                    runtime: java17
                """.formatted(URI));
        List<String> warnings = new ArrayList<>();
        PackageResult result = TestServices.packageProject(project, warnings);

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("functions.orders.runtime")
                .contains("'runtime' is ignored"));
        assertThat(properties(io.github.serverlessmaven.testing.Templates.read(result.updateStackTemplate()),
                "OrdersLambdaFunction")).doesNotContainKey("Runtime");
    }
}
