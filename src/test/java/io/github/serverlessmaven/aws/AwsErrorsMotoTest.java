package io.github.serverlessmaven.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.deploy.InfoReporter;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.TestServices;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Credential, region, network and permission problems become one plain sentence without secrets. */
class AwsErrorsMotoTest {

    @TempDir
    Path dir;

    private Service service() {
        TestServices.project(dir, "service: demo\nprovider:\n  name: aws\n");
        return new ServicePipeline(Log.NONE).load(TestServices.request(dir));
    }

    @Test
    void unreachableEndpointIsOneSentence() {
        AwsSettings settings = new AwsSettings("us-east-1", null, URI.create("http://127.0.0.1:1"), 1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        try (AwsClients aws = new AwsClients(settings)) {
            assertThatThrownBy(() -> InfoReporter.read(aws, service())).isInstanceOf(DeployException.class)
                    .hasMessage("Cannot reach http://127.0.0.1:1 while trying to read stack demo-dev; perhaps you "
                            + "should check the network and that the emulator is running (serverless.endpoint / "
                            + "AWS_ENDPOINT_URL).");
        }
    }

    @Test
    void rejectedCredentialsAreNamedWithoutTheKey() {
        Moto moto = Moto.fromSystemProperty();
        moto.reset();
        AwsSettings settings = new AwsSettings("us-east-1", null, URI.create(moto.endpoint()), 1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAMADEUP", "very-secret-value")));
        moto.requireAuthentication(true);
        try (AwsClients aws = new AwsClients(settings)) {
            assertThatThrownBy(() -> InfoReporter.read(aws, service())).isInstanceOf(DeployException.class)
                    .hasMessageStartingWith("AWS rejected the credentials while trying to read stack demo-dev (")
                    .hasMessageEndingWith("); perhaps you should refresh them (aws sso login, new access keys) or "
                            + "pick another profile with -Dserverless.profile.")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("very-secret-value", "AKIAMADEUP"));
        } finally {
            moto.requireAuthentication(false);
        }
    }

    @Test
    void unknownProfileSaysSo(@TempDir Path home) throws Exception {
        java.nio.file.Files.writeString(home.resolve("config"), "[profile other]\nregion = us-east-1\n");
        java.nio.file.Files.writeString(home.resolve("credentials"), "");
        String config = System.setProperty("aws.configFile", home.resolve("config").toString());
        String credentials = System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        try (AwsClients aws = new AwsClients(new AwsSettings("us-east-1", "no-such-profile",
                URI.create("http://127.0.0.1:1"), 1, null))) {
            assertThatThrownBy(() -> InfoReporter.read(aws, service())).isInstanceOf(DeployException.class)
                    .hasMessage("The AWS profile 'no-such-profile' has no usable credentials; perhaps you should "
                            + "check ~/.aws/config and ~/.aws/credentials or choose another -Dserverless.profile.");
        } finally {
            restore("aws.configFile", config);
            restore("aws.sharedCredentialsFile", credentials);
        }
    }

    @Test
    void unknownRegionIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> new AwsClients(AwsSettings.of("mars-north-1", null, null)))
                .isInstanceOf(DeployException.class)
                .hasMessage("The region 'mars-north-1' is not an AWS region known to this plugin; perhaps you "
                        + "should check provider.region or -Dserverless.region (e.g. us-east-1).");
    }

    @Test
    void accessDeniedQuotesAwsAndSuggestsThePermission() {
        var denied = software.amazon.awssdk.services.s3.model.S3Exception.builder().statusCode(403)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("AccessDenied").errorMessage("User is not authorized to perform s3:PutObject")
                        .build())
                .build();
        DeployException e = AwsErrors.translate(denied, "upload app.jar", AwsSettings.of("us-east-1", null, null));
        assertThat(e).hasMessage("Access denied while trying to upload app.jar: User is not authorized to perform "
                + "s3:PutObject; perhaps you should grant the deploying identity that permission.");
    }

    @Test
    void endpointThatIsNotAUrlIsRejected() {
        assertThatThrownBy(() -> AwsSettings.of("us-east-1", null, "localhost:4566"))
                .isInstanceOf(DeployException.class)
                .hasMessage("The endpoint 'localhost:4566' is not a URL; perhaps you should write it as "
                        + "http://host:port (serverless.endpoint or AWS_ENDPOINT_URL).");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
