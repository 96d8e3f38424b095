package io.github.serverlessmaven.deploy;

import static io.github.serverlessmaven.testing.MotoProject.FUNCTION;
import static io.github.serverlessmaven.testing.MotoProject.STACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.deploy.fixture.DemoHandler;
import io.github.serverlessmaven.packaging.Digests;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.MotoProject;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** deploy, info, plan and remove against the moto emulator; every test asserts what the emulator holds. */
class DeployMotoTest {

    @TempDir
    Path dir;

    Moto moto;
    AwsClients aws;
    MotoProject project;

    @BeforeEach
    void setUp() {
        moto = Moto.fromSystemProperty();
        moto.reset();
        aws = moto.clients();
        project = new MotoProject(dir);
    }

    @AfterEach
    void tearDown() {
        aws.close();
    }

    @Test
    void firstDeployCreatesStackBucketAndFunctionWithTheArtifactsDigest() throws IOException {
        project.write("v1");

        DeployReport report = project.deploy(aws);

        Stack stack = aws.cloudFormation().describeStacks(r -> r.stackName(STACK)).stacks().get(0);
        assertThat(stack.stackStatusAsString()).endsWith("_COMPLETE");
        assertThat(stack.tags()).anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("STAGE=dev"));
        String bucket = bucket();
        aws.s3().headBucket(r -> r.bucket(bucket));
        GetFunctionResponse function = aws.lambda().getFunction(r -> r.functionName(FUNCTION));
        assertThat(function.configuration().codeSha256()).isEqualTo(project.jarSha256());
        assertThat(function.configuration().runtimeAsString()).isEqualTo("java21");

        List<String> keys = new java.util.ArrayList<>(keys(bucket));
        // Beside the folders: the pointer to the last successful deployment, read first by the next deploy.
        assertThat(keys.remove("serverless/demo/dev/" + DeploymentBucket.LATEST_FILE)).isTrue();
        assertThat(keys).hasSize(3).allMatch(k -> k.matches("serverless/demo/dev/\\d+-[0-9T:.\\-]+Z/[^/]+"))
                .anyMatch(k -> k.endsWith("/app.jar"))
                .anyMatch(k -> k.endsWith("/" + Deployer.TEMPLATE_FILE))
                .anyMatch(k -> k.endsWith("/" + DeployedState.FILE));
        String jarKey = keys.stream().filter(k -> k.endsWith("/app.jar")).findFirst().orElseThrow();
        HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(bucket).key(jarKey));
        assertThat(head.metadata()).containsEntry("filesha256", project.jarSha256());

        assertThat(report.result()).isEqualTo("deployed");
        assertThat(report.functions()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(function.configuration().functionArn());
            assertThat(f.logGroup()).isEqualTo("/aws/lambda/" + FUNCTION);
        });
        String json = Files.readString(dir.resolve("target/serverless/" + Deployer.REPORT_FILE));
        assertThat(json).contains("\"stack\": \"" + STACK + "\"", function.configuration().functionArn());
    }

    @Test
    void redeployWithoutChangesUploadsNothingAndCreatesNoChangeSet() throws IOException {
        project.write("v1");
        project.deploy(aws);
        List<String> before = keys(bucket());

        moto.startRecording();
        DeployReport report = project.deploy(aws);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(requests).isNotEmpty().noneMatch(Moto.Request::isS3PutObject)
                .noneMatch(r -> "CreateChangeSet".equals(r.action()))
                .noneMatch(r -> "ExecuteChangeSet".equals(r.action()))
                .noneMatch(r -> "UpdateStack".equals(r.action()));
        assertThat(keys(bucket())).isEqualTo(before);
        assertThat(report.result()).isEqualTo("unchanged");
        // DescribeStacks, the bucket's name (moto's stacks lack the output that names it) and the pointer object.
        assertThat(requests).as("requests of a no-op deploy").hasSizeLessThanOrEqualTo(3);
        assertThat(report.functions()).extracting(DeployReport.FunctionInfo::name).containsExactly(FUNCTION);
    }

    @Test
    void forceDeploysEvenWhenNothingChanged() throws IOException {
        project.write("v1");
        project.deploy(aws);

        moto.startRecording();
        project.deploy(aws, null, project.log(), MotoProject.options(true));
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(requests).anyMatch(r -> "CreateChangeSet".equals(r.action()));
        // Unchanged bytes are still not uploaded twice: only the template, the state file and the pointer to it.
        assertThat(requests.stream().filter(Moto.Request::isS3PutObject).map(Moto.Request::path))
                .hasSize(3).noneMatch(p -> p.endsWith("/app.jar"));
    }

    @Test
    void changedArtifactIsUploadedAndTheFunctionCodeUpdatedThroughAnUpdateChangeSet() throws IOException {
        project.write("v1");
        project.deploy(aws);
        project.writeJar("v2");

        moto.startRecording();
        project.deploy(aws);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(requests.stream().filter(Moto.Request::isS3PutObject).map(Moto.Request::path))
                .anyMatch(p -> p.endsWith("/app.jar"));
        assertThat(requests).filteredOn(r -> "CreateChangeSet".equals(r.action())).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("ChangeSetType=UPDATE")
                        .contains("TemplateURL=https%3A%2F%2F" + bucket() + ".s3.us-east-1.amazonaws.com%2F"));
        assertThat(requests).anyMatch(r -> "ExecuteChangeSet".equals(r.action()));
        assertThat(aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().codeSha256())
                .isEqualTo(project.jarSha256());
        // The pointer says "under way" just before the stack starts changing, and names the deployment after it.
        List<String> order = requests.stream().filter(r -> "ExecuteChangeSet".equals(r.action())
                || r.isS3PutObject() && r.path().endsWith("/" + DeploymentBucket.LATEST_FILE))
                .map(r -> r.isS3PutObject() ? "pointer" : "execute").toList();
        assertThat(order).containsExactly("pointer", "execute", "pointer");
    }

    @Test
    void templateThatCloudFormationRejectsFailsNamingTheResourceAndKeepsThePreviousDeployment() throws IOException {
        project.write("v1");
        project.deploy(aws);
        String deployedSha = project.jarSha256();
        String bucket = bucket();
        List<String> before = keys(bucket);
        aws.s3().createBucket(r -> r.bucket("demo-taken-name"));
        project.write("", """
                resources:
                  Resources:
                    TakenBucket:
                      Type: AWS::S3::Bucket
                      Properties:
                        BucketName: demo-taken-name
                """, "v2");

        assertThatThrownBy(() -> project.deploy(aws)).isInstanceOf(StackFailedException.class)
                .hasMessageContaining("TakenBucket (AWS::S3::Bucket)")
                .hasMessageContaining("BucketAlreadyExists")
                .satisfies(e -> assertThat(((StackFailedException) e).failedResources()).singleElement()
                        .asString().startsWith("TakenBucket"));

        assertThat(keys(bucket)).containsAll(before);
        String template = aws.cloudFormation().getTemplate(r -> r.stackName(STACK)).templateBody();
        assertThat(template).doesNotContain("TakenBucket");
        assertThat(aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().codeSha256())
                .isEqualTo(deployedSha);
    }

    @Test
    void infoReportsTheDeployedFunctionAndStack() throws IOException {
        project.write("v1");
        project.deploy(aws);
        Stack stack = aws.cloudFormation().describeStacks(r -> r.stackName(STACK)).stacks().get(0);

        DeployReport report = new InfoReporter(aws.cloudFormation()).report(service(), stack);

        String arn = aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().functionArn();
        assertThat(report.stack()).isEqualTo(STACK);
        assertThat(report.stackStatus()).isEqualTo(stack.stackStatusAsString());
        assertThat(report.functions()).extracting(DeployReport.FunctionInfo::arn).containsExactly(arn);
        assertThat(arn).contains(":" + Moto.ACCOUNT + ":");
    }

    @Test
    void planListsTheChangeAndChangesNothing() throws IOException {
        project.write("v1");
        project.deploy(aws);
        String templateBefore = aws.cloudFormation().getTemplate(r -> r.stackName(STACK)).templateBody();
        project.write("  memorySize: 512", "", "v1");

        moto.startRecording();
        List<PlannedChange> changes = new Planner(aws, project.log(), MotoProject.options()).plan(input());
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(changes).anySatisfy(c -> {
            assertThat(c.logicalId()).isEqualTo("HelloLambdaFunction");
            assertThat(c.action()).isEqualTo("Modify");
        });
        assertThat(aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().memorySize())
                .isEqualTo(1024);
        assertThat(aws.cloudFormation().getTemplate(r -> r.stackName(STACK)).templateBody())
                .isEqualTo(templateBefore);
        assertThat(requests).anyMatch(r -> "DeleteChangeSet".equals(r.action()))
                .noneMatch(r -> "ExecuteChangeSet".equals(r.action())).noneMatch(Moto.Request::isS3PutObject);
        assertThat(aws.cloudFormation().listChangeSets(r -> r.stackName(STACK)).summaries())
                .noneMatch(c -> c.executionStatusAsString().equals("AVAILABLE"));
    }

    @Test
    void removeEmptiesTheBucketAndDeletesTheStack() throws IOException {
        project.write("v1");
        project.deploy(aws);
        String bucket = bucket();
        List<String> stored = keys(bucket);
        assertThat(stored).isNotEmpty();

        moto.startRecording();
        boolean removed = new Remover(aws, project.log(), MotoProject.options()).remove(service());
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(removed).isTrue();
        assertThatThrownBy(() -> aws.cloudFormation().describeStacks(r -> r.stackName(STACK)))
                .isInstanceOf(CloudFormationException.class).hasMessageContaining("does not exist");
        // moto deletes a non-empty bucket with its stack, where CloudFormation would fail: so the emptying is
        // checked in the requests, every stored key deleted before the stack.
        int deleteStack = indexOf(requests, r -> "DeleteStack".equals(r.action()));
        String deletedBeforeStack = requests.subList(0, Math.max(deleteStack, 0)).stream()
                .filter(r -> r.method().equals("POST") && r.body().contains("<Delete"))
                .map(Moto.Request::body).collect(Collectors.joining());
        assertThat(deleteStack).isPositive();
        assertThat(stored).allSatisfy(key -> assertThat(deletedBeforeStack).contains("<Key>" + key + "</Key>"));
        assertThat(new Remover(aws, project.log(), MotoProject.options()).remove(service())).isFalse();
    }

    @Test
    void oldDeploymentsArePrunedBeyondMaxPreviousDeploymentArtifacts() throws IOException {
        String settings = "  deploymentBucket:\n    maxPreviousDeploymentArtifacts: 2";
        project.write(settings, "", "v1");
        project.deploy(aws);
        for (String version : List.of("v2", "v3", "v4")) {
            project.writeJar(version);
            project.deploy(aws);
        }

        List<String> directories = keys(bucket()).stream().filter(k -> !k.endsWith("/" + DeploymentBucket.LATEST_FILE))
                .map(k -> k.substring(0, k.lastIndexOf('/'))).distinct().toList();
        assertThat(directories).hasSize(2);
        assertThat(aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().codeSha256())
                .isEqualTo(project.jarSha256());
    }

    @Test
    void directDeploymentMethodCreatesAndUpdatesWithoutChangeSets() throws IOException {
        project.write("  deploymentMethod: direct", "", "v1");
        moto.startRecording();
        project.deploy(aws);
        project.writeJar("v2");
        project.deploy(aws);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(requests).noneMatch(r -> "CreateChangeSet".equals(r.action()))
                .anyMatch(r -> "CreateStack".equals(r.action())).anyMatch(r -> "UpdateStack".equals(r.action()));
        assertThat(aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().codeSha256())
                .isEqualTo(project.jarSha256());
    }

    @Test
    void existingBucketNotificationsAreSetKeepingOtherOnesAndReplacingOurs() throws IOException {
        project.write("v1");
        aws.s3().createBucket(r -> r.bucket("legacy-uploads"));
        String foreignArn = "arn:aws:lambda:us-east-1:123456789012:function:someone-else";
        aws.s3().putBucketNotificationConfiguration(r -> r.bucket("legacy-uploads").notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(c -> c.id("someone-else").lambdaFunctionArn(foreignArn)
                        .eventsWithStrings("s3:ObjectRemoved:*"))));

        DeployInput first = input();
        writeExistingNotification("incoming/");
        new Deployer(aws, project.log(), MotoProject.options()).deploy(first);
        DeployInput second = input();
        writeExistingNotification("other/");
        new Deployer(aws, project.log(), MotoProject.options(true)).deploy(second);

        var lambdas = aws.s3().getBucketNotificationConfiguration(r -> r.bucket("legacy-uploads"))
                .lambdaFunctionConfigurations();
        String arn = aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().functionArn();
        assertThat(lambdas).hasSize(2);
        assertThat(lambdas).anySatisfy(c -> assertThat(c.lambdaFunctionArn()).isEqualTo(foreignArn));
        assertThat(lambdas).anySatisfy(c -> {
            assertThat(c.lambdaFunctionArn()).isEqualTo(arn);
            assertThat(c.id()).startsWith(STACK + "-hello-");
            assertThat(c.eventsAsStrings()).containsExactly("s3:ObjectCreated:*");
            assertThat(c.filter().key().filterRules()).singleElement()
                    .satisfies(rule -> assertThat(rule.value()).isEqualTo("other/"));
        });

        project.writeYaml("", "    events:\n      - s3:\n          bucket: legacy-uploads\n          existing: true\n");
        new Remover(aws, project.log(), MotoProject.options()).remove(service());
        assertThat(aws.s3().getBucketNotificationConfiguration(r -> r.bucket("legacy-uploads"))
                .lambdaFunctionConfigurations()).singleElement()
                .satisfies(c -> assertThat(c.lambdaFunctionArn()).isEqualTo(foreignArn));
    }

    @Test
    void customDeploymentBucketIsUsedAsIsAndTheStackCreatedWithTheFullTemplate() throws IOException {
        aws.s3().createBucket(r -> r.bucket("team-deployments"));
        project.write("  deploymentBucket:\n    name: team-deployments", "", "v1");

        moto.startRecording();
        project.deploy(aws);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(requests).filteredOn(r -> "CreateChangeSet".equals(r.action())).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("ChangeSetType=CREATE")
                        .contains("TemplateURL=https%3A%2F%2Fteam-deployments.s3.us-east-1.amazonaws.com%2F"));
        assertThat(keys("team-deployments")).anyMatch(k -> k.endsWith("/app.jar"));
        assertThat(aws.cloudFormation().getTemplate(r -> r.stackName(STACK)).templateBody())
                .doesNotContain("ServerlessDeploymentBucketPolicy").contains("team-deployments");
        assertThat(aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().codeSha256())
                .isEqualTo(project.jarSha256());
    }

    @Test
    void planForAStackThatDoesNotExistListsEveryResourceAsAddedAndCreatesNothing() throws IOException {
        project.write("v1");

        List<PlannedChange> changes = new Planner(aws, project.log(), MotoProject.options()).plan(input());

        assertThat(changes).extracting(PlannedChange::action).containsOnly("Add");
        assertThat(changes).extracting(PlannedChange::logicalId)
                .contains("ServerlessDeploymentBucket", "HelloLambdaFunction", "IamRoleLambdaExecution");
        assertThatThrownBy(() -> aws.cloudFormation().describeStacks(r -> r.stackName(STACK)))
                .hasMessageContaining("does not exist");
    }

    @Test
    void onlyTheChangedFunctionsArtifactIsUploadedAgain() throws IOException {
        String handler = DemoHandler.class.getName() + "::handleRequest";
        TestServices.project(dir, """
                service: demo
                provider:
                  name: aws
                  runtime: java21
                functions:
                  one:
                    handler: %s
                    package:
                      artifact: target/one.jar
                  two:
                    handler: %s
                    package:
                      artifact: target/two.jar
                """.formatted(handler, handler));
        project.writeJar("one-v1");
        Files.copy(dir.resolve("target/app.jar"), dir.resolve("target/one.jar"));
        project.writeJar("two-v1");
        Files.copy(dir.resolve("target/app.jar"), dir.resolve("target/two.jar"));
        project.deploy(aws);
        project.writeJar("two-v2");
        Files.copy(dir.resolve("target/app.jar"), dir.resolve("target/two.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        moto.startRecording();
        project.deploy(aws);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(requests.stream().filter(Moto.Request::isS3PutObject).map(Moto.Request::path)
                .filter(p -> p.endsWith(".jar"))).singleElement().asString().endsWith("/two.jar");
        assertThat(aws.lambda().getFunction(r -> r.functionName("demo-dev-two")).configuration().codeSha256())
                .isEqualTo(sha(Files.readAllBytes(dir.resolve("target/two.jar"))));
        assertThat(aws.lambda().getFunction(r -> r.functionName("demo-dev-one")).configuration().codeSha256())
                .isEqualTo(sha(Files.readAllBytes(dir.resolve("target/one.jar"))));
    }

    @Test
    void stackPolicyIsSetAfterTheUpdate() throws IOException {
        project.write("  stackPolicy:\n    - Effect: Allow\n      Principal: '*'\n      Action: 'Update:*'\n"
                + "      Resource: '*'", "", "v1");

        moto.startRecording();
        project.deploy(aws);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(requests).filteredOn(r -> "SetStackPolicy".equals(r.action())).hasSize(1);

        assertThat(aws.cloudFormation().getStackPolicy(r -> r.stackName(STACK)).stackPolicyBody())
                .isEqualTo("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"Update:*\","
                        + "\"Resource\":\"*\"}]}");
    }

    private void writeExistingNotification(String prefix) throws IOException {
        Files.writeString(dir.resolve("target/serverless/" + ExistingS3Notifications.FILE), """
                [{"function": "hello", "functionName": "%s", "functionLogicalId": "HelloLambdaFunction",
                  "alias": null, "bucket": "legacy-uploads", "event": "s3:ObjectCreated:*",
                  "rules": [{"Prefix": "%s"}], "permissionLogicalId": "HelloLambdaPermissionLegacyuploadsS3"}]
                """.formatted(FUNCTION, prefix));
    }

    // --- helpers

    @Test
    void artifactsAreUploadedWithTheirSha256AsAChecksumTheServiceVerifies() throws IOException {
        // S3 recomputes x-amz-checksum-sha256 and refuses an object whose bytes differ; moto neither stores nor
        // checks it, so the test asserts what the plugin sends: the packaged digest with the artifact's bytes.
        project.write("v1");
        moto.startRecording();
        project.deploy(aws);
        List<Moto.Request> requests = moto.stopRecording();
        Moto.Request upload = requests.stream().filter(Moto.Request::isS3PutObject)
                .filter(r -> r.path().endsWith("/app.jar")).findFirst().orElseThrow();
        assertThat(upload.headers()).containsEntry("x-amz-checksum-sha256", project.jarSha256());
    }

    @Test
    void onATerminalStackEventsAndUploadsAreALiveFooterNotLogLines() throws IOException {
        project.write("v1");
        java.io.ByteArrayOutputStream terminal = new java.io.ByteArrayOutputStream();
        var console = new io.github.serverlessmaven.project.TerminalConsole(
                new java.io.PrintStream(terminal, true, java.nio.charset.StandardCharsets.UTF_8), System::nanoTime, 200);
        new Deployer(aws, project.log(), MotoProject.options()).console(console).deploy(input());

        String drawn = terminal.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(drawn).contains("\r").contains("UPDATE_COMPLETE").contains("Uploading 1 artifact(s)");
        // The footer is erased at the end, and the events did not also go to the log.
        assertThat(drawn).endsWith("\r");
        List<String> info = project.lines.stream().filter(l -> l.startsWith("INFO ")).map(l -> l.substring(5))
                .toList();
        assertThat(info).noneMatch(l -> l.trim().startsWith("UPDATE_") || l.trim().startsWith("CREATE_"))
                .anyMatch(l -> l.startsWith("Service deployed to stack " + STACK));
    }

    private DeployInput input() {
        ServicePipeline pipeline = new ServicePipeline(project.log());
        PackageRequest request = TestServices.request(dir);
        return DeployInputs.fromPackage(pipeline.packageService(request));
    }

    private io.github.serverlessmaven.model.Service service() {
        return new ServicePipeline(project.log()).load(TestServices.request(dir));
    }

    private static String sha(byte[] bytes) {
        return Digests.sha256Base64(bytes);
    }

    private String bucket() {
        return aws.cloudFormation().describeStackResource(r -> r.stackName(STACK)
                .logicalResourceId("ServerlessDeploymentBucket")).stackResourceDetail().physicalResourceId();
    }

    private static int indexOf(List<Moto.Request> requests, Predicate<Moto.Request> which) {
        for (int i = 0; i < requests.size(); i++) {
            if (which.test(requests.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private List<String> keys(String bucket) {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().map(S3Object::key)
                .sorted().toList();
    }
}
