package io.github.serverlessmaven.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.template.Json;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** functions.<f>.iam.role.statements: a role per function with only what that function needs. */
class FunctionRoleCompilerTest {

    static final String YAML = """
            service: demo
            provider:
              name: aws
              runtime: java21
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: dynamodb:Query
                      Resource: arn:aws:dynamodb:us-east-1:123456789012:table/shared
            functions:
              reader:
                handler: demo.Reader
                tracing: true
                iam:
                  role:
                    statements:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::reports/*
              other:
                handler: demo.Other
            %s
            package:
              artifact: target/app.jar
            """;

    @TempDir
    Path dir;

    @Test
    void aFunctionWithItsOwnStatementsGetsItsOwnRoleAndTheOthersKeepTheSharedOne() {
        TestServices.project(dir, YAML.formatted(""));
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());
        Map<String, Object> template = Templates.read(result.updateStackTemplate());

        assertThat(Templates.properties(template, "ReaderLambdaFunction").get("Role"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("ReaderIamRoleLambdaExecution", "Arn")));
        assertThat(Templates.properties(template, "OtherLambdaFunction").get("Role"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("IamRoleLambdaExecution", "Arn")));

        String own = Json.compact(Templates.properties(template, "ReaderIamRoleLambdaExecution"));
        assertThat(own).contains("s3:GetObject", "log-group:/aws/lambda/demo-dev-reader:*", "xray:PutTraceSegments")
                .doesNotContain("dynamodb:Query", "demo-dev-other", "demo-dev*");
        String shared = Json.compact(Templates.properties(template, "IamRoleLambdaExecution"));
        assertThat(shared).contains("dynamodb:Query").doesNotContain("s3:GetObject", "xray:PutTraceSegments");

        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    @Test
    void withEveryFunctionOnItsOwnRoleThereIsNoSharedRole() {
        TestServices.project(dir, YAML.formatted("").replace("""
                  other:
                    handler: demo.Other
                """, """
                  other:
                    handler: demo.Other
                    iam:
                      role:
                        statements: []
                """));
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());
        Map<String, Object> template = Templates.read(result.updateStackTemplate());

        assertThat(Templates.resources(template)).doesNotContainKey("IamRoleLambdaExecution")
                .containsKeys("ReaderIamRoleLambdaExecution", "OtherIamRoleLambdaExecution");
        assertThat(Json.compact(Templates.properties(template, "OtherIamRoleLambdaExecution")))
                .contains("log-group:/aws/lambda/demo-dev-other:*:*").doesNotContain("s3:GetObject");
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    @Test
    void queueAndStreamPermissionsGoToTheRoleOfTheFunctionWithTheEvent() {
        TestServices.project(dir, YAML.formatted("").replace("""
                    tracing: true
                """, """
                    tracing: true
                    events:
                      - sqs: arn:aws:sqs:us-east-1:123456789012:jobs
                      - stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                """).replace("""
                    handler: demo.Other
                """, """
                    handler: demo.Other
                    events:
                      - sqs: arn:aws:sqs:us-east-1:123456789012:shared-jobs
                """));
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());
        Map<String, Object> template = Templates.read(result.updateStackTemplate());

        String own = Json.compact(Templates.properties(template, "ReaderIamRoleLambdaExecution"));
        assertThat(own).contains("sqs:ReceiveMessage", ":jobs\"", "kinesis:GetRecords", "stream/clicks")
                .doesNotContain("shared-jobs");
        String shared = Json.compact(Templates.properties(template, "IamRoleLambdaExecution"));
        assertThat(shared).contains("sqs:ReceiveMessage", "shared-jobs").doesNotContain(":jobs\"", "clicks");
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    @Test
    void roleAndOwnStatementsTogetherAreRejected() {
        TestServices.project(dir, YAML.formatted("").replace("""
                    tracing: true
                """, """
                    tracing: true
                    role: arn:aws:iam::123456789012:role/existing
                """));

        assertThatThrownBy(() -> TestServices.packageProject(dir, new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("functions.reader.role")
                .hasMessageContaining("a function with role cannot also have iam.role.statements")
                .hasMessageContaining("remove one of them");
    }

    @Test
    void aStatementThatIsNotAMapIsRejected() {
        String yaml = YAML.formatted("").replace("""
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: arn:aws:s3:::reports/*
                """, """
                          - s3:GetObject
                """);
        assertThat(yaml).contains("  - s3:GetObject\n");
        TestServices.project(dir, yaml);

        assertThatThrownBy(() -> TestServices.packageProject(dir, new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("functions.reader.iam.role.statements[0]")
                .hasMessageContaining("an IAM statement (a map with Effect, Action and Resource)");
    }
}
