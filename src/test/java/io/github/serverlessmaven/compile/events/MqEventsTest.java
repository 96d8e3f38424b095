package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.EC2_NETWORK_STATEMENT;
import static io.github.serverlessmaven.testing.Templates.eventStatements;
import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resource;
import static io.github.serverlessmaven.testing.Templates.roleStatements;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code activemq} and {@code rabbitmq} events, with the values of v3's own tests
 * ({@code test/unit/lib/plugins/aws/package/compile/events/activemq.test.js} and {@code rabbitmq.test.js}).
 */
class MqEventsTest {

    private static final String BROKER = "arn:aws:mq:us-east-1:0000:broker:ExampleMQBroker:b-xxx-xxx";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:01234567890:secret:MyBrokerSecretName";
    private static final String OTHER_BROKER = "arn:aws:mq:us-east-1:123456789012:broker:Other:b-1234-abcd";
    private static final String OTHER_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:other-AbCdEf";

    @TempDir
    Path dir;

    private Map<String, Object> compile(String functions) {
        return TestServices.compile(dir, yaml(functions));
    }

    private static String yaml(String functions) {
        return """
                service: brokers
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                %s""".formatted(functions.indent(2));
    }

    private static Map<String, Object> secrets(Object... arns) {
        return Map.of("Effect", "Allow", "Action", List.of("secretsmanager:GetSecretValue"), "Resource",
                List.of(arns));
    }

    private static Map<String, Object> brokers(Object... arns) {
        return Map.of("Effect", "Allow", "Action", List.of("mq:DescribeBroker"), "Resource", List.of(arns));
    }

    private static Map<String, Object> getAtt(String function) {
        return Map.of("Fn::GetAtt", List.of(function, "Arn"));
    }

    @Test
    void activeMqMinimalIsOneMappingWithBasicAuthAndThreeRoleStatements() {
        Map<String, Object> t = compile("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq:
                        queue: TestingQueue
                        arn: %s
                        basicAuthArn: %s
                """.formatted(BROKER, SECRET));
        assertThat(resource(t, "BasicEventSourceMappingActiveMQTestingQueue")).isEqualTo(Map.of(
                "Type", "AWS::Lambda::EventSourceMapping",
                "DependsOn", List.of("IamRoleLambdaExecution"),
                "Properties", Map.of(
                        "FunctionName", getAtt("BasicLambdaFunction"),
                        "EventSourceArn", BROKER,
                        "Queues", List.of("TestingQueue"),
                        "SourceAccessConfigurations", List.of(Map.of("Type", "BASIC_AUTH", "URI", SECRET)))));
        assertThat(new ArrayList<>(properties(t, "BasicEventSourceMappingActiveMQTestingQueue").keySet()))
                .containsExactly("FunctionName", "EventSourceArn", "Queues", "SourceAccessConfigurations");
        assertThat(eventStatements(t)).containsExactly(secrets(SECRET), brokers(BROKER), EC2_NETWORK_STATEMENT);
    }

    @Test
    void activeMqWithEveryOptionSetsBatchingEnabledAndFilters() {
        Map<String, Object> t = compile("""
                other:
                  handler: a.B::c
                  events:
                    - activemq:
                        queue: TestingQueue
                        arn: %s
                        basicAuthArn: %s
                        batchSize: 5000
                        maximumBatchingWindow: 20
                        enabled: false
                        filterPatterns:
                          - value: { a: [1, 2] }
                          - value: [3]
                """.formatted(BROKER, SECRET));
        Map<String, Object> properties = properties(t, "OtherEventSourceMappingActiveMQTestingQueue");
        assertThat(properties).isEqualTo(Map.of(
                "FunctionName", getAtt("OtherLambdaFunction"),
                "EventSourceArn", BROKER,
                "Queues", List.of("TestingQueue"),
                "SourceAccessConfigurations", List.of(Map.of("Type", "BASIC_AUTH", "URI", SECRET)),
                "BatchSize", 5000,
                "MaximumBatchingWindowInSeconds", 20,
                "Enabled", false,
                "FilterCriteria", Map.of("Filters", List.of(
                        Map.of("Pattern", "{\"value\":{\"a\":[1,2]}}"),
                        Map.of("Pattern", "{\"value\":[3]}")))));
        assertThat(new ArrayList<>(properties.keySet())).containsExactly("FunctionName", "EventSourceArn", "Queues",
                "SourceAccessConfigurations", "BatchSize", "MaximumBatchingWindowInSeconds", "Enabled",
                "FilterCriteria");
    }

    @Test
    void aZeroBatchingWindowIsLeftOutAsV3LeavesOutFalsyValues() {
        Map<String, Object> t = compile("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq: { queue: q, arn: %s, basicAuthArn: %s, maximumBatchingWindow: 0, enabled: true }
                """.formatted(BROKER, SECRET));
        assertThat(properties(t, "BasicEventSourceMappingActiveMQQ")).doesNotContainKey(
                "MaximumBatchingWindowInSeconds").containsEntry("Enabled", true);
    }

    @Test
    void rabbitMqAddsTheVirtualHostAsASecondAccessConfiguration() {
        Map<String, Object> t = compile("""
                other:
                  handler: a.B::c
                  events:
                    - rabbitmq:
                        queue: TestingQueue
                        virtualHost: /
                        arn: %s
                        basicAuthArn: %s
                        batchSize: 5000
                        maximumBatchingWindow: 20
                        enabled: false
                        filterPatterns:
                          - value: { a: [1, 2] }
                """.formatted(BROKER, SECRET));
        assertThat(resource(t, "OtherEventSourceMappingRabbitMQTestingQueue")).isEqualTo(Map.of(
                "Type", "AWS::Lambda::EventSourceMapping",
                "DependsOn", List.of("IamRoleLambdaExecution"),
                "Properties", Map.of(
                        "FunctionName", getAtt("OtherLambdaFunction"),
                        "EventSourceArn", BROKER,
                        "Queues", List.of("TestingQueue"),
                        "SourceAccessConfigurations", List.of(Map.of("Type", "BASIC_AUTH", "URI", SECRET),
                                Map.of("Type", "VIRTUAL_HOST", "URI", "/")),
                        "BatchSize", 5000,
                        "MaximumBatchingWindowInSeconds", 20,
                        "Enabled", false,
                        "FilterCriteria", Map.of("Filters", List.of(
                                Map.of("Pattern", "{\"value\":{\"a\":[1,2]}}"))))));
        assertThat(eventStatements(t)).containsExactly(secrets(SECRET), brokers(BROKER), EC2_NETWORK_STATEMENT);
    }

    @Test
    void rabbitMqWithoutVirtualHostHasOnlyBasicAuth() {
        Map<String, Object> t = compile("""
                basic:
                  handler: a.B::c
                  events:
                    - rabbitmq: { queue: TestingQueue, arn: %s, basicAuthArn: %s }
                """.formatted(BROKER, SECRET));
        assertThat(properties(t, "BasicEventSourceMappingRabbitMQTestingQueue")).containsEntry(
                "SourceAccessConfigurations", List.of(Map.of("Type", "BASIC_AUTH", "URI", SECRET)));
    }

    @Test
    void twoEventsOfEachShareTheFunctionsStatementsWhichComeOncePerFunctionActiveMqFirst() {
        Map<String, Object> t = TestServices.compile(dir, yaml("""
                worker:
                  handler: a.B::c
                  events:
                    - rabbitmq: { queue: jobs.high, arn: %1$s, basicAuthArn: %2$s }
                    - activemq: { queue: orders-in, arn: %1$s, basicAuthArn: %2$s }
                    - activemq: { queue: orders_out, arn: %3$s, basicAuthArn: %4$s }
                    - rabbitmq: { queue: jobs.low, arn: %3$s, basicAuthArn: !Ref RabbitSecret }
                audit:
                  handler: a.B::c
                  events:
                    - activemq: { queue: orders-in, arn: !ImportValue broker-arn, basicAuthArn: %2$s }
                """.formatted(BROKER, SECRET, OTHER_BROKER, OTHER_SECRET)) + """
                resources:
                  Parameters:
                    RabbitSecret: { Type: String }
                """);
        assertThat(resources(t)).containsKeys("WorkerEventSourceMappingActiveMQOrdersin",
                "WorkerEventSourceMappingActiveMQOrdersout", "WorkerEventSourceMappingRabbitMQJobshigh",
                "WorkerEventSourceMappingRabbitMQJobslow", "AuditEventSourceMappingActiveMQOrdersin");
        assertThat(properties(t, "WorkerEventSourceMappingRabbitMQJobslow")).containsEntry(
                "SourceAccessConfigurations", List.of(Map.of("Type", "BASIC_AUTH", "URI",
                        Map.of("Ref", "RabbitSecret"))));
        assertThat(properties(t, "AuditEventSourceMappingActiveMQOrdersin")).containsEntry("EventSourceArn",
                Map.of("Fn::ImportValue", "broker-arn"));
        // v3 compiles every function's activemq events before any rabbitmq event, and adds three statements per
        // function and event type. v3 would repeat the EC2_NETWORK_STATEMENT statement and the second brokers statement; the shared
        // role of this plugin keeps a statement once (IamRoleCompiler.finish), which grants the same.
        assertThat(eventStatements(t)).containsExactly(
                secrets(SECRET, OTHER_SECRET), brokers(BROKER, OTHER_BROKER), EC2_NETWORK_STATEMENT,
                secrets(SECRET), brokers(Map.of("Fn::ImportValue", "broker-arn")),
                secrets(SECRET, Map.of("Ref", "RabbitSecret")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFunctionWithItsOwnRoleGetsItsStatementsThereAndTheSharedRoleNone() {
        Map<String, Object> t = compile("""
                reader:
                  handler: a.B::c
                  iam:
                    role:
                      statements:
                        - { Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::reports/*" }
                  events:
                    - activemq: { queue: q, arn: %s, basicAuthArn: %s }
                other:
                  handler: a.B::c
                """.formatted(BROKER, SECRET));
        List<Map<String, Object>> own = roleStatements(t, "ReaderIamRoleLambdaExecution");
        assertThat(own).endsWith(secrets(SECRET), brokers(BROKER), EC2_NETWORK_STATEMENT);
        assertThat(eventStatements(t)).isEmpty();
    }

    @Test
    void longQueueNamesAreCutTo150CharactersInTheLogicalId() {
        String queue = "q".repeat(200);
        Map<String, Object> t = compile("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq: { queue: %s, arn: %s, basicAuthArn: %s }
                """.formatted(queue, BROKER, SECRET));
        assertThat(resources(t)).containsKey("BasicEventSourceMappingActiveMQQ" + "q".repeat(149));
    }

    @Test
    void eventsTargetTheAliasAndAnImportedRoleLeavesDependsOnEmpty() {
        Map<String, Object> t = compile("""
                warm:
                  handler: a.B::c
                  provisionedConcurrency: 1
                  events:
                    - rabbitmq: { queue: q, arn: %1$s, basicAuthArn: %2$s }
                imported:
                  handler: a.B::c
                  role: { Fn::ImportValue: MyImportedRole }
                  events:
                    - activemq: { queue: q, arn: %1$s, basicAuthArn: %2$s }
                """.formatted(BROKER, SECRET));
        assertThat(resource(t, "WarmEventSourceMappingRabbitMQQ").get("DependsOn"))
                .isEqualTo(List.of("IamRoleLambdaExecution", "WarmProvConcLambdaAlias"));
        assertThat(properties(t, "WarmEventSourceMappingRabbitMQQ")).containsEntry("FunctionName",
                Map.of("Fn::Join", List.of(":", List.of(getAtt("WarmLambdaFunction"), "provisioned"))));
        assertThat(resource(t, "ImportedEventSourceMappingActiveMQQ").get("DependsOn")).isEqualTo(List.of());
    }

    @Test
    void anIntrinsicOutsideV3sSchemaIsCompiledWithAWarning() {
        TestServices.project(dir, yaml("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq: { queue: q, arn: !GetAtt Broker.Arn, basicAuthArn: %s }
                """.formatted(SECRET)) + """
                resources:
                  Resources:
                    Broker: { Type: AWS::AmazonMQ::Broker }
                """);
        List<String> warnings = new ArrayList<>();
        TestServices.packageProject(dir, warnings);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(
                "at 'functions.basic.events[0].activemq.arn': Fn::GetAtt is outside v3's schema here (an ARN, Ref "
                        + "or Fn::ImportValue), perhaps you should write the ARN, a Ref or an Fn::ImportValue "
                        + "(CloudFormation still resolves Fn::GetAtt)"));
    }

    private void assertFails(String functions, String message) {
        assertThatThrownBy(() -> compile(functions)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void aMissingBasicAuthArnIsReported() {
        assertFails("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq:
                        queue: q
                        arn: %s
                """.formatted(BROKER), "serverless.yml:9:11: at 'functions.basic.events[0].activemq.basicAuthArn': "
                + "missing required property 'basicAuthArn' (the ARN of the Secrets Manager secret holding the "
                + "broker's username and password), perhaps you should add basicAuthArn: <ARN>");
    }

    @Test
    void aMissingQueueIsReported() {
        assertFails("""
                basic:
                  handler: a.B::c
                  events:
                    - rabbitmq:
                        arn: %s
                        basicAuthArn: %s
                """.formatted(BROKER, SECRET), "serverless.yml:9:11: at 'functions.basic.events[0].rabbitmq.queue': "
                + "missing required property 'queue' (the name of the queue to consume), perhaps you should add "
                + "queue: <queue-name>");
    }

    @Test
    void anArnThatIsNotABrokerIsReported() {
        assertFails("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq:
                        queue: q
                        arn: arn:aws:sqs:us-east-1:123456789012:q
                        basicAuthArn: %s
                """.formatted(SECRET), "serverless.yml:10:16: at 'functions.basic.events[0].activemq.arn': "
                + "'arn:aws:sqs:us-east-1:123456789012:q' is not an Amazon MQ broker ARN "
                + "(arn:aws:mq:<region>:<account-id>:broker:<broker-name>:<broker-id>), perhaps you should use the "
                + "broker's ARN as 'aws mq describe-broker' prints it, or !Ref a parameter holding it");
    }

    @Test
    void aBasicAuthArnThatIsNotASecretIsReported() {
        assertFails("""
                basic:
                  handler: a.B::c
                  events:
                    - rabbitmq:
                        queue: q
                        arn: %s
                        basicAuthArn: arn:aws:ssm:us-east-1:123456789012:parameter/mq-password
                """.formatted(BROKER), "serverless.yml:11:25: at 'functions.basic.events[0].rabbitmq.basicAuthArn': "
                + "'arn:aws:ssm:us-east-1:123456789012:parameter/mq-password' is not a Secrets Manager secret ARN "
                + "(arn:aws:secretsmanager:<region>:<account-id>:secret:<name>), perhaps you should use the ARN of "
                + "the secret that holds the broker's username and password");
    }

    @Test
    void aBatchSizeOutOfRangeIsReported() {
        assertFails("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq: { queue: q, arn: %s, basicAuthArn: %s, batchSize: 10001 }
                """.formatted(BROKER, SECRET), "serverless.yml:8:193: at 'functions.basic.events[0].activemq"
                + ".batchSize': expected an integer from 1 to 10000, found 10001, perhaps you should use a value in "
                + "that range");
    }

    @Test
    void theStringShorthandIsNotAnMqEvent() {
        assertFails("""
                basic:
                  handler: a.B::c
                  events:
                    - rabbitmq: %s
                """.formatted(BROKER), "serverless.yml:8:19: at 'functions.basic.events[0].rabbitmq': expected a "
                + "map with 'arn', 'basicAuthArn' and 'queue' but found a string '" + BROKER + "', perhaps you "
                + "should change the value to a map with 'arn', 'basicAuthArn' and 'queue'");
    }

    @Test
    void anArnOfTheWrongTypeIsReported() {
        assertFails("""
                basic:
                  handler: a.B::c
                  events:
                    - activemq: { queue: q, arn: [%s], basicAuthArn: %s }
                """.formatted(BROKER, SECRET), "serverless.yml:8:36: at 'functions.basic.events[0].activemq.arn': "
                + "expected an Amazon MQ broker ARN, a Ref or an Fn::ImportValue but found a list, perhaps you should "
                + "change the value to an Amazon MQ broker ARN, a Ref or an Fn::ImportValue");
    }
}
