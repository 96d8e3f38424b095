package io.github.serverlessmaven.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every broken configuration under src/test/resources/bad/ fails with exactly the message in its
 * {@code .expected} file: a ConfigException (so the build shows a message, never a stack trace).
 * Set {@code -Dbad.record=true} to (re)write the .expected files from the current messages, then review them.
 */
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> eachBrokenConfigurationFailsWithItsMessage() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(CORPUS)) {
            cases = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private void check(Path file) throws Exception {
        String name = file.getFileName().toString().replace(".yml", "");
        Path project = Files.createDirectories(work.resolve(name));
        TestServices.project(project, "");
        Files.copy(file, project.resolve("serverless.yml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path expectedFile = CORPUS.resolve(name + ".expected");
        // A guard against hanging, not a speed measurement: an alias bomb or a variable cycle must fail, not run on.
        String message = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                TestServices.packageProject(project, new ArrayList<>());
            } catch (ConfigException e) {
                return e.getMessage().replace(project.toString(), "<project>");
            }
            return fail(name + ": expected a configuration error, but packaging succeeded");
        });
        if (Boolean.getBoolean("bad.record")) {
            Files.writeString(expectedFile, message + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedFile).as("expected message file for " + name).exists();
        assertThat(message).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8).stripTrailing());
    }
}
