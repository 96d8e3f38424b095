package io.github.serverlessmaven.aws;

import static io.github.serverlessmaven.testing.Templates.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.pipeline.ImageDigestLookup;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image tags looked up in ECR (the moto emulator's), as v3 does while packaging. */
class EcrImageDigestsMotoTest {

    /** A minimal image manifest: moto stores it and derives the image's digest. */
    private static final String MANIFEST = """
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
             "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,
                       "digest":"sha256:%s"},"layers":[]}""".formatted("b".repeat(64));

    @TempDir
    Path dir;

    Moto moto;
    AwsClients aws;

    @BeforeEach
    void setUp() {
        moto = Moto.fromSystemProperty();
        moto.reset();
        aws = moto.clients();
    }

    @AfterEach
    void tearDown() {
        aws.close();
    }

    private String push(String repository, String tag) {
        aws.ecr().createRepository(r -> r.repositoryName(repository));
        String digest = aws.ecr().putImage(r -> r.repositoryName(repository).imageManifest(MANIFEST).imageTag(tag))
                .image().imageId().imageDigest();
        assertThat(digest).startsWith("sha256:");
        return digest.substring("sha256:".length());
    }

    @Test
    void aTagGivesTheDigestOfTheImageItPointsAt() {
        String digest = push("team/orders", "v7");
        EcrImageDigests lookup = new EcrImageDigests(moto.settings());

        assertThat(lookup.digest(tag("team/orders", "v7"))).contains(digest);
        assertThat(lookup.digest(tag("team/orders", "v8"))).isEmpty();
        assertThat(lookup.digest(tag("team/missing", "v7"))).isEmpty();
    }

    private static ImageDigestLookup.ImageTag tag(String repository, String tag) {
        return new ImageDigestLookup.ImageTag(Moto.ACCOUNT, Moto.REGION, repository, tag, null);
    }

    @Test
    void aServiceWithATaggedImagePackagesWithTheDigest() {
        String digest = push("orders", "latest");
        Path project = TestServices.project(dir, """
                service: images
                provider: { name: aws, runtime: java21 }
                functions:
                  orders:
                    image: %s.dkr.ecr.%s.amazonaws.com/orders:latest
                """.formatted(Moto.ACCOUNT, Moto.REGION));
        ServicePipeline pipeline = new ServicePipeline(Log.NONE)
                .withImageDigests(new EcrImageDigests(moto.settings()));
        PackageRequest request = TestServices.request(project);
        PackageResult result = pipeline.packageService(request, pipeline.load(request), TestServices.NOW);
        Map<String, Object> template = Templates.read(result.updateStackTemplate());

        assertThat(properties(template, "OrdersLambdaFunction")).containsEntry("Code", Map.of("ImageUri",
                Moto.ACCOUNT + ".dkr.ecr." + Moto.REGION + ".amazonaws.com/orders@sha256:" + digest));
    }
}
