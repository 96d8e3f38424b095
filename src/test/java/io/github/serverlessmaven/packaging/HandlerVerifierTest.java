package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.JavaSources;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerVerifierTest {

    @TempDir
    static Path dir;

    /** Compiled once: javac is the slow part. */
    @BeforeAll
    static void buildJar() throws Exception {
        Path classes = JavaSources.compile(dir.resolve("build"), Map.of(
                "com.example.Base", "package com.example; public abstract class Base {"
                        + " public String handleRequest(Object in, Object ctx) { return \"ok\"; } }",
                "com.example.Orders", "package com.example; public class Orders extends Base {"
                        + " public String list(Object in) { return \"[]\"; }"
                        + " private String secret(Object in) { return \"\"; } }"));
        Files.createDirectories(dir.resolve("target"));
        JavaSources.jar(classes, dir.resolve("target/app.jar"));
    }

    private static void packageWith(String handler) {
        TestServices.project(dir, """
                service: orders
                provider: { name: aws }
                package: { artifact: target/app.jar }
                functions:
                  orders:
                    handler: %s
                """.formatted(handler));
        TestServices.packageProject(dir, new ArrayList<>());
    }

    @Test
    void acceptsDeclaredAndInheritedMethods() {
        assertThatCode(() -> packageWith("com.example.Orders::list")).doesNotThrowAnyException();
        assertThatCode(() -> packageWith("com.example.Orders")).doesNotThrowAnyException();
    }

    @Test
    void missingClassSuggestsTheClosest() {
        assertThatThrownBy(() -> packageWith("com.example.Order::list"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:6:14: at 'functions.orders.handler': handler class 'com.example.Order' is "
                        + "not in app.jar, perhaps you should write 'com.example.Orders::list'");
    }

    @Test
    void missingMethodSuggestsTheClosest() {
        assertThatThrownBy(() -> packageWith("com.example.Orders::lst"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:6:14: at 'functions.orders.handler': class 'com.example.Orders' has no "
                        + "method 'lst', perhaps you should write 'com.example.Orders::list'");
    }

    @Test
    void privateMethodIsRefused() {
        assertThatThrownBy(() -> packageWith("com.example.Orders::secret"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("method 'com.example.Orders::secret' is not public");
    }

    @Test
    void abstractClassIsRefused() {
        assertThatThrownBy(() -> packageWith("com.example.Base"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("handler class 'com.example.Base' is abstract");
    }

    @Test
    void anArtifactThatIsNoZipOnlyWarns(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("target"));
        Files.writeString(other.resolve("target/app.jar"), "plain text");
        TestServices.project(other, "service: orders\nprovider: { name: aws }\npackage: { artifact: target/app.jar }\n"
                + "functions:\n  orders:\n    handler: com.example.Nope\n");
        List<String> warnings = new ArrayList<>();
        TestServices.packageProject(other, warnings);
        assertThat(warnings).contains("Cannot check the handler of function 'orders': app.jar is not a zip or jar");
    }

    @Test
    void aHandlerFoundInTheSameJarBeforeIsNotLookedUpAgain() throws Exception {
        packageWith("com.example.Orders::list");
        Path record = dir.resolve("target/" + VerifiedHandlers.FILE);
        String line = Files.readAllLines(record).stream().filter(l -> l.endsWith("\tcom.example.Orders::list"))
                .findFirst().orElseThrow();

        // Forge the record: the same jar content now claims a method it does not have. Only the record can pass it.
        Files.writeString(record, line.replace("::list", "::forged") + "\n");
        assertThatCode(() -> packageWith("com.example.Orders::forged")).doesNotThrowAnyException();
        assertThat(Files.readString(record)).isEqualTo(line.replace("::list", "::forged") + "\n");
    }

    @Test
    void aJarWithOtherContentIsCheckedAgain(@TempDir Path other) throws Exception {
        Path classes = JavaSources.compile(other.resolve("build"), Map.of(
                "com.example.Orders", "package com.example; public class Orders {"
                        + " public String list(Object in) { return \"[]\"; } }"));
        Files.createDirectories(other.resolve("target"));
        JavaSources.jar(classes, other.resolve("target/app.jar"));
        String yaml = "service: orders\nprovider: { name: aws }\npackage: { artifact: target/app.jar }\n"
                + "functions:\n  orders:\n    handler: com.example.Orders::list\n";
        TestServices.project(other, yaml);
        TestServices.packageProject(other, new ArrayList<>());

        Path emptyClasses = Files.createDirectories(other.resolve("empty/com/example"));
        Files.writeString(emptyClasses.resolve("README"), "no classes here");
        JavaSources.jar(other.resolve("empty"), other.resolve("target/app.jar"));
        assertThatThrownBy(() -> TestServices.packageProject(other, new ArrayList<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("handler class 'com.example.Orders' is not in app.jar");
    }
}
