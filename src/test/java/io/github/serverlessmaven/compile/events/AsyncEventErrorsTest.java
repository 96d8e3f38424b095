package io.github.serverlessmaven.compile.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad asynchronous event settings: each is a ConfigException naming file, line, column, path and a fix. */
class AsyncEventErrorsTest {

    @TempDir
    Path dir;

    /** A one-function service whose single event is on line 11. */
    private void compile(String event) {
        TestServices.compile(dir, """
                service: errs
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/app.jar
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - %s
                """.formatted(indent(event)));
    }

    /** Continuation lines of an event sit under its key; lines starting with "- " are further events. */
    private static String indent(String event) {
        StringBuilder sb = new StringBuilder();
        for (String line : event.split("\n")) {
            if (sb.length() > 0) {
                sb.append("\n").append(line.startsWith("- ") ? "      " : "        ");
            }
            sb.append(line);
        }
        return sb.toString();
    }

    @Test
    void rateWithSingularUnitForSeveralIsRejected() {
        assertThatThrownBy(() -> compile("schedule: rate(5 minute)"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:11:19: at 'functions.worker.events[0].schedule': invalid rate expression "
                        + "'rate(5 minute)': a value other than 1 takes the plural unit 'minutes', perhaps you should "
                        + "write rate(5 minutes)");
    }

    @Test
    void rateWithPluralUnitForOneIsRejected() {
        assertThatThrownBy(() -> compile("schedule: rate(1 hours)"))
                .hasMessageContaining("serverless.yml:11:")
                .hasMessageContaining("a value of 1 takes the singular unit 'hour', perhaps you should write "
                        + "rate(1 hour)");
    }

    @Test
    void rateWithUnknownUnitIsRejected() {
        assertThatThrownBy(() -> compile("schedule: rate(5 weeks)"))
                .hasMessageContaining("unknown unit 'weeks', expected minute(s), hour(s) or day(s)");
    }

    @Test
    void cronNeedsSixFields() {
        assertThatThrownBy(() -> compile("schedule:\n  rate: cron(0 12 * * ?)"))
                .hasMessageContaining("serverless.yml:12:")
                .hasMessageContaining("at 'functions.worker.events[0].schedule.rate'")
                .hasMessageContaining("invalid cron expression 'cron(0 12 * * ?)': expected 6 fields separated by "
                        + "single spaces (minutes hours day-of-month month day-of-week year), found 5");
    }

    @Test
    void scheduleThatIsNeitherRateNorCronIsRejected() {
        assertThatThrownBy(() -> compile("schedule: every 5 minutes"))
                .hasMessageContaining("invalid schedule expression 'every 5 minutes': expected rate(<value> <unit>) "
                        + "or cron(<6 fields>)");
    }

    @Test
    void eventBridgeScheduleIsCheckedToo() {
        assertThatThrownBy(() -> compile("eventBridge:\n  schedule: rate(0 minutes)"))
                .hasMessageContaining("at 'functions.worker.events[0].eventBridge.schedule'")
                .hasMessageContaining("without leading zeros");
    }

    @Test
    void streamArnOfAnotherServiceIsRejected() {
        assertThatThrownBy(() -> compile("stream: arn:aws:sqs:us-east-1:123456789012:queue"))
                .hasMessage("serverless.yml:11:17: at 'functions.worker.events[0].stream': "
                        + "'arn:aws:sqs:us-east-1:123456789012:queue' is neither a DynamoDB stream ARN nor a Kinesis "
                        + "stream ARN, perhaps you should use arn:aws:dynamodb:...:table/<table>/stream/<label> or "
                        + "arn:aws:kinesis:...:stream/<name>, or set type: dynamodb or type: kinesis");
    }

    @Test
    void streamIntrinsicWithoutTypeIsRejected() {
        assertThatThrownBy(() -> compile("stream:\n  arn: !ImportValue table-stream"))
                .hasMessageContaining("serverless.yml:12:")
                .hasMessageContaining("the stream type cannot be told from an intrinsic function, perhaps you should "
                        + "add type: dynamodb or type: kinesis");
    }

    @Test
    void sqsArnOfAnotherServiceIsRejected() {
        assertThatThrownBy(() -> compile("sqs:\n  arn: arn:aws:sns:us-east-1:123456789012:topic"))
                .hasMessage("serverless.yml:12:16: at 'functions.worker.events[0].sqs.arn': "
                        + "'arn:aws:sns:us-east-1:123456789012:topic' is not an SQS queue ARN (expected "
                        + "arn:aws:sqs:<region>:<account-id>:<queue-name>), perhaps you should use the queue's ARN, "
                        + "or !GetAtt <QueueLogicalId>.Arn for a queue defined in resources");
    }

    @Test
    void invalidBucketNameIsRejected() {
        assertThatThrownBy(() -> compile("s3:\n  bucket: My_Uploads"))
                .hasMessageContaining("serverless.yml:12:")
                .hasMessageContaining("at 'functions.worker.events[0].s3.bucket': invalid S3 bucket name "
                        + "'My_Uploads': expected 3 to 63 lower-case letters, digits, '-' and '.'");
    }

    @Test
    void intrinsicBucketMustBeExisting() {
        assertThatThrownBy(() -> compile("s3:\n  bucket: !Ref UploadBucketName"))
                .hasMessageContaining("a bucket given by an intrinsic function must be an existing bucket, perhaps "
                        + "you should add existing: true to this event");
    }

    @Test
    void existingCognitoPoolIsNotSupportedYet() {
        assertThatThrownBy(() -> compile("cognitoUserPool:\n  pool: Users\n  trigger: PreSignUp\n  existing: true"))
                .hasMessageContaining("serverless.yml:14:")
                .hasMessageContaining("cognitoUserPool events on existing user pools are not supported yet");
    }

    @Test
    void cognitoCustomSenderNeedsKmsKey() {
        assertThatThrownBy(() -> compile("cognitoUserPool:\n  pool: Users\n  trigger: CustomEmailSender"))
                .hasMessageContaining("a KMS key is required for the CustomEmailSender trigger");
    }

    @Test
    void atMostTwoSubscriptionFiltersPerLogGroup() {
        assertThatThrownBy(() -> compile("cloudwatchLog: /aws/lambda/a\n- cloudwatchLog: /aws/lambda/a\n"
                + "- cloudwatchLog: /aws/lambda/a"))
                .hasMessageContaining("serverless.yml:13:")
                .hasMessageContaining("only 2 subscription filters can be configured per log group");
    }

    @Test
    void eventBridgeNeedsPatternOrSchedule() {
        assertThatThrownBy(() -> compile("eventBridge:\n  eventBus: my-bus"))
                .hasMessageContaining("an eventBridge event needs 'pattern' or 'schedule'");
    }

    @Test
    void snsArnWithIntrinsicNeedsTopicName() {
        assertThatThrownBy(() -> compile("sns:\n  arn: !Ref AWS::NoValue"))
                .hasMessageContaining("missing 'topicName': it is needed when 'arn' is not a plain ARN string");
    }

    @Test
    void referenceToUnknownResourceInAnEventPointsAtTheEvent() {
        assertThatThrownBy(() -> compile("sqs:\n  arn: !GetAtt OrdersQueue.Arn"))
                .hasMessage("serverless.yml:12:16: at 'functions.worker.events[0].sqs.arn.Fn::GetAtt': "
                        + "'Fn::GetAtt' points to 'OrdersQueue', which is neither a resource of the stack (generated "
                        + "or in resources.Resources) nor a parameter, perhaps you should define OrdersQueue under "
                        + "resources.Resources, or fix the logical ID");
    }

    @Test
    void referenceWithTypoSuggestsTheClosestResource() {
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: errs
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - stream:
                          type: dynamodb
                          arn: !GetAtt OrderTable.StreamArn
                resources:
                  Resources:
                    OrdersTable:
                      Type: AWS::DynamoDB::Table
                  Outputs:
                    Missing:
                      Value: !Ref Nowhere
                """))
                .hasMessageContaining("serverless.yml:10:")
                .hasMessageContaining("'Fn::GetAtt' points to 'OrderTable'")
                .hasMessageContaining("perhaps you should write 'OrdersTable'");
    }

    @Test
    void referenceInsideAListOfResourcesNamesItsPathWithIndexes() {
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: errs
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                resources:
                  Resources:
                    Queue:
                      Type: AWS::SQS::Queue
                      Properties:
                        Tags:
                          - Key: owner
                            Value: team
                          - Key: topic
                            Value: !Ref Topics
                """))
                .hasMessageStartingWith("serverless.yml:16:20: at 'resources.Resources.Queue.Properties.Tags[1]"
                        + ".Value.Ref': 'Ref' points to 'Topics'");
    }

    @Test
    void referenceToUnknownResourceInResourcesIsReported() {
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: errs
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker: { handler: a.B::c }
                resources:
                  Outputs:
                    Missing:
                      Value: !Ref Nowhere
                """))
                .hasMessageContaining("serverless.yml:9:")
                .hasMessageContaining("at 'resources.Outputs.Missing.Value.Ref': 'Ref' points to 'Nowhere'");
    }
}
