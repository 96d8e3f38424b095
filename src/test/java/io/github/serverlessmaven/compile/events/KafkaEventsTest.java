package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.EC2_NETWORK_STATEMENT;
import static io.github.serverlessmaven.testing.Templates.eventStatements;
import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resource;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code msk} and {@code kafka} events: the event source mappings and role statements Serverless Framework 3.40
 * writes (its msk/index.test.js and kafka.test.js cases), and the settings its schema refuses.
 */
class KafkaEventsTest {

    private static final String CLUSTER = "arn:aws:kafka:us-east-1:111111111111:cluster/ClusterName/a1a1a1a1a1a1a1a1a";
    private static final String SCRAM = "arn:aws:secretsmanager:us-east-1:111111111111:secret:AmazonMSK_a1a1a1a1";

    @TempDir
    Path dir;

    /** A service whose {@code functions} block is {@code functions} (indented by two). */
    private Map<String, Object> compile(String functions) {
        return compile(functions, "");
    }

    /** The same with {@code extra} (such as a resources block) after the functions. */
    private Map<String, Object> compile(String functions, String extra) {
        return TestServices.compile(dir, """
                service: kafka
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/app.jar
                functions:
                %s%s""".formatted(functions.indent(2), extra));
    }

    /** A one-function service whose single event is on line 11. */
    private void compileEvent(String event) {
        compile("""
                worker:
                  handler: a.B::c
                  events:
                    - %s
                """.formatted(event.indent(6).strip()));
    }

    private static Map<String, Object> getAtt(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }

    /** A map keeping the order given, to compare property order too. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void mskMinimalMapsTheTopicFromTheHorizonAndGrantsClusterAndNetworkAccess() {
        Map<String, Object> t = compile("""
                basic:
                  handler: a.B::c
                  events:
                    - msk:
                        arn: %s
                        topic: TestingTopic
                """.formatted(CLUSTER));
        String id = "BasicEventSourceMappingMSKClusterNameTestingTopic";
        assertThat(resource(t, id)).containsEntry("Type", "AWS::Lambda::EventSourceMapping")
                .containsEntry("DependsOn", List.of("IamRoleLambdaExecution"));
        assertThat(new ArrayList<>(properties(t, id).entrySet())).containsExactlyElementsOf(ordered(
                "EventSourceArn", CLUSTER,
                "FunctionName", getAtt("BasicLambdaFunction"),
                "StartingPosition", "TRIM_HORIZON",
                "Topics", List.of("TestingTopic")).entrySet());
        assertThat(eventStatements(t)).containsExactly(Map.of("Effect", "Allow",
                "Action", List.of("kafka:DescribeCluster", "kafka:GetBootstrapBrokers"),
                "Resource", List.of(CLUSTER)), EC2_NETWORK_STATEMENT);
    }

    @Test
    void mskWithEverySettingWritesThemInV3sOrder() {
        Map<String, Object> t = compile("""
                other:
                  handler: a.B::c
                  events:
                    - msk:
                        arn: %s
                        topic: TestingTopic
                        batchSize: 5000
                        maximumBatchingWindow: 10
                        enabled: false
                        startingPosition: AT_TIMESTAMP
                        startingPositionTimestamp: 123
                        saslScram512: %s
                        consumerGroupId: TestConsumerGroupId
                        filterPatterns:
                          - value: { a: [1, 2] }
                          - value: [3]
                """.formatted(CLUSTER, SCRAM));
        String id = "OtherEventSourceMappingMSKClusterNameTestingTopic";
        assertThat(new ArrayList<>(properties(t, id).entrySet())).containsExactlyElementsOf(ordered(
                "EventSourceArn", CLUSTER,
                "FunctionName", getAtt("OtherLambdaFunction"),
                "StartingPosition", "AT_TIMESTAMP",
                "Topics", List.of("TestingTopic"),
                "StartingPositionTimestamp", 123,
                "BatchSize", 5000,
                "MaximumBatchingWindowInSeconds", 10,
                "AmazonManagedKafkaEventSourceConfig", Map.of("ConsumerGroupId", "TestConsumerGroupId"),
                "Enabled", false,
                "SourceAccessConfigurations", List.of(Map.of("Type", "SASL_SCRAM_512_AUTH", "URI", SCRAM)),
                "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern", "{\"value\":{\"a\":[1,2]}}"),
                        Map.of("Pattern", "{\"value\":[3]}")))).entrySet());
        assertThat(resource(t, id)).containsEntry("DependsOn", List.of("IamRoleLambdaExecution"));
    }

    @Test
    void mskNamesImportedAndReferencedClustersAfterTheirNames() {
        Map<String, Object> t = compile("""
                worker:
                  handler: a.B::c
                  events:
                    - msk: { arn: !ImportValue shared-cluster, topic: orders.v1 }
                    - msk: { arn: !Ref Cluster, topic: orders.v1, maximumBatchingWindow: 0 }
                """, """
                resources:
                  Resources:
                    Cluster:
                      Type: AWS::MSK::ServerlessCluster
                      Properties:
                        ClusterName: orders
                        ClientAuthentication: { Sasl: { Iam: { Enabled: true } } }
                        VpcConfigs: [{ SubnetIds: [subnet-1, subnet-2] }]
                """);
        assertThat(resources(t)).containsKeys("WorkerEventSourceMappingMSKSharedclusterOrdersv1",
                "WorkerEventSourceMappingMSKClusterOrdersv1");
        assertThat(properties(t, "WorkerEventSourceMappingMSKClusterOrdersv1"))
                .doesNotContainKey("MaximumBatchingWindowInSeconds")
                .containsEntry("EventSourceArn", Map.of("Ref", "Cluster"));
        assertThat(eventStatements(t).get(0)).containsEntry("Resource", List.of(
                Map.of("Fn::ImportValue", "shared-cluster"), Map.of("Ref", "Cluster")));
    }

    @Test
    void kafkaMapsBootstrapServersAndAccessConfigurationsInTheOrderWritten() {
        String secret = "arn:aws:secretsmanager:us-east-1:01234567890:secret:SaslScram512SecretName";
        Map<String, Object> t = compile("""
                basic:
                  handler: a.B::c
                  events:
                    - kafka:
                        topic: TestingTopic
                        bootstrapServers: [abc.xyz:9092, def.xyz:9092]
                        accessConfigurations:
                          saslScram512Auth: %s
                          vpcSubnet: [subnet-0011001100, subnet-0022002200]
                          vpcSecurityGroup: sg-abc4567890
                """.formatted(secret));
        String id = "BasicEventSourceMappingKafkaTestingTopic";
        assertThat(resource(t, id)).containsEntry("Type", "AWS::Lambda::EventSourceMapping")
                .containsEntry("DependsOn", List.of("IamRoleLambdaExecution"));
        assertThat(new ArrayList<>(properties(t, id).entrySet())).containsExactlyElementsOf(ordered(
                "FunctionName", getAtt("BasicLambdaFunction"),
                "StartingPosition", "TRIM_HORIZON",
                "SelfManagedEventSource", Map.of("Endpoints", Map.of("KafkaBootstrapServers",
                        List.of("abc.xyz:9092", "def.xyz:9092"))),
                "Topics", List.of("TestingTopic"),
                "SourceAccessConfigurations", List.of(
                        Map.of("Type", "SASL_SCRAM_512_AUTH", "URI", secret),
                        Map.of("Type", "VPC_SUBNET", "URI", "subnet:subnet-0011001100"),
                        Map.of("Type", "VPC_SUBNET", "URI", "subnet:subnet-0022002200"),
                        Map.of("Type", "VPC_SECURITY_GROUP", "URI", "security_group:sg-abc4567890"))).entrySet());
        assertThat(eventStatements(t)).containsExactly(Map.of("Effect", "Allow",
                "Action", List.of("secretsmanager:GetSecretValue"), "Resource", List.of(secret)), EC2_NETWORK_STATEMENT);
    }

    @Test
    void kafkaWithEverySettingWritesThemInV3sOrder() {
        String secret = "arn:aws:secretsmanager:us-east-1:01234567890:secret:SaslScram256Auth";
        Map<String, Object> t = compile("""
                other:
                  handler: a.B::c
                  events:
                    - kafka:
                        topic: TestingTopic
                        bootstrapServers: abc.xyz:9092
                        accessConfigurations: { saslScram256Auth: %s }
                        batchSize: 5000
                        maximumBatchingWindow: 20
                        enabled: false
                        startingPosition: AT_TIMESTAMP
                        startingPositionTimestamp: 123
                        consumerGroupId: my-consumer-group-id
                        filterPatterns: [{ eventName: INSERT }]
                """.formatted(secret));
        assertThat(new ArrayList<>(properties(t, "OtherEventSourceMappingKafkaTestingTopic").entrySet()))
                .containsExactlyElementsOf(ordered(
                        "FunctionName", getAtt("OtherLambdaFunction"),
                        "StartingPosition", "AT_TIMESTAMP",
                        "SelfManagedEventSource", Map.of("Endpoints", Map.of("KafkaBootstrapServers",
                                List.of("abc.xyz:9092"))),
                        "Topics", List.of("TestingTopic"),
                        "SourceAccessConfigurations", List.of(Map.of("Type", "SASL_SCRAM_256_AUTH", "URI", secret)),
                        "BatchSize", 5000,
                        "MaximumBatchingWindowInSeconds", 20,
                        "Enabled", false,
                        "SelfManagedKafkaEventSourceConfig", Map.of("ConsumerGroupId", "my-consumer-group-id"),
                        "StartingPositionTimestamp", 123,
                        "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern",
                                "{\"eventName\":\"INSERT\"}")))).entrySet());
        // No subnet or security group: no EC2_NETWORK_STATEMENT statement.
        assertThat(eventStatements(t)).containsExactly(Map.of("Effect", "Allow",
                "Action", List.of("secretsmanager:GetSecretValue"), "Resource", List.of(secret)));
    }

    @Test
    void twoKafkaTopicsMakeTwoMappingsAndOneSecretsStatementPerFunction() {
        Map<String, Object> t = compile("""
                worker:
                  handler: a.B::c
                  events:
                    - kafka:
                        topic: orders
                        bootstrapServers: [abc.xyz:9092]
                        accessConfigurations:
                          saslPlainAuth: arn:aws:secretsmanager:us-east-1:01234567890:secret:Plain
                    - kafka:
                        topic: payments-v2
                        bootstrapServers: [abc.xyz:9092]
                        accessConfigurations:
                          clientCertificateTlsAuth: arn:aws:secretsmanager:us-east-1:01234567890:secret:Client
                          serverRootCaCertificate: arn:aws:secretsmanager:us-east-1:01234567890:secret:Ca
                """);
        assertThat(properties(t, "WorkerEventSourceMappingKafkaOrders")).containsEntry("Topics", List.of("orders"))
                .containsEntry("SourceAccessConfigurations", List.of(Map.of("Type", "BASIC_AUTH",
                        "URI", "arn:aws:secretsmanager:us-east-1:01234567890:secret:Plain")));
        assertThat(properties(t, "WorkerEventSourceMappingKafkaPaymentsv2"))
                .containsEntry("Topics", List.of("payments-v2"))
                .containsEntry("SourceAccessConfigurations", List.of(
                        Map.of("Type", "CLIENT_CERTIFICATE_TLS_AUTH",
                                "URI", "arn:aws:secretsmanager:us-east-1:01234567890:secret:Client"),
                        Map.of("Type", "SERVER_ROOT_CA_CERTIFICATE",
                                "URI", "arn:aws:secretsmanager:us-east-1:01234567890:secret:Ca")));
        assertThat(eventStatements(t)).containsExactly(Map.of("Effect", "Allow",
                "Action", List.of("secretsmanager:GetSecretValue"), "Resource", List.of(
                        "arn:aws:secretsmanager:us-east-1:01234567890:secret:Plain",
                        "arn:aws:secretsmanager:us-east-1:01234567890:secret:Client",
                        "arn:aws:secretsmanager:us-east-1:01234567890:secret:Ca")));
    }

    @Test
    void anImportedRoleLeavesDependsOnEmptyAndTheSharedRoleUnwritten() {
        Map<String, Object> t = compile("""
                basic:
                  handler: a.B::c
                  role: { 'Fn::ImportValue': MyImportedRole }
                  events:
                    - kafka:
                        topic: TestingTopic
                        bootstrapServers: [abc.xyz:9092]
                        accessConfigurations: { vpcSubnet: subnet-abc, vpcSecurityGroup: sg-abc }
                """);
        assertThat(resource(t, "BasicEventSourceMappingKafkaTestingTopic")).containsEntry("DependsOn", List.of());
        assertThat(resources(t)).doesNotContainKey("IamRoleLambdaExecution");
    }

    @Test
    void mskWithoutTopicIsRejected() {
        assertThatThrownBy(() -> compileEvent("msk: { arn: " + CLUSTER + " }"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:11:14: at 'functions.worker.events[0].msk.topic': missing required "
                        + "property 'topic' (the Kafka topic to read), perhaps you should add topic: <topic name>");
    }

    @Test
    void mskStartingPositionOutsideTheEnumIsRejected() {
        assertThatThrownBy(() -> compileEvent("msk:\n  arn: " + CLUSTER + "\n  topic: t\n"
                + "  startingPosition: EARLIEST"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:14:29: at 'functions.worker.events[0].msk.startingPosition': "
                        + "unsupported value 'EARLIEST', expected one of [LATEST, TRIM_HORIZON, AT_TIMESTAMP], "
                        + "perhaps you should use one of [LATEST, TRIM_HORIZON, AT_TIMESTAMP]");
    }

    @Test
    void mskAtTimestampWithoutTimestampIsRejected() {
        assertThatThrownBy(() -> compileEvent("msk:\n  arn: " + CLUSTER + "\n  topic: t\n"
                + "  startingPosition: AT_TIMESTAMP"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:14:29: at 'functions.worker.events[0].msk.startingPosition': "
                        + "startingPosition AT_TIMESTAMP needs startingPositionTimestamp, perhaps you should add "
                        + "startingPositionTimestamp: <unix seconds>");
    }

    @Test
    void mskArnWithoutClusterNameIsRejected() {
        assertThatThrownBy(() -> compileEvent("msk: { arn: 'arn:aws:kafka:us-east-1:111111111111:cluster', "
                + "topic: t }"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:11:21: at 'functions.worker.events[0].msk.arn': "
                        + "'arn:aws:kafka:us-east-1:111111111111:cluster' is not an MSK cluster ARN (expected "
                        + "arn:aws:kafka:<region>:<account-id>:cluster/<cluster-name>/<uuid>), perhaps you should "
                        + "use the cluster's ARN, or !Ref <ClusterLogicalId> for a cluster defined in resources");
    }

    @Test
    void kafkaWithoutAccessConfigurationsIsRejected() {
        assertThatThrownBy(() -> compileEvent("kafka: { topic: t, bootstrapServers: [abc.xyz:9092] }"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:11:16: at 'functions.worker.events[0].kafka.accessConfigurations': "
                        + "missing required property 'accessConfigurations' (how Lambda reaches and authenticates "
                        + "to the cluster), perhaps you should add accessConfigurations with at least one of "
                        + "[clientCertificateTlsAuth, saslPlainAuth, saslScram256Auth, saslScram512Auth, "
                        + "serverRootCaCertificate, vpcSecurityGroup, vpcSubnet], such as saslScram512Auth: "
                        + "<secret ARN>");
    }

    @Test
    void unknownAccessConfigurationIsRejectedWithTheClosestKey() {
        assertThatThrownBy(() -> compileEvent("kafka:\n  topic: t\n  bootstrapServers: [abc.xyz:9092]\n"
                + "  accessConfigurations:\n    saslScram512: arn:aws:secretsmanager:us-east-1:1:secret:s"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:15:13: at 'functions.worker.events[0].kafka.accessConfigurations"
                        + ".saslScram512': unsupported access configuration 'saslScram512', expected one of "
                        + "[clientCertificateTlsAuth, saslPlainAuth, saslScram256Auth, saslScram512Auth, "
                        + "serverRootCaCertificate, vpcSecurityGroup, vpcSubnet], perhaps you should write "
                        + "'saslScram512Auth'");
    }

    @Test
    void kafkaSubnetWithoutSecurityGroupIsRejected() {
        assertThatThrownBy(() -> compileEvent("kafka:\n  topic: t\n  bootstrapServers: [abc.xyz:9092]\n"
                + "  accessConfigurations: { vpcSubnet: subnet-abc4567890 }"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:14:46: at 'functions.worker.events[0].kafka.accessConfigurations"
                        + ".vpcSubnet': 'vpcSubnet' needs 'vpcSecurityGroup' as well (Lambda needs both a subnet and "
                        + "a security group to reach a cluster in a VPC), perhaps you should add vpcSecurityGroup: "
                        + "[sg-0123456789abcdef0]");
    }

    @Test
    void kafkaSecretThatIsNotASecretsManagerArnIsRejected() {
        assertThatThrownBy(() -> compileEvent("kafka:\n  topic: t\n  bootstrapServers: [abc.xyz:9092]\n"
                + "  accessConfigurations:\n    saslScram256Auth: [my-secret]"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:15:32: at 'functions.worker.events[0].kafka.accessConfigurations"
                        + ".saslScram256Auth[0]': 'my-secret' does not look like a Secrets Manager secret ARN "
                        + "(expected arn:aws:secretsmanager:<region>:<account-id>:secret:<name>), perhaps you should "
                        + "use a value such as arn:aws:secretsmanager:<region>:<account-id>:secret:<name>");
    }

    @Test
    void kafkaBatchSizeOutOfRangeIsRejected() {
        assertThatThrownBy(() -> compileEvent("kafka:\n  topic: t\n  bootstrapServers: [abc.xyz:9092]\n"
                + "  accessConfigurations: { saslScram512Auth: " + SCRAM + " }\n  batchSize: 20000"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:15:22: at 'functions.worker.events[0].kafka.batchSize': expected an "
                        + "integer from 1 to 10000, found 20000, perhaps you should use a value in that range");
    }

    @Test
    void mskAndKafkaTemplatesLintClean() {
        TestServices.project(dir, """
                service: kafka
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - msk:
                          arn: %s
                          topic: orders
                          batchSize: 100
                          maximumBatchingWindow: 5
                          startingPosition: AT_TIMESTAMP
                          startingPositionTimestamp: 1700000000
                          saslScram512: %s
                          consumerGroupId: orders-group
                          filterPatterns: [{ value: { kind: [order] } }]
                      - kafka:
                          topic: payments
                          bootstrapServers: [broker-1.example.com:9092]
                          accessConfigurations:
                            saslScram512Auth: %s
                            vpcSubnet: subnet-0123456789abcdef0
                            vpcSecurityGroup: sg-0123456789abcdef0
                          consumerGroupId: payments-group
                          enabled: false
                """.formatted(CLUSTER, SCRAM, SCRAM));
        ExternalTools.assertCfnLintClean(TestServices.packageProject(dir, new ArrayList<>()).updateStackTemplate());
    }

    @Test
    void unknownEventKeysAreWarnedAbout() {
        List<String> warnings = new ArrayList<>();
        TestServices.project(dir, """
                service: kafka
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  worker:
                    handler: a.B::c
                    events:
                      - msk: { arn: %s, topic: t, batchWindow: 5 }
                """.formatted(CLUSTER));
        TestServices.packageProject(dir, warnings);
        assertThat(warnings).anyMatch(w -> w.contains("functions.worker.events[0].msk.batchWindow")
                && w.contains("unrecognized property 'batchWindow'"));
    }
}
