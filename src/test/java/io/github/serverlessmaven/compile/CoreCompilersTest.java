package io.github.serverlessmaven.compile;

import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreCompilersTest {

    @TempDir
    Path dir;

    @Test
    void functionWithoutEventsGetsLogGroupRoleFunctionAndRetainedVersion() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: core
                provider:
                  name: aws
                  runtime: java21
                  environment:
                    A: one
                package:
                  artifact: target/app.jar
                functions:
                  create-user_v2:
                    handler: com.example.Create::handleRequest
                    memorySize: 512
                    environment:
                      B: two
                """);
        assertThat(resources(t)).containsKeys("ServerlessDeploymentBucket", "ServerlessDeploymentBucketPolicy",
                "CreateDashuserUnderscorev2LogGroup", "IamRoleLambdaExecution", "CreateDashuserUnderscorev2LambdaFunction");
        Map<String, Object> fn = properties(t, "CreateDashuserUnderscorev2LambdaFunction");
        assertThat(fn).containsEntry("FunctionName", "core-dev-create-user_v2").containsEntry("MemorySize", 512)
                .containsEntry("Timeout", 6).containsEntry("Runtime", "java21");
        assertThat(fn.get("Environment")).isEqualTo(Map.of("Variables", Map.of("A", "one", "B", "two")));
        assertThat(((Map<?, ?>) fn.get("Code")).get("S3Key"))
                .isEqualTo("serverless/core/dev/1795428000000-2026-11-23T10:00:00.000Z/app.jar");
        assertThat(resources(t).keySet()).anyMatch(k -> k.startsWith("CreateDashuserUnderscorev2LambdaVersion"));
        assertThat(properties(t, "CreateDashuserUnderscorev2LogGroup"))
                .containsEntry("LogGroupName", "/aws/lambda/core-dev-create-user_v2");
    }

    @Test
    void wellFormedIntrinsicsAndOverridesWithoutTypePassTheShapeChecks() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: core
                provider: { name: aws }
                package: { artifact: target/app.jar }
                functions:
                  hello: { handler: a.B::c }
                resources:
                  Resources:
                    Queue: { Type: AWS::SQS::Queue }
                    HelloLambdaFunction:
                      Properties: { MemorySize: 2048 }
                  Outputs:
                    Arn: { Value: { Fn::GetAtt: Queue.Arn } }
                    ArnList: { Value: !GetAtt [Queue, Arn] }
                    Joined: { Value: { Fn::Join: ['', [a, { Ref: Queue }]] } }
                    Subbed: { Value: { Fn::Sub: ['${Name}-x', { Name: { Ref: Queue } }] } }
                    Picked: { Value: { Fn::Select: [0, { Fn::Split: [',', 'a,b'] }] } }
                    ServerlessDeploymentBucketName: { Description: overridden without a Value }
                """);
        assertThat(properties(t, "HelloLambdaFunction")).containsEntry("MemorySize", 2048);
        assertThat(resources(t)).containsKey("Queue");
    }

    @Test
    void versionLogicalIdChangesWithConfigurationAndStaysWithout() {
        String yaml = """
                service: core
                provider: { name: aws }
                package: { artifact: target/app.jar }
                functions:
                  hello: { handler: a.B::c, memorySize: %d }
                """;
        String first = versionId(TestServices.compile(dir.resolve("a"), yaml.formatted(512)));
        String same = versionId(TestServices.compile(dir.resolve("b"), yaml.formatted(512)));
        String changed = versionId(TestServices.compile(dir.resolve("c"), yaml.formatted(1024)));
        assertThat(first).isEqualTo(same).isNotEqualTo(changed);
    }

    @Test
    void templatePassesCfnLint() {
        TestServices.project(dir, """
                service: core
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  hello: { handler: a.B::c }
                """);
        var result = TestServices.packageProject(dir, new java.util.ArrayList<>());
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
        ExternalTools.assertCfnLintClean(result.createStackTemplate());
    }

    private static String versionId(Map<String, Object> template) {
        return resources(template).keySet().stream().filter(k -> k.contains("LambdaVersion")).findFirst().orElseThrow();
    }

    @Test
    void moreThan500ResourcesSaysHowManyAndThatSplittingIsPlanned() {
        StringBuilder yaml = new StringBuilder("""
                service: big
                provider: { name: aws }
                package: { artifact: target/app.jar }
                functions:
                  hello: { handler: a.B::c }
                resources:
                  Resources:
                """);
        for (int i = 0; i < 500; i++) {
            yaml.append("    Queue").append(i).append(": { Type: AWS::SQS::Queue }\n");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServices.compile(dir, yaml.toString()))
                .isInstanceOf(io.github.serverlessmaven.config.ConfigException.class)
                .hasMessage("serverless.yml: the stack would have 504 resources even after moving functions into nested "
                        + "stacks (the root stack keeps what functions share: APIs and their paths, topics and buckets "
                        + "created by events, and resources:); CloudFormation allows 500 per stack, perhaps you should "
                        + "split the service into several services, or move some of the resources under "
                        + "'resources:' into another stack");
    }
}
