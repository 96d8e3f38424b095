package io.github.serverlessmaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsSettings;
import io.github.serverlessmaven.packaging.Digests;
import io.github.serverlessmaven.testing.FaultProxy;
import io.github.serverlessmaven.testing.Moto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Large artifacts go up in parts, several at a time; a failed part aborts the whole upload. */
class MultipartUploadMotoTest {

    static final String BUCKET = "deployments";
    static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    Moto moto;
    AwsClients aws;

    @BeforeEach
    void setUp() {
        moto = Moto.fromSystemProperty();
        moto.reset();
        aws = moto.clients();
        aws.s3().createBucket(r -> r.bucket(BUCKET));
    }

    @AfterEach
    void tearDown() {
        aws.close();
    }

    @Test
    void anArtifactAboveTheThresholdIsStoredWholeFromItsParts() throws IOException {
        Path jar = randomFile(12 * MIB + 12345);
        String sha256 = Digests.sha256Base64(jar);

        new DeploymentBucket(aws.s3(), BUCKET, null, null, 5 * MIB, 5 * MIB).upload("d/app.jar", jar, sha256,
                "application/java-archive");

        ResponseBytes<GetObjectResponse> stored = aws.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key("d/app.jar"));
        assertThat(Digests.sha256Base64(stored.asByteArray())).isEqualTo(sha256);
        assertThat(stored.response().eTag()).as("a multipart ETag names its part count").endsWith("-3\"");
        assertThat(stored.response().metadata()).containsEntry("filesha256", sha256);
        assertThat(stored.response().contentType()).isEqualTo("application/java-archive");
    }

    @Test
    void anArtifactAtOrBelowTheThresholdIsOnePut() throws IOException {
        Path jar = randomFile(5 * MIB);

        new DeploymentBucket(aws.s3(), BUCKET, null, null, 5 * MIB, 5 * MIB).upload("d/app.jar", jar,
                Digests.sha256Base64(jar), "application/java-archive");

        assertThat(aws.s3().headObject(r -> r.bucket(BUCKET).key("d/app.jar")).eTag()).doesNotContain("-");
    }

    @Test
    void aRefusedPartAbortsTheUploadAndLeavesNoObject() throws IOException {
        Path jar = randomFile(11 * MIB);
        try (FaultProxy proxy = FaultProxy.start(moto.endpoint(), 1L);
                AwsClients viaProxy = new AwsClients(new AwsSettings(Moto.REGION, null, proxy.endpoint(), 1,
                        moto.settings().credentials()))) {
            proxy.intercept("s3:PUT object", new FaultProxy.Intercept() {
                @Override
                public FaultProxy.Answer answer(String requestBody) {
                    return new FaultProxy.Answer(400, "application/xml", "<Error><Code>BadDigest</Code><Message>"
                            + "Refused by the test</Message></Error>");
                }
            });
            DeploymentBucket bucket = new DeploymentBucket(viaProxy.s3(), BUCKET, null, null, 5 * MIB, 5 * MIB);

            assertThatThrownBy(() -> bucket.upload("d/app.jar", jar, Digests.sha256Base64(jar),
                    "application/java-archive")).isInstanceOf(S3Exception.class).hasMessageContaining("Refused by the test");
        }

        assertThat(aws.s3().listMultipartUploads(r -> r.bucket(BUCKET)).uploads()).as("aborted").isEmpty();
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(BUCKET)).contents()).isEmpty();
    }

    @Test
    void uploadsLeftByStoppedBuildsOfThisServiceAreAborted() {
        String stale = aws.s3().createMultipartUpload(r -> r.bucket(BUCKET).key("serverless/demo/dev/1-x/app.jar"))
                .uploadId();
        String other = aws.s3().createMultipartUpload(r -> r.bucket(BUCKET).key("serverless/other/dev/1-x/app.jar"))
                .uploadId();
        DeploymentBucket bucket = new DeploymentBucket(aws.s3(), BUCKET, null, null);

        // moto reports every upload as initiated in 2010, so only "older than the cut-off" can be shown here.
        assertThat(bucket.abortStaleUploads("serverless/demo/dev", Instant.now().minus(Deployer.STALE_UPLOAD)))
                .isEqualTo(1);

        assertThat(aws.s3().listMultipartUploads(r -> r.bucket(BUCKET)).uploads())
                .extracting(u -> u.uploadId()).containsExactly(other).doesNotContain(stale);
    }

    private Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("app-" + size + ".jar"), bytes);
    }
}
