package io.github.serverlessmaven.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cfn-lint check many template tests rely on: it must fail whenever cfn-lint did not vouch for a template. */
class ExternalToolsTest {

    @TempDir
    Path dir;

    @Test
    void cleanTemplatePasses() throws IOException {
        Path template = Files.writeString(dir.resolve("ok.json"),
                "{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\"}}}");
        assertThatCode(() -> ExternalTools.assertCfnLintClean(template)).doesNotThrowAnyException();
    }

    @Test
    void templateWithAnErrorFailsUnlessItsRuleIsAllowed() throws IOException {
        Path template = Files.writeString(dir.resolve("bad.json"),
                "{\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\",\"Properties\":{\"Bad\":1}}}}");
        assertThatThrownBy(() -> ExternalTools.assertCfnLintClean(template))
                .isInstanceOf(AssertionError.class).hasMessageContaining("E3002");
        assertThatCode(() -> ExternalTools.assertCfnLintClean(template, "E3002")).doesNotThrowAnyException();
    }

    @Test
    void aRunThatDidNotLintFails() {
        assertThatThrownBy(() -> ExternalTools.assertLintResultClean(
                new ExternalTools.Run(1, "usage: cfn-lint [-h] ..."), "t.json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("exit 1");
        assertThatThrownBy(() -> ExternalTools.assertLintResultClean(
                new ExternalTools.Run(2, "Traceback (most recent call last): ..."), "t.json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cannot read");
    }

    @Test
    void warningsAlonePass() {
        assertThatCode(() -> ExternalTools.assertLintResultClean(
                new ExternalTools.Run(4, "t.json:1:1:1:2:W3005:Obsolete DependsOn"), "t.json"))
                .doesNotThrowAnyException();
    }
}
