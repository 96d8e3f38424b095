package io.github.serverlessmaven.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsSettings;
import io.github.serverlessmaven.deploy.DeployReport;
import io.github.serverlessmaven.deploy.DeploymentBucket;
import io.github.serverlessmaven.deploy.StackFailedException;
import io.github.serverlessmaven.testing.FaultProxy;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.MotoProject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A build killed with SIGKILL (a separate JVM, {@link DeployInChildProcess}) in the middle of a deploy: while its
 * change set executes, the next deploy waits for the busy stack and then deploys; during its upload, the live
 * stack and the last-deployment pointer keep pointing at objects that exist, and the next deploy uploads again.
 */
class KilledBuildMotoTest {

    static final String SERVICE_PREFIX = "serverless/demo/dev";
    static final Duration CHILD_STEP = Duration.ofSeconds(40);
    /** Far more than the socket buffers between the child and the proxy hold (about 4 MB here). */
    static final int BIG_JAR_BYTES = 16 * 1024 * 1024;

    @TempDir
    Path dir;

    Moto moto;
    AwsClients aws;
    FaultProxy proxy;
    AwsClients viaProxy;
    MotoProject project;
    DeployInChildProcess.Running child;
    HeldChangeSetExecution held;
    final ExecutorService thread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() {
        moto = Moto.fromSystemProperty();
        moto.reset();
        aws = moto.clients();
        proxy = FaultProxy.start(moto.endpoint(), 1L);
        viaProxy = new AwsClients(new AwsSettings(Moto.REGION, null, proxy.endpoint(), 1,
                moto.settings().credentials()));
        project = new MotoProject(dir);
    }

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.close();
        }
        if (held != null) {
            held.close();
        }
        thread.shutdownNow();
        viaProxy.close();
        proxy.close();
        aws.close();
    }

    @Test
    void aBuildKilledWhileItsChangeSetExecutesLeavesTheNextDeployWaitingForTheStackThenDeploying()
            throws Exception {
        project.write("", version("v1"), "v1");
        project.deploy(aws);
        project.write("", version("v2"), "v2");
        killChildWhileItsChangeSetExecutes();

        project.write("", version("v3"), "v3");
        project.lines.clear();
        Future<DeployReport> next = thread.submit(() -> project.deploy(viaProxy));
        await("the next deploy waiting for the busy stack", () -> next.isDone() || project.lines.contains(
                "INFO Stack demo-dev is busy (UPDATE_IN_PROGRESS); waiting for it to finish (up to 30 s)"));
        int polls = describeStacksCount();
        await("the next deploy polling the busy stack", () -> next.isDone() || describeStacksCount() >= polls + 3);
        assertThat(next.isDone()).as("the next deploy ended while the stack was busy").isFalse();
        held.finish();
        DeployReport report = next.get(45, TimeUnit.SECONDS);

        assertThat(report.result()).isEqualTo("deployed");
        assertThat(project.lines).contains("INFO Updating stack demo-dev");
        assertThat(stackStatus(aws)).isEqualTo("UPDATE_COMPLETE");
        assertThat(functionVersion()).isEqualTo("v3");
        assertThat(project.codeSha256(aws)).isEqualTo(project.jarSha256());
        assertEveryObjectTheStackAndThePointerNameExists();
    }

    @Test
    void aRevertDeployedAfterAKilledBuildsChangeSetCompletedIsNotSkippedAsUnchanged() throws Exception {
        project.write("", version("v1"), "v1");
        project.deploy(aws);
        String v1Jar = project.jarSha256();
        project.write("", version("v2"), "v2");
        String v2Jar = project.jarSha256();
        killChildWhileItsChangeSetExecutes();
        // CloudFormation goes on without the build: v2 runs, though no deploy recorded it.
        held.finish();
        assertThat(functionVersion()).isEqualTo("v2");
        assertThat(project.codeSha256(aws)).isEqualTo(v2Jar);

        project.write("", version("v1"), "v1");
        project.lines.clear();
        DeployReport report = project.deploy(aws);

        assertThat(report.result()).isEqualTo("deployed");
        assertThat(project.lines).anySatisfy(line -> assertThat(line).matches("INFO The deploy of serverless/demo/dev/"
                + "\\d+-[^ ]+ was stopped before it finished \\(the build was killed or lost its connection\\); "
                + "deploying again so that the stack runs this version"));
        assertThat(functionVersion()).isEqualTo("v1");
        assertThat(project.codeSha256(aws)).isEqualTo(v1Jar);
        assertEveryObjectTheStackAndThePointerNameExists();
        project.lines.clear();
        assertThat(project.deploy(aws).result()).as("a deploy right after").isEqualTo("unchanged");
    }

    @Test
    void aBuildKilledDuringItsUploadLeavesTheStackAndEveryObjectItUsesInPlace() throws Exception {
        project.write("", version("v1"), "v1");
        project.deploy(aws);
        String v1Jar = project.jarSha256();
        String v1Key = liveCodeKey();
        String v1Template = aws.cloudFormation().getTemplate(r -> r.stackName(MotoProject.STACK)).templateBody();
        project.write("", version("v2"), "v2");
        project.writeJar("v2", BIG_JAR_BYTES);
        long bigJarSize = Files.size(project.dir.resolve("target/app.jar"));
        // 16 MB at 512 kB/s: about 30 s of upload, far longer than it takes to see it start.
        proxy.bandwidth(512 * 1024);
        long before = proxy.bodyBytesReceived();

        child = DeployInChildProcess.start(project.dir, "dev", proxy.endpoint().toString());
        child.awaitWhileAlive("upload of app.jar under way", CHILD_STEP, () -> child.lines().stream()
                .anyMatch(l -> l.startsWith("INFO Uploading app.jar")) && proxy.bodyBytesReceived() - before
                > 256 * 1024);
        child.kill();
        proxy.bandwidth(0);
        await("the proxy to finish with the cut-short upload", () -> proxy.inFlight() == 0);
        long received = proxy.bodyBytesReceived() - before;
        System.out.println("killed upload: the proxy received " + received + " request body bytes from the child, "
                + "the buffered ones included (the jar alone is " + bigJarSize + ")");
        assertThat(received).as("the kill cut the upload short").isLessThan(bigJarSize);

        assertKilledBeforeTheEnd();
        assertThat(proxy.requestCounts()).doesNotContainKeys("cloudformation:CreateChangeSet",
                "cloudformation:ExecuteChangeSet", "cloudformation:UpdateStack");
        assertThat(stackStatus(aws)).isEqualTo("UPDATE_COMPLETE");
        assertThat(aws.cloudFormation().getTemplate(r -> r.stackName(MotoProject.STACK)).templateBody())
                .isEqualTo(v1Template);
        assertThat(liveCodeKey()).isEqualTo(v1Key);
        assertThat(project.codeSha256(aws)).isEqualTo(v1Jar);
        assertThat(functionVersion()).isEqualTo("v1");
        assertThat(assertEveryObjectTheStackAndThePointerNameExists()).contains(v1Key);
        assertThat(objects()).as("S3 never stores part of an object; the killed upload left none")
                .noneMatch(o -> o.size() == bigJarSize);

        project.lines.clear();
        DeployReport report = project.deploy(aws);

        assertThat(report.result()).isEqualTo("deployed");
        assertThat(project.lines).anyMatch(l -> l.startsWith("INFO Uploading app.jar"));
        assertThat(project.codeSha256(aws)).isEqualTo(project.jarSha256());
        assertThat(functionVersion()).isEqualTo("v2");
        assertThat(liveCodeKey()).isNotEqualTo(v1Key);
        assertEveryObjectTheStackAndThePointerNameExists();
    }

    @Test
    void aChangeSetCloudFormationRejectsLeavesThePointerAsItWasSoTheNextSameDeployIsSkipped() throws Exception {
        project.write("", version("v1"), "v1");
        project.deploy(aws);
        String pointer = SERVICE_PREFIX + "/" + DeploymentBucket.LATEST_FILE;
        String before = aws.s3().getObjectAsBytes(r -> r.bucket(bucket()).key(pointer)).asUtf8String();
        proxy.intercept(HeldChangeSetExecution.EXECUTE, new FaultProxy.Intercept() {
            @Override
            public FaultProxy.Answer answer(String requestBody) {
                return new FaultProxy.Answer(400, "text/xml", "<ErrorResponse xmlns=\"http://cloudformation.amazonaws"
                        + ".com/doc/2010-05-15/\"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>"
                        + "Rejected by the test</Message></Error><RequestId>r</RequestId></ErrorResponse>");
            }
        });
        project.write("", version("v2"), "v2");

        assertThatThrownBy(() -> project.deploy(viaProxy, null, project.log(), MotoProject.options()))
                .isInstanceOf(StackFailedException.class).hasMessageContaining("Rejected by the test");

        assertThat(aws.s3().getObjectAsBytes(r -> r.bucket(bucket()).key(pointer)).asUtf8String())
                .as("the pointer after the rejected deploy").isEqualTo(before);
        assertThat(functionVersion()).isEqualTo("v1");
        project.write("", version("v1"), "v1");
        assertThat(project.deploy(aws).result()).isEqualTo("unchanged");
    }

    /** Runs the current project in a child JVM through the proxy and kills it while its change set executes. */
    private void killChildWhileItsChangeSetExecutes() throws IOException {
        held = new HeldChangeSetExecution(proxy, aws);
        child = DeployInChildProcess.start(project.dir, "dev", proxy.endpoint().toString());
        child.awaitWhileAlive("change set execution", CHILD_STEP, held::executing);
        // The child now waits for the stack, as a build does while CloudFormation works.
        long describes = describeStacksCount();
        child.awaitWhileAlive("the child polling the busy stack", CHILD_STEP, () -> describeStacksCount() > describes);
        assertThat(stackStatus(viaProxy)).isEqualTo("UPDATE_IN_PROGRESS");

        child.kill();

        assertKilledBeforeTheEnd();
        assertThat(held.changeSets()).hasSize(1);
        assertThat(stackStatus(viaProxy)).as("the execution outlives the build").isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(functionVersion()).as("not applied yet").isEqualTo("v1");
    }

    private void assertKilledBeforeTheEnd() {
        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(child.lines()).as("the child's output").noneMatch(l -> l.startsWith("DONE")
                || l.startsWith("FAILED") || l.startsWith("INFO Service deployed"));
    }

    private int describeStacksCount() {
        return proxy.requestCounts().getOrDefault(HeldChangeSetExecution.DESCRIBE, 0);
    }

    /**
     * Every S3 object the live template names (function code, layer content, nested template) and every artifact
     * the last-deployment pointer names exists; returns the keys checked.
     */
    private List<String> assertEveryObjectTheStackAndThePointerNameExists() throws IOException {
        String bucket = bucket();
        JsonNode template = new ObjectMapper().readTree(aws.cloudFormation()
                .getTemplate(r -> r.stackName(MotoProject.STACK)).templateBody());
        List<String> keys = new ArrayList<>();
        collectKeys(template, keys);
        assertThat(keys).as("S3 keys in the live template").isNotEmpty();
        JsonNode latest;
        try {
            latest = new ObjectMapper().readTree(aws.s3().getObjectAsBytes(r -> r.bucket(bucket)
                    .key(SERVICE_PREFIX + "/" + DeploymentBucket.LATEST_FILE)).asUtf8String());
        } catch (NoSuchKeyException e) {
            latest = null;
        }
        if (latest != null) {
            latest.path("state").path("artifacts").forEach(a -> keys.add(a.path("key").asText()));
        }
        List<String> stored = objects().stream().map(S3Object::key).toList();
        assertThat(stored).as("objects in s3://%s", bucket).containsAll(keys);
        return keys;
    }

    private static void collectKeys(JsonNode node, List<String> keys) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("S3Key") && field.getValue().isTextual()) {
                    keys.add(field.getValue().asText());
                } else if (field.getKey().equals("TemplateURL") && field.getValue().isTextual()) {
                    String path = URI.create(field.getValue().asText()).getPath();
                    keys.add(path.substring(1));
                } else {
                    collectKeys(field.getValue(), keys);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectKeys(element, keys));
        }
    }

    private List<S3Object> objects() {
        String bucket = bucket();
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().toList();
    }

    private String liveCodeKey() throws IOException {
        return new ObjectMapper().readTree(aws.cloudFormation().getTemplate(r -> r.stackName(MotoProject.STACK))
                .templateBody()).path("Resources").path("HelloLambdaFunction").path("Properties").path("Code")
                .path("S3Key").asText();
    }

    private String bucket() {
        return aws.cloudFormation().describeStackResource(r -> r.stackName(MotoProject.STACK)
                .logicalResourceId("ServerlessDeploymentBucket")).stackResourceDetail().physicalResourceId();
    }

    private String functionVersion() {
        Map<String, String> variables = aws.lambda().getFunctionConfiguration(r -> r.functionName(
                MotoProject.FUNCTION)).environment().variables();
        return variables.get("VERSION");
    }

    private static String stackStatus(AwsClients clients) {
        return clients.cloudFormation().describeStacks(r -> r.stackName(MotoProject.STACK)).stacks().get(0)
                .stackStatusAsString();
    }

    private static String version(String version) {
        return "    environment:\n      VERSION: " + version;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 30 s");
            }
            DeployInChildProcess.sleep(50);
        }
    }
}
