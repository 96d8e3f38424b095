package io.github.serverlessmaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * A busy stack: moto keeps a stack in CREATE_IN_PROGRESS while its custom resource has not answered, and completes
 * it when the test posts the custom resource's response.
 */
class StackWaitMotoTest {

    Moto moto;
    AwsClients aws;
    final List<String> lines = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        moto = Moto.fromSystemProperty();
        moto.reset();
        aws = moto.clients();
        aws.s3().createBucket(r -> r.bucket("gate-code"));
        aws.s3().putObject(r -> r.bucket("gate-code").key("gate.zip"), RequestBody.fromBytes(zip()));
        aws.cloudFormation().createStack(r -> r.stackName("gate-function").templateBody("""
                {"Resources": {
                  "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole"}]}}},
                  "Gate": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "gate", "Runtime":
                    "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
                    "Code": {"S3Bucket": "gate-code", "S3Key": "gate.zip"}}}}}"""));
        String arn = aws.lambda().getFunction(r -> r.functionName("gate")).configuration().functionArn();
        aws.cloudFormation().createStack(r -> r.stackName("busy").templateBody("""
                {"Resources": {"Gate": {"Type": "Custom::Gate", "Properties": {"ServiceToken": "%s"}}}}"""
                .formatted(arn)));
    }

    @AfterEach
    void tearDown() {
        aws.close();
    }

    @Test
    void waitsForABusyStackWithAMessageUntilItIsFree() throws Exception {
        Stack busy = aws.cloudFormation().describeStacks(r -> r.stackName("busy")).stacks().get(0);
        assertThat(busy.stackStatusAsString()).isEqualTo("CREATE_IN_PROGRESS");
        Thread release = new Thread(() -> {
            sleep(1500);
            respond(busy.stackId());
        });
        release.start();

        Stack idle = stacks(Duration.ofSeconds(30)).awaitIdle("busy").orElseThrow();
        release.join();

        assertThat(idle.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(lines).contains("Stack busy is busy (CREATE_IN_PROGRESS); waiting for it to finish (up to 30 s)");
    }

    @Test
    void givesUpOnABusyStackAfterTheTimeout() {
        assertThatThrownBy(() -> stacks(Duration.ofSeconds(1)).awaitIdle("busy"))
                .isInstanceOf(DeployException.class)
                .hasMessage("Stack busy is still CREATE_IN_PROGRESS after 1 s; perhaps you should wait for the "
                        + "running operation to finish (AWS console) and deploy again, or raise -Dserverless.timeout "
                        + "(minutes).");
        assertThat(aws.cloudFormation().describeStacks(r -> r.stackName("busy")).stacks().get(0)
                .stackStatusAsString()).isEqualTo("CREATE_IN_PROGRESS");
    }

    private Stacks stacks(Duration timeout) {
        return new Stacks(aws.cloudFormation(), TestServices.collecting(lines, lines), timeout, Duration.ofMillis(200));
    }

    private void respond(String stackId) {
        String body = """
                {"Status": "SUCCESS", "StackId": "%s", "LogicalResourceId": "Gate", "PhysicalResourceId": "gate-1",
                 "RequestId": "r", "Data": {}}""".formatted(stackId);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(moto.endpoint() + "/cloudformation_us-east-1/cfnresponse?stack=" + stackId))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isLessThan(300);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write("def handler(event, context):\n    return None\n".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
