package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.project.Log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -D beats POM beats serverless.yml beats the default; per-goal skip switches. */
class GoalParametersTest {

    @TempDir
    Path dir;

    @Test
    void commandLineWinsOverThePom() {
        GoalParameters parameters = new GoalParameters(Map.of("serverless.stage", "test"), Map.of());
        assertThat(parameters.value("serverless.stage", "prod")).isEqualTo("test");
    }

    @Test
    void thePomWinsWhenTheCommandLineIsSilentOrBlank() {
        assertThat(new GoalParameters(Map.of(), Map.of()).value("serverless.stage", "prod")).isEqualTo("prod");
        assertThat(new GoalParameters(Map.of("serverless.stage", " "), Map.of()).value("serverless.stage", "prod"))
                .isEqualTo("prod");
    }

    @Test
    void neitherGivenLeavesItToServerlessYmlThenTheDefault() {
        GoalParameters none = new GoalParameters(Map.of(), Map.of());
        assertThat(none.value("serverless.stage", null)).isNull();
        String yaml = """
                service: demo
                provider: { name: aws, stage: staging }
                functions:
                  hello: { handler: com.example.Handler::handleRequest, package: { artifact: target/app.jar } }
                """;
        TestServices.project(dir, yaml);
        assertThat(load(none.value("serverless.stage", null)).stage()).isEqualTo("staging");
        assertThat(load(new GoalParameters(Map.of(), Map.of()).value("serverless.stage", "prod")).stage())
                .isEqualTo("prod");
        TestServices.project(dir, yaml.replace(", stage: staging", ""));
        assertThat(load(none.value("serverless.stage", null)).stage()).isEqualTo("dev");
    }

    private io.github.serverlessmaven.model.Service load(String stage) {
        PackageRequest base = TestServices.request(dir);
        return new ServicePipeline(Log.NONE).load(new PackageRequest(base.project(), base.configFile(), stage, null,
                Map.of(), Map.of()));
    }

    @Test
    void nothingSetRunsTheGoal() {
        assertThat(new GoalParameters(Map.of(), Map.of()).skipReason("package", false)).isEmpty();
    }

    @Test
    void pomSkipSkipsEveryGoal() {
        assertThat(new GoalParameters(Map.of(), Map.of()).skipReason("deploy", true))
                .contains("Skipping serverless:deploy because serverless.skip (POM <skip> or property) is true");
    }

    @Test
    void theGoalsOwnSwitchSkipsOnlyThatGoal() {
        GoalParameters parameters = new GoalParameters(Map.of("serverless.deploy.skip", "true"), Map.of());
        assertThat(parameters.skipReason("deploy", false))
                .contains("Skipping serverless:deploy because -Dserverless.deploy.skip is true");
        assertThat(parameters.skipReason("package", false)).isEmpty();
    }

    @Test
    void theGoalsOwnPomPropertySkipsOnlyThatGoal() {
        GoalParameters parameters = new GoalParameters(Map.of(), Map.of("serverless.package.skip", "true"));
        assertThat(parameters.skipReason("package", false))
                .contains("Skipping serverless:package because the POM property serverless.package.skip is true");
        assertThat(parameters.skipReason("deploy", false)).isEmpty();
    }

    @Test
    void commandLineFalseRunsAGoalThePomSkips() {
        assertThat(new GoalParameters(Map.of("serverless.skip", "false"), Map.of()).skipReason("package", true))
                .isEmpty();
        assertThat(new GoalParameters(Map.of("serverless.package.skip", "false"),
                Map.of("serverless.package.skip", "true")).skipReason("package", true)).isEmpty();
    }

    @Test
    void theGoalsOwnSwitchWinsOverTheGeneralOne() {
        GoalParameters parameters = new GoalParameters(Map.of("serverless.skip", "true",
                "serverless.package.skip", "false"), Map.of());
        assertThat(parameters.skipReason("package", false)).isEmpty();
        assertThat(parameters.skipReason("deploy", false))
                .contains("Skipping serverless:deploy because -Dserverless.skip is true");
    }

    @Test
    void anEmptyValueMeansTrueLikeABareDashD() {
        assertThat(new GoalParameters(Map.of("serverless.skip", ""), Map.of()).skipReason("package", false))
                .isPresent();
    }

    @Test
    void aValueThatIsNotABooleanIsAnError() {
        assertThatThrownBy(() -> new GoalParameters(Map.of("serverless.package.skip", "yes"), Map.of())
                .skipReason("package", false))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Maven properties: at 'serverless.package.skip': expected true or false but found 'yes', "
                        + "perhaps you should set serverless.package.skip to true or false, e.g. "
                        + "-Dserverless.package.skip=true");
    }
}
