package io.github.serverlessmaven.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsSettings;
import io.github.serverlessmaven.deploy.Deployer;
import io.github.serverlessmaven.testing.FaultProxy;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.MotoProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds deploying the same stack at once (two checkouts, two threads): each deploy succeeds or fails with a
 * plain sentence, the stack ends with one of the two artifacts, and pruning (keeping a single old deployment)
 * never deletes the code the live stack points at.
 */
class ConcurrentDeployMotoTest {

    static final String KEEP_ONE = "  deploymentBucket:\n    maxPreviousDeploymentArtifacts: 1";

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

    @Test
    void concurrentDeploysOfOneStackEndConsistentAndNeverPruneTheLiveCode() throws Exception {
        MotoProject first = new MotoProject(dir.resolve("first"));
        MotoProject second = new MotoProject(dir.resolve("second"));
        first.write(KEEP_ONE, "", "base");
        first.deploy(aws);
        List<String> failures = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 4; round++) {
                first.write(KEEP_ONE, "", "first-" + round);
                second.write(KEEP_ONE, "", "second-" + round);
                List<Future<String>> running = List.of(threads.submit(deploy(first)), threads.submit(deploy(second)));
                for (Future<String> result : running) {
                    String outcome = result.get();
                    if (!outcome.equals("ok")) {
                        failures.add(outcome);
                        assertThat(outcome).doesNotContain("\n").doesNotContainPattern("\\tat |Exception:");
                    }
                }

                assertThat(first.codeSha256(aws)).as("round %d", round).isIn(first.jarSha256(), second.jarSha256());
                assertLiveCodeIsInTheBucket();
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.println("concurrent deploy failures: " + failures);
        // Whatever happened, the next plain deploy works.
        first.writeJar("final");
        first.deploy(aws);
        assertThat(first.codeSha256(aws)).isEqualTo(first.jarSha256());
        assertLiveCodeIsInTheBucket();
    }

    @Test
    void aFolderTheLiveStackUsesIsNotPrunedWhenAnotherBuildUpdatedTheStackDuringOurDeploy() throws Exception {
        MotoProject project = new MotoProject(dir);
        project.write(KEEP_ONE, "", "v1");
        project.deploy(aws);
        String firstKey = assertLiveCodeIsInTheBucket();
        String firstFolder = firstKey.substring(0, firstKey.lastIndexOf('/'));
        project.writeJar("v2");
        project.deploy(aws);
        project.writeJar("v3");
        String templateUrl = "https://" + bucket() + ".s3." + Moto.REGION + ".amazonaws.com/" + firstFolder + "/"
                + Deployer.TEMPLATE_FILE;
        try (FaultProxy proxy = FaultProxy.start(moto.endpoint(), 1L);
                AwsClients viaProxy = new AwsClients(new AwsSettings(Moto.REGION, null, proxy.endpoint(), 1,
                        moto.settings().credentials()))) {
            // Another build puts v1 back just before ours reads the live template to prune: v1's folder is then
            // both the oldest (a pruning candidate with one previous deployment kept) and live.
            proxy.onceBefore("cloudformation:GetTemplate", () -> aws.cloudFormation().updateStack(r -> r
                    .stackName(MotoProject.STACK).templateURL(templateUrl)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)));

            project.deploy(viaProxy);

            assertThat(proxy.requestCounts()).containsKey("cloudformation:GetTemplate");
        }
        assertThat(assertLiveCodeIsInTheBucket()).isEqualTo(firstKey);
    }

    private String bucket() {
        return aws.cloudFormation().describeStackResource(r -> r.stackName(MotoProject.STACK)
                .logicalResourceId("ServerlessDeploymentBucket")).stackResourceDetail().physicalResourceId();
    }

    private Callable<String> deploy(MotoProject project) {
        return () -> {
            try (AwsClients own = moto.clients()) {
                project.deploy(own);
                return "ok";
            } catch (DeployException | ConfigException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                return "unexpected " + e.getClass().getName() + ": " + e.getMessage() + "\n";
            }
        };
    }

    @SuppressWarnings("unchecked")
    private String assertLiveCodeIsInTheBucket() throws IOException {
        String template = aws.cloudFormation().getTemplate(r -> r.stackName(MotoProject.STACK)).templateBody();
        Map<String, Object> parsed = new com.fasterxml.jackson.databind.ObjectMapper().readValue(template, Map.class);
        Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) parsed.get("Resources"))
                .get("HelloLambdaFunction");
        Map<String, Object> code = (Map<String, Object>) ((Map<String, Object>) function.get("Properties"))
                .get("Code");
        String bucket = aws.cloudFormation().describeStackResource(r -> r.stackName(MotoProject.STACK)
                .logicalResourceId("ServerlessDeploymentBucket")).stackResourceDetail().physicalResourceId();
        String key = String.valueOf(code.get("S3Key"));
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents())
                .as("live code s3://%s/%s", bucket, key).isNotEmpty();
        return key;
    }
}
