package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event targets (function or alias), references to parameters, and schedule naming rules. */
class AsyncEventTargetTest {

    @TempDir
    Path dir;

    @Test
    void eventsTargetTheProvisionedConcurrencyAliasAndWaitForIt() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: warm
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    provisionedConcurrency: 2
                    events:
                      - sqs: arn:aws:sqs:us-east-1:123456789012:jobs
                      - sns: jobs-topic
                      - iot: { sql: "SELECT * FROM 'jobs'" }
                """);
        Object aliasArn = Map.of("Fn::Join", List.of(":", List.of(Map.of("Fn::GetAtt",
                List.of("WorkerLambdaFunction", "Arn")), "provisioned")));
        assertThat(properties(t, "WorkerEventSourceMappingSQSJobs")).containsEntry("FunctionName", aliasArn);
        assertThat(resource(t, "WorkerEventSourceMappingSQSJobs").get("DependsOn"))
                .isEqualTo(List.of("IamRoleLambdaExecution", "WorkerProvConcLambdaAlias"));
        assertThat(properties(t, "WorkerLambdaPermissionJobstopicSNS")).containsEntry("FunctionName", aliasArn);
        assertThat(resource(t, "WorkerLambdaPermissionJobstopicSNS")).containsEntry("DependsOn",
                "WorkerProvConcLambdaAlias");
        assertThat(resource(t, "WorkerIotTopicRule1")).containsEntry("DependsOn", "WorkerProvConcLambdaAlias");
    }

    @Test
    void referencesToParametersAndPseudoParametersAreAccepted() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: params
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - s3:
                          bucket: !Ref UploadBucketName
                          existing: true
                resources:
                  Parameters:
                    UploadBucketName: { Type: String }
                  Outputs:
                    Region:
                      Value: !Ref AWS::Region
                """);
        assertThat(properties(t, "WorkerLambdaPermissionRefUploadBucketNameS3")).containsEntry("SourceArn",
                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":s3:::",
                        Map.of("Ref", "UploadBucketName")))));
    }

    @Test
    void scheduleNameNeedsASingleExpression() {
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: names
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - schedule:
                          name: my-rule
                          rate: [rate(1 hour), rate(2 hours)]
                """))
                .hasMessageContaining("serverless.yml:9:")
                .hasMessageContaining("a name cannot be given when the event has more than one rate expression");
    }

    @Test
    @SuppressWarnings("unchecked")
    void scheduleInputBodyStringIsSentAsJson() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: inputs
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - schedule:
                          rate: rate(1 hour)
                          input:
                            body: '{"id": 7, "tags": ["a"]}'
                """);
        Map<String, Object> target = (Map<String, Object>) ((List<Object>) properties(t,
                "WorkerEventsRuleSchedule1").get("Targets")).get(0);
        assertThat(target).containsEntry("Input", "{\"body\":{\"id\":7,\"tags\":[\"a\"]}}")
                .containsEntry("Id", "workerSchedule");
    }
}
