package io.github.serverlessmaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.Capability;

/** The stack-level provider settings sent with every stack action. */
class StackSettingsTest {

    @TempDir
    Path dir;

    private StackRequest settings(String providerExtra) {
        TestServices.project(dir, "service: demo\nprovider:\n  name: aws\n" + providerExtra);
        return StackSettings.of(new ServicePipeline(Log.NONE).load(TestServices.request(dir)));
    }

    @Test
    void defaultsAreStageTagAndAllCapabilities() {
        StackRequest r = settings("");
        assertThat(r.stackName()).isEqualTo("demo-dev");
        assertThat(r.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("STAGE=dev");
        assertThat(r.capabilities()).containsExactly(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM,
                Capability.CAPABILITY_AUTO_EXPAND);
        assertThat(r.parameters()).isEmpty();
        assertThat(r.rollbackConfiguration()).isNull();
        assertThat(r.disableRollback()).isFalse();
    }

    @Test
    void stackTagsParametersRollbackAndRoleAreCarried() {
        StackRequest r = settings("""
                  stackName: custom-stack
                  stackTags:
                    team: payments
                    stage: overridden
                  stackParameters:
                    - ParameterKey: Env
                      ParameterValue: test
                  rollbackConfiguration:
                    MonitoringTimeInMinutes: 5
                    RollbackTriggers:
                      - Arn: arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors
                  disableRollback: true
                  iam:
                    deploymentRole: arn:aws:iam::123456789012:role/deployer
                """);
        assertThat(r.stackName()).isEqualTo("custom-stack");
        assertThat(r.tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("team=payments", "stage=overridden");
        assertThat(r.parameters()).singleElement().satisfies(p -> {
            assertThat(p.parameterKey()).isEqualTo("Env");
            assertThat(p.parameterValue()).isEqualTo("test");
        });
        assertThat(r.rollbackConfiguration().monitoringTimeInMinutes()).isEqualTo(5);
        assertThat(r.rollbackConfiguration().rollbackTriggers()).singleElement()
                .satisfies(t -> assertThat(t.type()).isEqualTo("AWS::CloudWatch::Alarm"));
        assertThat(r.disableRollback()).isTrue();
        assertThat(r.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/deployer");
    }

    @Test
    void stackPolicyThatIsNotAListIsAConfigError() {
        assertThatThrownBy(() -> settings("  stackPolicy:\n    Effect: Allow\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("provider.stackPolicy")
                .hasMessageContaining("expected a list of stack policy statements");
    }

    @Test
    void invalidDerivedStackNameIsAConfigErrorBeforeAnyAwsCall() {
        assertThatThrownBy(() -> settings("  stage: pr_42\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the stack name 'demo-pr_42' (service-stage) is not valid")
                .hasMessageContaining("shorten the service or stage name, or set provider.stackName");
    }

    @Test
    void stackParameterWithoutKeyIsAConfigError() {
        assertThatThrownBy(() -> settings("  stackParameters:\n    - ParameterValue: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("provider.stackParameters[0].ParameterKey")
                .hasMessageContaining("a stack parameter needs a ParameterKey")
                .hasMessageContaining("add ParameterKey: <name>");
    }
}
