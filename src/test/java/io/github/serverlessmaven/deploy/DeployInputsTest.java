package io.github.serverlessmaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.packaging.Digests;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploying what an earlier package run wrote ({@code -Dserverless.package=target/serverless}). */
class DeployInputsTest {

    static final String YAML = "service: demo\nprovider:\n  name: aws\n  runtime: java21\nfunctions:\n  hello:\n"
            + "    handler: demo.Handler\npackage:\n  artifact: target/app.jar\n";

    @TempDir
    Path dir;

    @Test
    void readsTemplatesArtifactsAndFolderFromTheStateFile() {
        TestServices.project(dir, YAML);
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());

        DeployInput input = DeployInputs.fromDirectory(dir.resolve("target/serverless"), result.service());

        assertThat(input.artifactDirectoryName()).isEqualTo(result.artifactDirectoryName());
        assertThat(input.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("app.jar");
            assertThat(a.file()).isEqualTo(dir.resolve("target/app.jar"));
            assertThat(a.sha256()).isEqualTo(Digests.sha256Base64(dir.resolve("target/app.jar")));
        });
        assertThat(input.updateStackTemplate()).contains("\"S3Key\": \"" + result.artifactDirectoryName() + "/app.jar\"");
        assertThat(input.createStackTemplate()).contains("ServerlessDeploymentBucket");
    }

    @Test
    void directoryWithoutStateFileIsExplained() {
        TestServices.project(dir, YAML);
        Service service = new ServicePipeline(Log.NONE).load(TestServices.request(dir));

        assertThatThrownBy(() -> DeployInputs.fromDirectory(dir.resolve("nowhere"), service))
                .isInstanceOf(DeployException.class)
                .hasMessage("The package directory " + dir.resolve("nowhere") + " has no serverless-state.json; "
                        + "perhaps you should run 'mvn serverless:package' first or point serverless.package at the "
                        + "directory it wrote (target/serverless).");
    }

    @Test
    void packageForAnotherStageIsRefused() {
        TestServices.project(dir, YAML);
        TestServices.packageProject(dir, new ArrayList<>());
        TestServices.project(dir, YAML.replace("runtime: java21", "runtime: java21\n  stage: prod"));
        Service prod = new ServicePipeline(Log.NONE).load(TestServices.request(dir));

        assertThatThrownBy(() -> DeployInputs.fromDirectory(dir.resolve("target/serverless"), prod))
                .isInstanceOf(DeployException.class)
                .hasMessage("The package in " + dir.resolve("target/serverless") + " was made for demo/dev/us-east-1, "
                        + "not demo/prod/us-east-1; perhaps you should package again with the same stage and region.");
    }

    @Test
    void artifactChangedSincePackagingIsRefused() throws Exception {
        TestServices.project(dir, YAML);
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());
        Files.writeString(dir.resolve("target/app.jar"), "rebuilt");

        assertThatThrownBy(() -> DeployInputs.fromDirectory(dir.resolve("target/serverless"), result.service()))
                .isInstanceOf(DeployException.class)
                .hasMessage("The artifact " + dir.resolve("target/app.jar") + " is missing or changed since it was "
                        + "packaged; perhaps you should run 'mvn serverless:package' again.");
    }

    @Test
    void templateDigestIgnoresTheDeploymentFolderName() {
        String a = "{\"S3Key\": \"serverless/demo/dev/1700000000000-2023-11-14T22:13:20.000Z/app.jar\"}";
        String b = "{\"S3Key\": \"serverless/demo/dev/1800000000000-2027-01-15T08:00:00.000Z/app.jar\"}";
        String c = "{\"S3Key\": \"serverless/demo/dev/1800000000000-2027-01-15T08:00:00.000Z/other.jar\"}";

        assertThat(Deployer.templateDigest(a, "serverless/demo/dev"))
                .isEqualTo(Deployer.templateDigest(b, "serverless/demo/dev"))
                .isNotEqualTo(Deployer.templateDigest(c, "serverless/demo/dev"));
    }

    @Test
    void plannedChangesReadAsOneLineEach() {
        assertThat(new PlannedChange("Modify", "HelloLambdaFunction", "AWS::Lambda::Function", "True").describe())
                .isEqualTo("~ modify HelloLambdaFunction (AWS::Lambda::Function) (replaced)");
        assertThat(new PlannedChange("Modify", "Role", "AWS::IAM::Role", "Conditional").describe())
                .isEqualTo("~ modify Role (AWS::IAM::Role) (may be replaced)");
        assertThat(new PlannedChange("Add", "Q", "AWS::SQS::Queue", null).describe())
                .isEqualTo("+ add    Q (AWS::SQS::Queue)");
        assertThat(new PlannedChange("Remove", "Q", "AWS::SQS::Queue", null).describe())
                .isEqualTo("- remove Q (AWS::SQS::Queue)");
    }

    @Test
    void deploymentUrlsUseTheAwsFormEvenForEmulators() {
        assertThat(DeploymentBucket.objectUrl("my-bucket", "eu-west-1", "a/b.json"))
                .isEqualTo("https://my-bucket.s3.eu-west-1.amazonaws.com/a/b.json");
        assertThat(DeploymentBucket.objectUrl("my.bucket", "eu-west-1", "a/b.json"))
                .isEqualTo("https://s3.eu-west-1.amazonaws.com/my.bucket/a/b.json");
        assertThat(DeploymentBucket.objectUrl("b", "cn-north-1", "k"))
                .isEqualTo("https://b.s3.cn-north-1.amazonaws.com.cn/k");
    }
}
