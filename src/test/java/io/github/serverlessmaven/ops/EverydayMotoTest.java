package io.github.serverlessmaven.ops;

import static io.github.serverlessmaven.testing.MotoProject.FUNCTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.deploy.DeployReport;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.MotoProject;
import io.github.serverlessmaven.testing.TestServices;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** invoke, logs, deploy-function, rollback and metrics against the moto emulator. */
class EverydayMotoTest {

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

    // --- invoke

    @Test
    void invokeFailsShowingTheErrorPayloadWhenLambdaReportsAFunctionError() throws IOException {
        project.write("v1");
        project.deploy(aws);
        RemoteInvoker invoker = new RemoteInvoker(aws);

        // moto without Docker cannot run the function and answers with a handled function error.
        RemoteInvoker.Result result = invoker.invoke(service(), "hello", "{\"name\":\"Ada\"}", null, false);
        assertThat(result.functionError()).isEqualTo("Handled");
        assertThat(result.payload()).isNotBlank();

        assertThatThrownBy(() -> invoker.invokeOrFail(service(), "hello", "{}", null, false))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("Function hello failed (Handled): ")
                .hasMessageContaining(result.payload().trim());
    }

    @Test
    void theLogTailIsAskedForOnlyWhenWanted() throws IOException {
        project.write("v1");
        project.deploy(aws);

        moto.startRecording();
        RemoteInvoker.Result withLog = new RemoteInvoker(aws).invoke(service(), "hello", "{}", null, true);
        RemoteInvoker.Result without = new RemoteInvoker(aws).invoke(service(), "hello", "{}", null, false);
        List<Moto.Request> invokes = moto.stopRecording().stream()
                .filter(r -> r.path().endsWith("/invocations")).toList();

        // moto cannot run the function, so it returns no LogResult to decode (RemoteInvokerTest covers decoding):
        // what is checked is that Lambda is asked for the tail exactly when the user wants it.
        assertThat(invokes).hasSize(2);
        assertThat(invokes.get(0).headers()).containsEntry("X-Amz-Log-Type", "Tail");
        assertThat(invokes.get(1).headers()).containsEntry("X-Amz-Log-Type", "None");
        assertThat(withLog.failed()).isTrue();
        assertThat(without.logTail()).isNull();
    }

    @Test
    void asynchronousInvokeIsAcceptedWith202() throws IOException {
        project.write("v1");
        project.deploy(aws);

        RemoteInvoker.Result result = new RemoteInvoker(aws).invokeOrFail(service(), "hello", "{}", "Event", false);

        // moto cannot run the function (no Docker) yet accepts the event: an accepted Event is a success.
        assertThat(result.statusCode()).isEqualTo(202);
    }

    @Test
    void unknownFunctionNamesTheKnownOnesAndTheClosest() throws IOException {
        project.write("v1");

        assertThatThrownBy(() -> new RemoteInvoker(aws).invoke(service(), "helo", "{}", null, false))
                .isInstanceOf(DeployException.class)
                .hasMessage("There is no function 'helo' in demo (functions: hello); perhaps you should write "
                        + "-Dserverless.function=hello.");
    }

    @Test
    void functionNotDeployedYetSaysToDeployFirst() throws IOException {
        project.write("v1");

        assertThatThrownBy(() -> new RemoteInvoker(aws).invoke(service(), "hello", "{}", null, false))
                .isInstanceOf(DeployException.class)
                .hasMessage("Function hello (demo-dev-hello) is not deployed in us-east-1 (stage dev); perhaps you "
                        + "should run 'mvn serverless:deploy' first.");
    }

    @Test
    void unknownInvocationTypeIsRejectedBeforeAnyCall() throws IOException {
        project.write("v1");

        assertThatThrownBy(() -> new RemoteInvoker(aws).invoke(service(), "hello", "{}", "Async", false))
                .hasMessageContaining("'Async'").hasMessageContaining("RequestResponse, Event or DryRun");
    }

    // --- logs

    @Test
    void logsReturnTheEventsSinceTheStartTimeMatchingTheFilter() throws IOException {
        project.write("v1");
        Instant now = Instant.now();
        String group = "/aws/lambda/" + FUNCTION;
        aws.logs().createLogGroup(r -> r.logGroupName(group));
        aws.logs().createLogStream(r -> r.logGroupName(group).logStreamName("2024/01/01/[$LATEST]abc"));
        putLog(group, now.minus(Duration.ofHours(3)), "old START");
        putLog(group, now.minus(Duration.ofMinutes(5)), "INFO hello Ada");
        putLog(group, now.minus(Duration.ofMinutes(1)), "ERROR boom");

        LogsReader reader = new LogsReader(aws);
        List<LogsReader.LogLine> recent = reader.read(service(), "hello", TimeSpec.parse("10m", now), null);
        List<LogsReader.LogLine> errors = reader.read(service(), "hello", TimeSpec.parse("10m", now), "ERROR");
        List<LogsReader.LogLine> all = reader.read(service(), "hello", TimeSpec.parse("1d", now), null);

        assertThat(recent).extracting(LogsReader.LogLine::message).containsExactly("INFO hello Ada", "ERROR boom");
        assertThat(errors).extracting(LogsReader.LogLine::message).containsExactly("ERROR boom");
        assertThat(all).hasSize(3);
        assertThat(recent.get(1).render()).endsWith("\tERROR boom");
    }

    @Test
    void tailPrintsNewEventsOnceAndStopsAfterTheGivenPolls() throws IOException {
        project.write("v1");
        Instant now = Instant.now();
        String group = "/aws/lambda/" + FUNCTION;
        aws.logs().createLogGroup(r -> r.logGroupName(group));
        aws.logs().createLogStream(r -> r.logGroupName(group).logStreamName("s"));
        putLog(group, now.minus(Duration.ofMinutes(2)), "first");
        List<String> printed = new ArrayList<>();
        int[] sleeps = {0};

        int count = new LogsReader(aws).follow(service(), "hello", now.minus(Duration.ofMinutes(10)), null,
                line -> printed.add(line.message()), 2, Duration.ofSeconds(1), d -> {
                    sleeps[0]++;
                    if (sleeps[0] == 1) {
                        putLog(group, Instant.now(), "second");
                    }
                });

        assertThat(printed).containsExactly("first", "second");
        assertThat(count).isEqualTo(2);
        assertThat(sleeps[0]).isEqualTo(2);
    }

    @Test
    void logsOfAFunctionWithoutLogGroupSayToDeployOrInvoke() throws IOException {
        project.write("v1");

        assertThatThrownBy(() -> new LogsReader(aws).read(service(), "hello", Instant.now(), null))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("The log group /aws/lambda/demo-dev-hello of function hello does not exist");
    }

    @Test
    void startTimeAcceptsSpansAndIsoTimesAndRejectsOtherText() {
        Instant now = Instant.parse("2024-05-01T12:00:00Z");
        assertThat(TimeSpec.parse("10m", now)).isEqualTo(Instant.parse("2024-05-01T11:50:00Z"));
        assertThat(TimeSpec.parse("2h", now)).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(TimeSpec.parse("1d", now)).isEqualTo(Instant.parse("2024-04-30T12:00:00Z"));
        assertThat(TimeSpec.parse("2024-04-01T08:30:00Z", now)).isEqualTo(Instant.parse("2024-04-01T08:30:00Z"));
        assertThat(TimeSpec.parse("2024-04-01", now)).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        assertThatThrownBy(() -> TimeSpec.parse("yesterday", now))
                .hasMessageContaining("'yesterday' is neither a span such as 10m, 2h or 1d nor an ISO time");
    }

    // --- deploy-function

    @Test
    void deployFunctionUpdatesOnlyTheCodeThroughS3WithoutTouchingTheStack() throws IOException {
        project.write("v1");
        project.deploy(aws);
        String template = aws.cloudFormation().getTemplate(r -> r.stackName("demo-dev")).templateBody();
        project.writeJar("v2");

        moto.startRecording();
        FunctionCodeDeployer.Outcome outcome = deployFunction(false, false);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(outcome.result()).isEqualTo("updated");
        assertThat(function().codeSha256()).isEqualTo(project.jarSha256()).isEqualTo(outcome.codeSha256());
        assertThat(requests).noneMatch(r -> "CreateChangeSet".equals(r.action()))
                .noneMatch(r -> "ExecuteChangeSet".equals(r.action()))
                .noneMatch(r -> "UpdateStack".equals(r.action()));
        // Lambda's REST paths look like S3 PUTs to the recorder helper; leave them out.
        assertThat(requests.stream().filter(Moto.Request::isS3PutObject).map(Moto.Request::path)
                .filter(p -> !p.startsWith("/2015-03-31/"))).singleElement().asString()
                .endsWith("/serverless/demo/dev/code/hello/app.jar");
        assertThat(requests).filteredOn(r -> r.method().equals("PUT") && r.path().endsWith("/functions/" + FUNCTION + "/code"))
                .singleElement().satisfies(r -> assertThat(r.body()).contains("S3Key").doesNotContain("ZipFile"));
        assertThat(aws.cloudFormation().getTemplate(r -> r.stackName("demo-dev")).templateBody())
                .isEqualTo(template);
        assertThat(project.lines).anyMatch(l -> l.startsWith("WARN Stack demo-dev now drifts from CloudFormation"));
    }

    @Test
    void anImageFunctionIsDeployedBesideAJarFunctionAndDeployFunctionPointsItAtANewDigest() throws IOException {
        String repository = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:";
        project.write("", "  orders:\n    image: " + repository + "a".repeat(64), "v1");
        DeployReport report = project.deploy(aws);

        assertThat(report.stackStatus()).endsWith("_COMPLETE");
        GetFunctionResponse orders = aws.lambda().getFunction(r -> r.functionName("demo-dev-orders"));
        assertThat(orders.code().imageUri()).isEqualTo(repository + "a".repeat(64));
        assertThat(function().handler()).isEqualTo(
                "io.github.serverlessmaven.deploy.fixture.DemoHandler::handleRequest");
        // Only the jar and the templates went to the deployment bucket: the image stays in ECR.
        String bucket = aws.cloudFormation().describeStackResource(r -> r.stackName("demo-dev")
                .logicalResourceId("ServerlessDeploymentBucket")).stackResourceDetail().physicalResourceId();
        List<String> keys = aws.s3().listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
        assertThat(keys).filteredOn(k -> !k.endsWith(".json")).singleElement().asString().endsWith("/app.jar");

        project.writeYaml("", "  orders:\n    image: " + repository + "b".repeat(64));
        moto.startRecording();
        PackageResult packaged = new ServicePipeline(project.log()).packageService(TestServices.request(dir));
        FunctionCodeDeployer.Outcome outcome = new FunctionCodeDeployer(aws, project.log(), MotoProject.options())
                .deploy(packaged, "orders", false);
        List<Moto.Request> requests = moto.stopRecording();

        assertThat(outcome.result()).isEqualTo("updated");
        assertThat(aws.lambda().getFunction(r -> r.functionName("demo-dev-orders")).code().imageUri())
                .isEqualTo(repository + "b".repeat(64));
        assertThat(requests).filteredOn(r -> r.path().endsWith("/functions/demo-dev-orders/code")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("ImageUri").doesNotContain("S3Key"));
        assertThat(requests.stream().filter(Moto.Request::isS3PutObject).map(Moto.Request::path)
                .filter(p -> !p.startsWith("/2015-03-31/"))).isEmpty();
    }

    @Test
    void deployFunctionSkipsWhenTheCodeIsUnchangedUnlessForced() throws IOException {
        project.write("v1");
        project.deploy(aws);

        moto.startRecording();
        FunctionCodeDeployer.Outcome skipped = deployFunction(false, false);
        List<Moto.Request> requests = moto.stopRecording();
        FunctionCodeDeployer.Outcome forced = deployFunction(true, false);

        assertThat(skipped.result()).isEqualTo("skipped");
        assertThat(requests).noneMatch(r -> r.method().equals("PUT"));
        assertThat(forced.result()).isEqualTo("updated");
    }

    @Test
    void deployFunctionWithUpdateConfigAlsoChangesTheSettings() throws IOException {
        project.write("v1");
        project.deploy(aws);
        project.writeYaml("  memorySize: 512\n  timeout: 20\n  environment:\n    MODE: fast", "");

        FunctionCodeDeployer.Outcome outcome = deployFunction(false, true);

        FunctionConfiguration config = function();
        assertThat(outcome.result()).isEqualTo("updated");
        assertThat(config.memorySize()).isEqualTo(512);
        assertThat(config.timeout()).isEqualTo(20);
        assertThat(config.environment().variables()).containsEntry("MODE", "fast");
        assertThat(config.codeSha256()).isEqualTo(project.jarSha256());
    }

    // --- rollback

    @Test
    void rollbackListsTheDeploymentsAndPutsTheFirstCodeBack() throws IOException {
        project.write("v1");
        project.deploy(aws);
        String firstSha = project.jarSha256();
        project.writeJar("v2");
        project.deploy(aws);
        assertThat(function().codeSha256()).isNotEqualTo(firstSha);

        Rollback rollback = new Rollback(aws, project.log(), MotoProject.options());
        List<Rollback.Deployment> deployments = rollback.list(service());
        assertThat(deployments).hasSize(2).allMatch(d -> d.state().isPresent());
        assertThat(deployments.get(0).state().get().artifacts().get("app.jar").sha256()).isEqualTo(firstSha);
        assertThat(deployments.get(0).render()).contains(String.valueOf(deployments.get(0).timestamp()), "app.jar",
                firstSha);

        rollback.rollback(service(), deployments.get(0).timestamp());

        assertThat(function().codeSha256()).isEqualTo(firstSha);
        List<Rollback.Deployment> after = rollback.list(service());
        assertThat(after).hasSize(3);
        // The rollback is recorded as a complete deployment of the first one's artifacts, itself a rollback target.
        assertThat(after.get(2).state().get().artifacts()).isEqualTo(deployments.get(0).state().get().artifacts());
        project.writeJar("v3");
        project.deploy(aws);
        rollback.rollback(service(), after.get(2).timestamp());
        assertThat(function().codeSha256()).isEqualTo(firstSha);
        project.writeJar("v2");
        // The next deploy compares against what runs now, so the newer code is deployed again, not skipped.
        DeployReport again = project.deploy(aws);
        assertThat(again.result()).isEqualTo("deployed");
        assertThat(function().codeSha256()).isEqualTo(project.jarSha256());
    }

    @Test
    void rollbackToAnUnknownTimestampListsTheKeptOnes() throws IOException {
        project.write("v1");
        project.deploy(aws);
        long kept = new Rollback(aws, project.log(), MotoProject.options()).list(service()).get(0).timestamp();

        assertThatThrownBy(() -> new Rollback(aws, project.log(), MotoProject.options()).rollback(service(), 42L))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("There is no deployment with timestamp 42 in s3://")
                .hasMessageContaining("(kept: " + kept + ")");
    }

    // --- metrics

    @Test
    void metricsSumInvocationsErrorsAndThrottlesAndAverageTheDuration() throws IOException {
        project.write("v1");
        Instant at = Instant.now().minus(Duration.ofHours(1));
        putMetric(FUNCTION, "Invocations", at, 3, StandardUnit.COUNT);
        putMetric(FUNCTION, "Invocations", at.plusSeconds(120), 4, StandardUnit.COUNT);
        putMetric(FUNCTION, "Errors", at, 1, StandardUnit.COUNT);
        putMetric(FUNCTION, "Duration", at, 100, StandardUnit.MILLISECONDS);
        putMetric(FUNCTION, "Duration", at.plusSeconds(60), 200, StandardUnit.MILLISECONDS);
        putMetric("someone-else", "Invocations", at, 50, StandardUnit.COUNT);

        Instant end = Instant.now();
        List<MetricsReader.FunctionMetrics> metrics = new MetricsReader(aws).read(service(), null,
                TimeSpec.parse("24h", end), end);

        assertThat(metrics).singleElement().satisfies(m -> {
            assertThat(m.function()).isEqualTo("hello");
            assertThat(m.invocations()).isEqualTo(7);
            assertThat(m.errors()).isEqualTo(1);
            assertThat(m.throttles()).isZero();
            assertThat(m.averageDuration()).isEqualTo(150.0);
        });
        assertThat(MetricsReader.table(metrics, TimeSpec.parse("24h", end), end).get(2))
                .startsWith("hello").contains(" 7 ", "150.0 ms");
    }

    @Test
    void metricsForOneNamedFunctionLeaveTheOthersOut() throws IOException {
        project.write("", """
                  world:
                    handler: io.github.serverlessmaven.deploy.fixture.DemoHandler::handleRequest
                """, "v1");
        Instant at = Instant.now().minus(Duration.ofMinutes(30));
        putMetric(FUNCTION, "Invocations", at, 2, StandardUnit.COUNT);
        putMetric("demo-dev-world", "Invocations", at, 9, StandardUnit.COUNT);
        putMetric("demo-dev-world", "Throttles", at, 4, StandardUnit.COUNT);
        Instant end = Instant.now();

        List<MetricsReader.FunctionMetrics> all = new MetricsReader(aws).read(service(), null,
                TimeSpec.parse("1h", end), end);
        List<MetricsReader.FunctionMetrics> world = new MetricsReader(aws).read(service(), "world",
                TimeSpec.parse("1h", end), end);

        assertThat(all).extracting(MetricsReader.FunctionMetrics::invocations).containsExactly(2.0, 9.0);
        assertThat(all.get(0).averageDuration()).isNull();
        assertThat(world).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("demo-dev-world");
            assertThat(m.invocations()).isEqualTo(9);
            assertThat(m.throttles()).isEqualTo(4);
        });
        assertThatThrownBy(() -> new MetricsReader(aws).read(service(), "wrld", TimeSpec.parse("1h", end), end))
                .hasMessageContaining("perhaps you should write -Dserverless.function=world.");
    }

    // --- helpers

    private void putLog(String group, Instant at, String message) {
        aws.logs().putLogEvents(r -> r.logGroupName(group).logStreamName(
                aws.logs().describeLogStreams(d -> d.logGroupName(group)).logStreams().get(0).logStreamName())
                .logEvents(e -> e.timestamp(at.toEpochMilli()).message(message)));
    }

    private void putMetric(String function, String metric, Instant at, double value, StandardUnit unit) {
        aws.cloudWatch().putMetricData(r -> r.namespace("AWS/Lambda").metricData(d -> d.metricName(metric)
                .dimensions(x -> x.name("FunctionName").value(function)).timestamp(at).value(value).unit(unit)));
    }

    private FunctionCodeDeployer.Outcome deployFunction(boolean force, boolean updateConfig) {
        PackageResult packaged = new ServicePipeline(project.log()).packageService(TestServices.request(dir));
        return new FunctionCodeDeployer(aws, project.log(), MotoProject.options(force))
                .deploy(packaged, "hello", updateConfig);
    }

    private FunctionConfiguration function() {
        return aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration();
    }

    private Service service() {
        return new ServicePipeline(project.log()).load(TestServices.request(dir));
    }
}
