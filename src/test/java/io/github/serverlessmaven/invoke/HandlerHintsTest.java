package io.github.serverlessmaven.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerHintsTest {

    @TempDir
    Path dir;

    private FunctionDef fn;

    @BeforeEach
    void load() {
        TestServices.project(dir, """
                service: demo
                provider:
                  name: aws
                functions:
                  hello:
                    handler: com.example.api.Greeter::greet
                """);
        Service service = new ServicePipeline(Log.NONE).load(TestServices.request(dir));
        fn = service.functions().get("hello");
    }

    private String hint(String kind, String message, List<String> candidates) {
        return HandlerHints.lookupError(fn, TestServices.layout(dir), Map.of("kind", kind, "message", message,
                "candidates", candidates)).getMessage();
    }

    @Test
    void aClassInAnotherPackageIsFoundBySimpleName() throws IOException {
        Path classes = dir.resolve("target/classes/com/example/handlers");
        Files.createDirectories(classes);
        Files.write(classes.resolve("Greeter.class"), new byte[0]);
        Files.write(classes.resolve("Greeter$Inner.class"), new byte[0]);

        assertThat(hint("CLASS_NOT_FOUND", "class com.example.api.Greeter was not found on the classpath", List.of()))
                .isEqualTo("serverless.yml:6:14: at 'functions.hello.handler': handler class com.example.api.Greeter "
                        + "was not found in the compiled classes or the runtime dependencies, perhaps you should "
                        + "write 'handler: com.example.handlers.Greeter::greet' (the closest class in target/classes)");
    }

    @Test
    void withoutCompiledClassesTheFixIsToCompile() {
        assertThat(hint("CLASS_NOT_FOUND", "not found", List.of()))
                .endsWith("perhaps you should compile the project first (mvn compile serverless:invoke-local)");
    }

    @Test
    void methodHintsDependOnWhatIsWrong() {
        assertThat(hint("METHOD_NOT_FOUND", "method greet of com.example.api.Greeter is not public", List.of("run")))
                .endsWith("is not public, perhaps you should make greet public");
        assertThat(hint("METHOD_NOT_FOUND", "method greet of com.example.api.Greeter takes (int, int, int); a "
                + "handler takes ...", List.of("greet")))
                .endsWith("perhaps you should give greet one of those parameter lists");
        assertThat(hint("METHOD_NOT_FOUND", "class com.example.api.Greeter has no public method greet",
                List.of("handle", "close")))
                .endsWith("perhaps you should name one of its public methods: handle, close");
        assertThat(hint("METHOD_NOT_FOUND", "class com.example.api.Greeter has no public method greet",
                List.of("greets")))
                .endsWith("perhaps you should write 'handler: com.example.api.Greeter::greets'");
    }
}
