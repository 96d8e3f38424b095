package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.resource;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alexaSkill and alexaSmartHome: one Lambda permission per event, as v3's alexa-skill.js / alexa-smart-home.js. */
class AlexaEventsTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            service: alexa
            provider: { name: aws, runtime: java21 }
            package: { artifact: target/app.jar }
            functions:
            """;

    private static final Object ARN = Map.of("Fn::GetAtt", List.of("SkillLambdaFunction", "Arn"));

    private static Map<String, Object> permission(Object target, String action, String principal, String token) {
        return Map.of("Type", "AWS::Lambda::Permission", "Properties", Map.of("FunctionName", target,
                "Action", action, "Principal", principal, "EventSourceToken", token));
    }

    private static List<String> permissionIds(Map<String, Object> t) {
        return resources(t).keySet().stream().filter(id -> id.contains("LambdaPermission")).toList();
    }

    @Test
    void skillIdStringBecomesAnAppkitPermission() {
        Map<String, Object> t = TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill: amzn1.ask.skill.xx-xx-xx-xx
                """);
        assertThat(permissionIds(t)).containsExactly("SkillLambdaPermissionAlexaSkill1");
        assertThat(resource(t, "SkillLambdaPermissionAlexaSkill1")).isEqualTo(permission(ARN,
                "lambda:InvokeFunction", "alexa-appkit.amazon.com", "amzn1.ask.skill.xx-xx-xx-xx"));
    }

    @Test
    void mapFormWithAppId() {
        Map<String, Object> t = TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill:
                          appId: amzn1.ask.skill.yy-yy-yy-yy
                          enabled: true
                """);
        assertThat(resource(t, "SkillLambdaPermissionAlexaSkill1")).isEqualTo(permission(ARN,
                "lambda:InvokeFunction", "alexa-appkit.amazon.com", "amzn1.ask.skill.yy-yy-yy-yy"));
    }

    @Test
    void disabledSkillKeepsThePermissionWithTheDisableAction() {
        Map<String, Object> t = TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill: { appId: amzn1.ask.skill.xx-xx-xx-xx, enabled: false }
                """);
        assertThat(resource(t, "SkillLambdaPermissionAlexaSkill1")).isEqualTo(permission(ARN,
                "lambda:DisableInvokeFunction", "alexa-appkit.amazon.com", "amzn1.ask.skill.xx-xx-xx-xx"));
    }

    @Test
    void skillsAreCountedPerFunctionAndTypeFromOne() {
        Map<String, Object> t = TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSmartHome: amzn1.ask.skill.home
                      - iot: { sql: "SELECT * FROM 'a'" }
                      - alexaSkill: amzn1.ask.skill.first
                      - alexaSkill:
                          appId: amzn1.ask.skill.second
                  other-fn:
                    handler: a.B::c
                    events:
                      - alexaSkill: amzn1.ask.skill.third
                """);
        assertThat(permissionIds(t)).containsExactlyInAnyOrder("SkillLambdaPermissionAlexaSmartHome1",
                "SkillLambdaPermissionIotTopicRule1", "SkillLambdaPermissionAlexaSkill1",
                "SkillLambdaPermissionAlexaSkill2", "OtherDashfnLambdaPermissionAlexaSkill1");
        assertThat(resource(t, "SkillLambdaPermissionAlexaSkill1")).isEqualTo(permission(ARN,
                "lambda:InvokeFunction", "alexa-appkit.amazon.com", "amzn1.ask.skill.first"));
        assertThat(resource(t, "SkillLambdaPermissionAlexaSkill2")).isEqualTo(permission(ARN,
                "lambda:InvokeFunction", "alexa-appkit.amazon.com", "amzn1.ask.skill.second"));
        assertThat(resource(t, "OtherDashfnLambdaPermissionAlexaSkill1")).isEqualTo(permission(
                Map.of("Fn::GetAtt", List.of("OtherDashfnLambdaFunction", "Arn")), "lambda:InvokeFunction",
                "alexa-appkit.amazon.com", "amzn1.ask.skill.third"));
    }

    @Test
    void smartHomeStringAndMapForms() {
        Map<String, Object> t = TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSmartHome: amzn1.ask.skill.aa-aa
                      - alexaSmartHome:
                          appId: amzn1.ask.skill.bb-bb
                      - alexaSmartHome:
                          appId: amzn1.ask.skill.cc-cc
                          enabled: false
                """);
        assertThat(permissionIds(t)).containsExactly("SkillLambdaPermissionAlexaSmartHome1",
                "SkillLambdaPermissionAlexaSmartHome2", "SkillLambdaPermissionAlexaSmartHome3");
        assertThat(resource(t, "SkillLambdaPermissionAlexaSmartHome1")).isEqualTo(permission(ARN,
                "lambda:InvokeFunction", "alexa-connectedhome.amazon.com", "amzn1.ask.skill.aa-aa"));
        assertThat(resource(t, "SkillLambdaPermissionAlexaSmartHome2")).isEqualTo(permission(ARN,
                "lambda:InvokeFunction", "alexa-connectedhome.amazon.com", "amzn1.ask.skill.bb-bb"));
        assertThat(resource(t, "SkillLambdaPermissionAlexaSmartHome3")).isEqualTo(permission(ARN,
                "lambda:DisableInvokeFunction", "alexa-connectedhome.amazon.com", "amzn1.ask.skill.cc-cc"));
    }

    @Test
    void permissionsTargetTheProvisionedConcurrencyAliasAndWaitForIt() {
        Map<String, Object> t = TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    provisionedConcurrency: 1
                    events:
                      - alexaSkill: amzn1.ask.skill.xx
                      - alexaSmartHome: amzn1.ask.skill.yy
                """);
        Object aliasArn = Map.of("Fn::Join", List.of(":", List.of(ARN, "provisioned")));
        for (String id : List.of("SkillLambdaPermissionAlexaSkill1", "SkillLambdaPermissionAlexaSmartHome1")) {
            assertThat(resource(t, id)).containsEntry("DependsOn", "SkillProvConcLambdaAlias");
            assertThat(Templates.properties(t, id)).containsEntry("FunctionName", aliasArn);
        }
    }

    /** ajv's coerceTypes in v3 turns a numeric skill ID into its text before compiling. */
    @Test
    void numericAppIdIsCoercedToTextAsV3Does() {
        Map<String, Object> t = TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill: { appId: 12345 }
                """);
        assertThat(Templates.properties(t, "SkillLambdaPermissionAlexaSkill1"))
                .containsEntry("EventSourceToken", "12345");
    }

    @Test
    void unknownKeyIsAWarning() {
        TestServices.project(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill: { appId: amzn1.ask.skill.xx, enable: false }
                """);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> t = Templates.read(TestServices.packageProject(dir, warnings).updateStackTemplate());
        assertThat(warnings).anyMatch(w -> w.contains("functions.skill.events[0].alexaSkill.enable")
                && w.contains("unrecognized property 'enable'") && w.contains("write 'enabled'"));
        assertThat(Templates.properties(t, "SkillLambdaPermissionAlexaSkill1"))
                .containsEntry("Action", "lambda:InvokeFunction");
    }

    @Test
    void appIdThatIsAListIsAnError() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill:
                          appId: [amzn1.ask.skill.xx]
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:9:18: at 'functions.skill.events[0].alexaSkill.appId': expected a "
                        + "skill ID string but found a list, perhaps you should change the value to a skill ID string");
    }

    @Test
    void appIdWithCharactersOutsideV3sPatternIsAnError() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSmartHome: arn:aws:alexa:skill/xx
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:8:25: at 'functions.skill.events[0].alexaSmartHome': "
                        + "'arn:aws:alexa:skill/xx' is not a valid Alexa skill ID: it must be 1 to 256 letters, "
                        + "digits, '.', '_' or '-', perhaps you should write the skill ID from the Alexa developer "
                        + "console, such as amzn1.ask.skill.12345678-1234-1234-1234-123456789012");
    }

    @Test
    void enabledThatIsNotABooleanIsAnError() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill:
                          appId: amzn1.ask.skill.xx
                          enabled: "no"
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:10:20: at 'functions.skill.events[0].alexaSkill.enabled': expected "
                        + "true or false but found a string 'no', perhaps you should change the value to true or false");
    }

    @Test
    void mapWithoutAppIdIsAnError() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSmartHome:
                          enabled: true
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:9:11: at 'functions.skill.events[0].alexaSmartHome.appId': missing "
                        + "required property 'appId' (the skill ID), perhaps you should add 'appId: "
                        + "amzn1.ask.skill.12345678-1234-1234-1234-123456789012' (the skill ID from the Alexa "
                        + "developer console)");
    }

    @Test
    void emptyEventIsAnError() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill:
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at 'functions.skill.events[0].alexaSkill': expected a skill ID or a map "
                        + "with 'appId' but found null");
    }

    /** v3 only warns (ALEXA_SKILL_EVENT_WITHOUT_APP_ID) and writes no permission: a skill that cannot call. */
    @Test
    void bareAlexaSkillWithoutAppIdIsAnError() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  skill:
                    handler: a.B::c
                    events:
                      - alexaSkill
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:8:9: at 'functions.skill.events[0]': '- alexaSkill' without a skill ID "
                        + "is deprecated (ALEXA_SKILL_EVENT_WITHOUT_APP_ID) and the Serverless Framework v3 creates "
                        + "no permission for it, perhaps you should write '- alexaSkill: amzn1.ask.skill.<id>' with "
                        + "the skill ID from the Alexa developer console");
    }
}
