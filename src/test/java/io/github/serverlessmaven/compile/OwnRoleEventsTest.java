package io.github.serverlessmaven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What websocket and schedule events need lands on the role the function runs as: its own role when it has
 * {@code iam.role.statements}, else the shared role exactly as v3 writes it.
 */
class OwnRoleEventsTest {

    /** {@code reader} has its own role; {@code other} runs as the shared role. */
    private static final String YAML = """
            service: demo
            provider:
              name: aws
              runtime: java21
            %s
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: dynamodb:Query
                      Resource: arn:aws:dynamodb:us-east-1:123456789012:table/shared
            functions:
              reader:
                handler: demo.Reader
                iam:
                  role:
                    statements:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::reports/*
            %s
              other:
                handler: demo.Other
            %s
            package:
              artifact: target/app.jar
            """;

    private static final String OWN_ROLE = "ReaderIamRoleLambdaExecution";
    private static final String SHARED_ROLE = "IamRoleLambdaExecution";
    private static final String LAMBDA_ARN = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:";

    @TempDir
    Path dir;

    private record Packaged(Map<String, Object> template, Path file, List<String> warnings) {}

    private Packaged pack(String name, String providerExtra, String readerEvents, String otherEvents) {
        return pack(name, YAML.formatted(providerExtra, readerEvents, otherEvents));
    }

    private Packaged pack(String name, String yaml) {
        Path project = TestServices.project(dir.resolve(name), yaml);
        List<String> warnings = new ArrayList<>();
        PackageResult result = TestServices.packageProject(project, warnings);
        return new Packaged(Templates.read(result.updateStackTemplate()), result.updateStackTemplate(), warnings);
    }

    /** The same service with {@code reader} left out: what v3 writes for {@code other} alone. */
    private Packaged packOtherAlone(String name, String providerExtra, String otherEvents) {
        String yaml = YAML.formatted(providerExtra, "", otherEvents);
        String withoutReader = yaml.substring(0, yaml.indexOf("  reader:")) + yaml.substring(yaml.indexOf("  other:"));
        assertThat(withoutReader).doesNotContain("reader").contains("demo.Other");
        return pack(name, withoutReader);
    }

    private static List<Object> statements(Map<String, Object> template, String role) {
        return new ArrayList<>(Templates.roleStatements(template, role));
    }

    @SuppressWarnings("unchecked")
    private static Object trustedServices(Map<String, Object> template, String role) {
        Map<String, Object> assume = (Map<String, Object>) Templates.properties(template, role)
                .get("AssumeRolePolicyDocument");
        Map<String, Object> statement = (Map<String, Object>) ((List<Object>) assume.get("Statement")).get(0);
        return ((Map<String, Object>) statement.get("Principal")).get("Service");
    }

    private static List<Object> plus(List<Object> statements, Object added) {
        List<Object> all = new ArrayList<>(statements);
        all.add(added);
        return all;
    }

    private static Map<String, Object> manageConnections(Object resource) {
        return Map.of("Effect", "Allow", "Action", List.of("execute-api:ManageConnections"),
                "Resource", List.of(resource));
    }

    private static Map<String, Object> invoke(String functionName) {
        return Map.of("Effect", "Allow", "Action", List.of("lambda:InvokeFunction"), "Resource", List.of(
                Map.of("Fn::Sub", LAMBDA_ARN + functionName), Map.of("Fn::Sub", LAMBDA_ARN + functionName + ":*")));
    }

    private static final Map<String, Object> V3_MANAGE_CONNECTIONS = manageConnections(
            Map.of("Fn::Sub", "arn:${AWS::Partition}:execute-api:*:*:*/@connections/*"));

    private static final Map<String, Object> OWN_API_MANAGE_CONNECTIONS = manageConnections(Map.of("Fn::Sub",
            "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebsocketsApi}/*/@connections/*"));

    private static final String READER_WEBSOCKET = """
                events:
                  - websocket: $connect
                  - websocket: send
            """;

    private static final String READER_SCHEDULER = """
                events:
                  - schedule:
                      method: scheduler
                      rate: rate(1 hour)
            """;

    @Test
    void websocketConnectionsOfAFunctionWithItsOwnRoleAreGrantedOnThatRoleForThisApiOnly() {
        Packaged base = pack("base", "", "", "");
        Packaged ws = pack("ws", "", READER_WEBSOCKET, "");

        assertThat(statements(ws.template(), OWN_ROLE))
                .isEqualTo(plus(statements(base.template(), OWN_ROLE), OWN_API_MANAGE_CONNECTIONS));
        assertThat(Templates.properties(ws.template(), SHARED_ROLE))
                .isEqualTo(Templates.properties(base.template(), SHARED_ROLE));
        assertThat(ws.warnings()).noneMatch(w -> w.contains("role"));
        ExternalTools.assertCfnLintClean(ws.file());
    }

    @Test
    void aSharedRoleFunctionWithWebsocketEventsKeepsV3sStatementOnTheSharedRole() {
        String otherEvents = """
                    events:
                      - websocket: $disconnect
                """;
        Packaged mixed = pack("mixed", "", READER_WEBSOCKET, otherEvents);
        Packaged v3 = packOtherAlone("v3", "", otherEvents);

        assertThat(Templates.properties(mixed.template(), SHARED_ROLE))
                .isEqualTo(Templates.properties(v3.template(), SHARED_ROLE));
        List<Object> shared = statements(mixed.template(), SHARED_ROLE);
        assertThat(shared.get(shared.size() - 1)).isEqualTo(V3_MANAGE_CONNECTIONS);
        assertThat(statements(mixed.template(), OWN_ROLE)).contains(OWN_API_MANAGE_CONNECTIONS)
                .doesNotContain(V3_MANAGE_CONNECTIONS);
        ExternalTools.assertCfnLintClean(mixed.file());
    }

    @Test
    void onAnExternalWebsocketApiTheOwnRoleIsGrantedThatApiAndTheSharedRoleNothingAsInV3() {
        String provider = """
                  apiGateway:
                    websocketApiId: a1b2c3d4e5
                """;
        String otherEvents = """
                    events:
                      - websocket: $disconnect
                """;
        Packaged base = pack("base", provider, "", "");
        Packaged ws = pack("ws", provider, READER_WEBSOCKET, otherEvents);

        assertThat(statements(ws.template(), OWN_ROLE)).isEqualTo(plus(statements(base.template(), OWN_ROLE),
                manageConnections(Map.of("Fn::Sub", List.of(
                        "arn:${AWS::Partition}:execute-api:*:*:${ApiId}/*/@connections/*",
                        Map.of("ApiId", "a1b2c3d4e5"))))));
        assertThat(Templates.properties(ws.template(), SHARED_ROLE))
                .isEqualTo(Templates.properties(base.template(), SHARED_ROLE));
        ExternalTools.assertCfnLintClean(ws.file());
    }

    @Test
    void aSchedulerScheduleOfAFunctionWithItsOwnRoleRunsAsThatRoleWhichMayInvokeOnlyThatFunction() {
        Packaged base = pack("base", "", "", "");
        Packaged scheduled = pack("scheduled", "", READER_SCHEDULER, "");

        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) Templates.properties(scheduled.template(),
                "ReaderSchedulerSchedule1").get("Target");
        assertThat(target.get("RoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(OWN_ROLE, "Arn")));
        assertThat(trustedServices(scheduled.template(), OWN_ROLE))
                .isEqualTo(List.of("lambda.amazonaws.com", "scheduler.amazonaws.com"));
        assertThat(statements(scheduled.template(), OWN_ROLE))
                .isEqualTo(plus(statements(base.template(), OWN_ROLE), invoke("demo-dev-reader")));
        assertThat(Templates.properties(scheduled.template(), SHARED_ROLE))
                .isEqualTo(Templates.properties(base.template(), SHARED_ROLE));
        assertThat(scheduled.warnings()).noneMatch(w -> w.contains("role"));
        ExternalTools.assertCfnLintClean(scheduled.file());
    }

    @Test
    void aSharedRoleFunctionWithASchedulerScheduleKeepsV3sTrustAndStatementForItAlone() {
        String otherEvents = """
                    events:
                      - schedule:
                          method: scheduler
                          rate: rate(2 hours)
                """;
        Packaged mixed = pack("mixed", "", READER_SCHEDULER, otherEvents);
        Packaged v3 = packOtherAlone("v3", "", otherEvents);

        assertThat(Templates.properties(mixed.template(), SHARED_ROLE))
                .isEqualTo(Templates.properties(v3.template(), SHARED_ROLE));
        assertThat(trustedServices(mixed.template(), SHARED_ROLE))
                .isEqualTo(List.of("lambda.amazonaws.com", "scheduler.amazonaws.com"));
        List<Object> shared = statements(mixed.template(), SHARED_ROLE);
        assertThat(shared.get(shared.size() - 1)).isEqualTo(invoke("demo-dev-other"));
        assertThat(statements(mixed.template(), OWN_ROLE)).contains(invoke("demo-dev-reader"))
                .doesNotContain(invoke("demo-dev-other"));
        @SuppressWarnings("unchecked")
        Map<String, Object> otherTarget = (Map<String, Object>) Templates.properties(mixed.template(),
                "OtherSchedulerSchedule1").get("Target");
        assertThat(otherTarget.get("RoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(SHARED_ROLE, "Arn")));
        ExternalTools.assertCfnLintClean(mixed.file());
    }

    @Test
    void withEveryFunctionOnItsOwnRoleNoSharedRoleIsWrittenForWebsocketOrSchedulerEvents() {
        String otherOwnRole = """
                    iam:
                      role:
                        statements: []
                    events:
                      - schedule:
                          method: scheduler
                          rate: rate(2 hours)
                      - websocket: $disconnect
                """;
        Packaged all = pack("all", "", READER_WEBSOCKET, otherOwnRole);

        assertThat(Templates.resources(all.template())).doesNotContainKey(SHARED_ROLE);
        assertThat(trustedServices(all.template(), OWN_ROLE)).isEqualTo(List.of("lambda.amazonaws.com"));
        assertThat(trustedServices(all.template(), "OtherIamRoleLambdaExecution"))
                .isEqualTo(List.of("lambda.amazonaws.com", "scheduler.amazonaws.com"));
        assertThat(statements(all.template(), "OtherIamRoleLambdaExecution"))
                .contains(invoke("demo-dev-other"), OWN_API_MANAGE_CONNECTIONS).doesNotContain(invoke("demo-dev-reader"));
        assertThat(statements(all.template(), OWN_ROLE)).contains(OWN_API_MANAGE_CONNECTIONS)
                .doesNotContain(invoke("demo-dev-other"));
        ExternalTools.assertCfnLintClean(all.file());
    }

    @Test
    void anEventBridgeRuleScheduleChangesNoRole() {
        Packaged base = pack("base", "", "", "");
        Packaged scheduled = pack("scheduled", "", """
                    events:
                      - schedule: rate(1 hour)
                """, "");

        assertThat(Templates.properties(scheduled.template(), OWN_ROLE))
                .isEqualTo(Templates.properties(base.template(), OWN_ROLE));
        assertThat(Templates.properties(scheduled.template(), SHARED_ROLE))
                .isEqualTo(Templates.properties(base.template(), SHARED_ROLE));
        assertThat(Templates.resources(scheduled.template())).containsKeys("ReaderEventsRuleSchedule1",
                "ReaderLambdaPermissionEventsRuleSchedule1");
        assertThat(scheduled.warnings()).noneMatch(w -> w.contains("role"));
        ExternalTools.assertCfnLintClean(scheduled.file());
    }
}
