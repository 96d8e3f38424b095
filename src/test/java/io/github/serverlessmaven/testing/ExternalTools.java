package io.github.serverlessmaven.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs cfn-lint and the parity checker on generated templates. Both are required tools of the test suite
 * (scripts/test checks they exist), so a missing tool fails the test rather than skipping it.
 */
public final class ExternalTools {

    private ExternalTools() {}

    public record Run(int exitCode, String output) {}

    public static Run run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Asserts cfn-lint reports no error (E*) for the template, except the rule codes listed as allowed
     * (E2533, a deprecated runtime, may be caused on purpose).
     */
    public static void assertCfnLintClean(Path template, String... allowedRules) {
        assertCfnLintClean(List.of(template), allowedRules);
    }

    /** One cfn-lint run over several templates: its start-up is the slow part. */
    public static void assertCfnLintClean(List<Path> templates, String... allowedRules) {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
        templates.forEach(t -> command.add(t.toString()));
        assertLintResultClean(run(command), templates, allowedRules);
    }

    /** The verdict on one cfn-lint run: no error but the allowed ones, and proof that it linted at all. */
    static void assertLintResultClean(Run run, Object template, String... allowedRules) {
        List<String> errors = new ArrayList<>();
        int errorLines = 0;
        for (String line : run.output().split("\n")) {
            String[] parts = line.split(":");
            if (parts.length >= 6 && parts[5].startsWith("E")) {
                errorLines++;
                if (!List.of(allowedRules).contains(parts[5])) {
                    errors.add(line);
                }
            }
        }
        // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational; anything else (1 for a usage
        // error or a crash) means it did not lint at all.
        assertThat(run.exitCode() & ~(2 | 4 | 8)).as("cfn-lint ran (exit %d, output: %s)", run.exitCode(),
                run.output()).isZero();
        if ((run.exitCode() & 2) != 0) {
            assertThat(errorLines).as("cfn-lint reported errors (exit %d) in a form this check cannot read: %s",
                    run.exitCode(), run.output()).isPositive();
        }
        assertThat(errors).as("cfn-lint errors in %s", template).isEmpty();
    }

    /** Asserts parity with a Serverless Framework 3.40.0 reference folder under src/test/resources/parity. */
    public static Run parity(Path ours, Path referenceDir, String minResources, String minLeaves) {
        Path script = Path.of("src/test/resources/parity/cfn-parity").toAbsolutePath();
        return run(List.of("python3", script.toString(), ours.toString(), referenceDir.toString(),
                "--min-resources", minResources, "--min-leaves", minLeaves));
    }
}
