package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.eventStatements;
import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each event type grants the execution role only what that event needs, on only its own resources. */
class AsyncEventRoleTest {

    @TempDir
    Path dir;

    private Map<String, Object> compile(String functionBody, String extra) {
        return TestServices.compile(dir, """
                service: roles
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/app.jar
                functions:
                  worker:
                    handler: a.B::c
                %s
                %s
                """.formatted(functionBody.indent(4), extra));
    }

    @Test
    void sqsGrantsPollingActionsOnExactlyTheConfiguredQueues() {
        Map<String, Object> t = compile("""
                events:
                  - sqs: arn:aws:sqs:us-east-1:123456789012:first
                  - sqs:
                      arn: !GetAtt Second.Arn
                """, """
                resources:
                  Resources:
                    Second: { Type: AWS::SQS::Queue }
                """);
        assertThat(eventStatements(t)).containsExactly(Map.of("Effect", "Allow",
                "Action", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                "Resource", List.of("arn:aws:sqs:us-east-1:123456789012:first",
                        Map.of("Fn::GetAtt", List.of("Second", "Arn")))));
        assertThat(resources(t)).containsKeys("WorkerEventSourceMappingSQSFirst", "WorkerEventSourceMappingSQSSecond");
    }

    @Test
    void streamGrantsReadOnItsStreamsAndPublishOnItsFailureDestination() {
        Map<String, Object> t = compile("""
                events:
                  - stream: arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/1
                  - stream:
                      arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                      destinations:
                        onFailure: arn:aws:sns:us-east-1:123456789012:failures
                """, "");
        assertThat(eventStatements(t)).containsExactly(
                Map.of("Effect", "Allow", "Action", List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator",
                        "dynamodb:DescribeStream", "dynamodb:ListStreams"),
                        "Resource", List.of("arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/1")),
                Map.of("Effect", "Allow", "Action", List.of("kinesis:GetRecords", "kinesis:GetShardIterator",
                        "kinesis:DescribeStream", "kinesis:ListStreams"),
                        "Resource", List.of("arn:aws:kinesis:us-east-1:123456789012:stream/clicks")),
                Map.of("Effect", "Allow", "Action", List.of("sns:Publish"),
                        "Resource", List.of("arn:aws:sns:us-east-1:123456789012:failures")));
    }

    @Test
    void kinesisConsumerGrantsSubscribeOnTheConsumerOnly() {
        Map<String, Object> t = compile("""
                events:
                  - stream:
                      arn: arn:aws:kinesis:us-east-1:123456789012:stream/views
                      consumer: true
                """, "");
        assertThat(eventStatements(t)).containsExactly(
                Map.of("Effect", "Allow", "Action", List.of("kinesis:GetRecords", "kinesis:GetShardIterator",
                        "kinesis:DescribeStreamSummary", "kinesis:ListShards"),
                        "Resource", List.of("arn:aws:kinesis:us-east-1:123456789012:stream/views")),
                Map.of("Effect", "Allow", "Action", List.of("kinesis:SubscribeToShard"),
                        "Resource", List.of(Map.of("Ref", "WorkerviewsConsumerStreamConsumer"))));
        assertThat(properties(t, "WorkerEventSourceMappingKinesisViews"))
                .containsEntry("EventSourceArn", Map.of("Ref", "WorkerviewsConsumerStreamConsumer"));
    }

    @Test
    void pushEventsGrantNothingToTheRoleButAPermissionToTheirSource() {
        Map<String, Object> t = compile("""
                events:
                  - schedule: rate(5 minutes)
                  - sns: alerts
                  - s3: roles-uploads-example
                  - eventBridge:
                      pattern: { source: [my.app] }
                  - cloudwatchLog: /aws/lambda/other
                  - cognitoUserPool: { pool: Users, trigger: PreSignUp }
                  - iot: { sql: "SELECT * FROM 'a/b'" }
                """, "");
        assertThat(eventStatements(t)).isEmpty();
        assertThat(properties(t, "WorkerLambdaPermissionEventsRuleSchedule1"))
                .containsEntry("Principal", "events.amazonaws.com");
        assertThat(properties(t, "WorkerLambdaPermissionAlertsSNS")).containsEntry("Principal", "sns.amazonaws.com");
        assertThat(properties(t, "WorkerLambdaPermissionRolesuploadsexampleS3"))
                .containsEntry("Principal", "s3.amazonaws.com");
        assertThat(properties(t, "WorkerEventBridgeLambdaPermission4"))
                .containsEntry("Principal", "events.amazonaws.com");
        assertThat(resources(t)).containsKeys("WorkerLambdaPermissionLogsSubscriptionFilterCloudWatchLog",
                "WorkerLambdaPermissionCognitoUserPoolUsersTriggerSourcePreSignUp",
                "WorkerLambdaPermissionIotTopicRule1", "CognitoUserPoolUsers", "SNSTopicAlerts",
                "S3BucketRolesuploadsexample", "WorkerIotTopicRule1", "WorkerLogsSubscriptionFilterCloudWatchLog1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void schedulerInvokesOnlyTheScheduledFunctionsAndIsTrusted() {
        Map<String, Object> t = compile("""
                events:
                  - schedule:
                      method: scheduler
                      rate: rate(1 hour)
                      timezone: Europe/Berlin
                """, "");
        assertThat(eventStatements(t)).containsExactly(Map.of("Effect", "Allow",
                "Action", List.of("lambda:InvokeFunction"),
                "Resource", List.of(
                        Map.of("Fn::Sub", "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:"
                                + "roles-dev-worker"),
                        Map.of("Fn::Sub", "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:"
                                + "roles-dev-worker:*"))));
        Map<String, Object> assume = (Map<String, Object>) properties(t, "IamRoleLambdaExecution")
                .get("AssumeRolePolicyDocument");
        Map<String, Object> principal = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) assume
                .get("Statement")).get(0)).get("Principal");
        assertThat(principal.get("Service")).isEqualTo(List.of("lambda.amazonaws.com", "scheduler.amazonaws.com"));
        assertThat(properties(t, "WorkerSchedulerSchedule1")).containsEntry("ScheduleExpressionTimezone",
                "Europe/Berlin").containsEntry("FlexibleTimeWindow", Map.of("Mode", "OFF"));
    }

    @Test
    void userStatementsComeBeforeEventStatementsAsInV3() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: roles
                provider:
                  name: aws
                  runtime: java21
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: arn:aws:s3:::config/*
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - sqs: arn:aws:sqs:us-east-1:123456789012:first
                """);
        List<Map<String, Object>> statements = eventStatements(t);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).containsEntry("Action", "s3:GetObject");
        assertThat(statements.get(1).get("Action")).asList().containsExactly("sqs:ReceiveMessage",
                "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    }
}
