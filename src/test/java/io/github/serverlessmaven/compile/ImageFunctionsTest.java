package io.github.serverlessmaven.compile;

import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resource;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.pipeline.ImageDigestLookup;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container image functions ({@code image:}), compiled as v3's compileFunction does: Code.ImageUri, PackageType
 * Image, ImageConfig from command/entryPoint/workingDirectory, no Handler or Runtime, and the image digest as the
 * version's CodeSha256; a tag is looked up and pinned first. Refused forms are in the bad-input corpus
 * (image-*.yml).
 */
class ImageFunctionsTest {

    private static final String DIGEST = "a".repeat(64);
    private static final String URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:" + DIGEST;
    private static final String TAGGED = """
            service: images
            provider: { name: aws, runtime: java21 }
            functions:
              orders:
                image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:latest
            """;

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
    void aTagIsLookedUpAndThenCompilesAsTheDigestItPointsAt() {
        Path project = TestServices.project(dir, """
                service: images
                provider: { name: aws, runtime: java21, profile: team-profile }
                functions:
                  orders:
                    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:latest
                  refunds:
                    image:
                      uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:latest
                      command: [com.example.Refunds::handleRequest]
                """);
        List<String> asked = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        PackageResult result = packageWith(project, image -> {
            asked.add(image.account() + " " + image.region() + " " + image.repository() + " " + image.tag() + " "
                    + image.providerProfile());
            return Optional.of(DIGEST);
        }, infos);
        Map<String, Object> t = Templates.read(result.updateStackTemplate());

        // Asked once for the two functions that run the same tag.
        assertThat(asked).containsExactly("123456789012 us-east-1 orders latest team-profile");
        assertThat(infos).contains("Image of function orders: orders:latest is sha256:" + DIGEST);
        assertThat(properties(t, "OrdersLambdaFunction")).containsEntry("Code", Map.of("ImageUri", URI));
        assertThat(properties(t, "RefundsLambdaFunction")).containsEntry("Code", Map.of("ImageUri", URI));
        // The same template as the pinned URI gives: the version's logical ID hashes the digest, not the tag.
        assertThat(resources(t)).containsKey("OrdersLambdaVersion" + "oKp05o5YE9hhjGxYFbIw5PNkR1VEpuJm8d8mjPaY");
        assertThat(result.service().functions().get("orders").image().uri()).isEqualTo(URI);
    }

    @Test
    void aTagMovedToAnotherImageIsCompiledAgainInsteadOfKeepingTheTemplates() {
        Path project = TestServices.project(dir, TAGGED);
        String[] current = {DIGEST};
        List<String> infos = new ArrayList<>();
        ImageDigestLookup ecr = image -> Optional.of(current[0]);
        packageWith(project, ecr, infos);
        packageWith(project, ecr, infos);
        assertThat(infos).anyMatch(line -> line.contains("templates kept"));

        current[0] = "c".repeat(64);
        infos.clear();
        PackageResult moved = packageWith(project, ecr, infos);

        assertThat(infos).noneMatch(line -> line.contains("templates kept"));
        assertThat(properties(Templates.read(moved.updateStackTemplate()), "OrdersLambdaFunction"))
                .containsEntry("Code", Map.of("ImageUri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders"
                        + "@sha256:" + "c".repeat(64)));
    }

    @Test
    void aTagThatEcrDoesNotHaveIsAnErrorAtTheImage() {
        Path project = TestServices.project(dir, """
                service: images
                provider: { name: aws, runtime: java21 }
                functions:
                  orders:
                    image:
                      uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/orders:v7
                """);
        assertThatThrownBy(() -> packageWith(project, image -> Optional.empty(), new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:6:7: at 'functions.orders.image': there is no image tagged 'v7' in ECR "
                        + "repository 'team/orders' of account 123456789012 in us-east-1, perhaps you should push "
                        + "the image with that tag first (for example with Jib), or check the repository and the "
                        + "tag");
    }

    @Test
    void withoutAwsAccessATagIsAnErrorThatSaysHowToPinTheDigest() {
        Path project = TestServices.project(dir, TAGGED);

        assertThatThrownBy(() -> TestServices.packageProject(project, new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:5:12: at 'functions.orders.image': the tag 'latest' has to be "
                        + "looked up in ECR, and this run has no AWS access")
                .hasMessageContaining("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:<digest>");
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

    /** Packages with {@code ecr} answering the tag lookups; the info lines go to {@code infos}. */
    private static PackageResult packageWith(Path project, ImageDigestLookup ecr, List<String> infos) {
        ServicePipeline pipeline = new ServicePipeline(TestServices.collecting(infos, null)).withImageDigests(ecr);
        PackageRequest request = TestServices.request(project);
        return pipeline.packageService(request, pipeline.load(request), TestServices.NOW);
    }
}
