package io.github.serverlessmaven.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ProjectLayout;
import io.github.serverlessmaven.testing.TestServices;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small handlers at test time and invokes them in a forked JVM, as the goal does. */
class LocalInvokerTest {

    @TempDir
    static Path project;

    static ProjectLayout layout;
    static Service service;

    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = new ArrayList<>();

    static final String YAML = """
            service: demo
            provider:
              name: aws
              runtime: java17
              region: eu-west-1
              memorySize: 512
              environment:
                GREETING: Hello
                TABLE: { Ref: OrdersTable }
            functions:
              hello:
                handler: example.Hello
                environment:
                  PUNCTUATION: "!"
              person:
                handler: example.People::describe
              stream:
                handler: example.Upper
              length:
                handler: example.Plain::length
              boom:
                handler: example.Boom
              slow:
                handler: example.Slow
                timeout: 1
              sqs:
                handler: example.Queue
              misspelledClass:
                handler: example.Helo
              misspelledMethod:
                handler: example.People::describ
              dottedMethod:
                handler: example.People.describe
              exits:
                handler: example.Exits
              future:
                handler: example.Plain::length
                runtime: java99
              needsMissing:
                handler: example.NeedsMissing
              badInit:
                handler: example.BadInit::handle
              container:
                image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:%s
            """.formatted("c".repeat(64));

    static final Map<String, String> SOURCES = Map.of(
            "example/Hello.java", """
                    package example;
                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;
                    import java.util.Map;
                    public class Hello implements RequestHandler<Map<String, Object>, String> {
                        @Override
                        public String handleRequest(Map<String, Object> event, Context context) {
                            System.out.println("handling " + event.get("name"));
                            context.getLogger().log("remaining>0=" + (context.getRemainingTimeInMillis() > 0));
                            return System.getenv("GREETING") + " " + event.get("name") + System.getenv("PUNCTUATION")
                                    + " from " + context.getFunctionName() + "/" + context.getMemoryLimitInMB()
                                    + "/" + System.getenv("AWS_REGION") + "/" + System.getenv("TABLE");
                        }
                    }
                    """,
            "example/People.java", """
                    package example;
                    import java.util.Map;
                    public class People {
                        public static class Person {
                            private String name;
                            private int age;
                            public void setName(String name) { this.name = name; }
                            public void setAge(int age) { this.age = age; }
                        }
                        public record Description(String text, boolean adult) {}
                        public Description describe(Person person) {
                            return new Description(person.name + " is " + person.age, person.age >= 18);
                        }
                    }
                    """,
            "example/Upper.java", """
                    package example;
                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                    import java.io.*;
                    import java.nio.charset.StandardCharsets;
                    public class Upper implements RequestStreamHandler {
                        @Override
                        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
                            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            out.write(text.toUpperCase().getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    """,
            "example/Plain.java", """
                    package example;
                    public class Plain {
                        public static int length(String text) { return text.length(); }
                    }
                    """,
            "example/Boom.java", """
                    package example;
                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;
                    public class Boom implements RequestHandler<Object, Object> {
                        @Override
                        public Object handleRequest(Object event, Context context) {
                            return fail();
                        }
                        private Object fail() {
                            throw new IllegalStateException("boom", new IllegalArgumentException("root cause"));
                        }
                    }
                    """,
            "example/Slow.java", """
                    package example;
                    public class Slow {
                        public String handleRequest(Object event) throws InterruptedException {
                            System.out.println("sleeping");
                            Thread.sleep(30_000);
                            return "woke up";
                        }
                    }
                    """,
            "example/Queue.java", """
                    package example;
                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;
                    import com.amazonaws.services.lambda.runtime.events.SQSEvent;
                    import java.util.List;
                    import java.util.stream.Collectors;
                    public class Queue implements RequestHandler<SQSEvent, List<String>> {
                        @Override
                        public List<String> handleRequest(SQSEvent event, Context context) {
                            return event.getRecords().stream().map(m -> m.getMessageId() + ":" + m.getBody())
                                    .collect(Collectors.toList());
                        }
                    }
                    """,
            "example/Exits.java", """
                    package example;
                    public class Exits {
                        public void handleRequest(Object event) { System.exit(7); }
                    }
                    """,
            "example/BadInit.java", """
                    package example;
                    public class BadInit {
                        static final String TABLE = table();
                        static String table() { throw new IllegalStateException("TABLE is not set"); }
                        public static String handle(Object event) { return TABLE; }
                    }
                    """,
            "example/NeedsMissing.java", """
                    package example;
                    public class NeedsMissing {
                        public String handleRequest(missing.Dependency event) { return "never"; }
                    }
                    """);

    /** Compiled beside the project but left off its runtime classpath, like a provided-scope library. */
    static final String MISSING_DEPENDENCY = """
            package missing;
            public class Dependency {}
            """;

    @BeforeAll
    static void compileHandlers() throws IOException {
        TestServices.project(project, YAML);
        Path sources = project.resolve("src/main/java");
        Path classes = project.resolve("target/classes");
        Files.createDirectories(classes);
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path providedClasses = project.resolve("provided-classes");
        Path missing = sources.resolve("missing/Dependency.java");
        Files.createDirectories(missing.getParent());
        Files.writeString(missing, MISSING_DEPENDENCY, StandardCharsets.UTF_8);
        assertThat(javac.run(null, null, null, "-d", providedClasses.toString(), missing.toString())).isZero();

        List<Path> jars = lambdaJars();
        List<String> compileClasspath = new ArrayList<>();
        jars.forEach(jar -> compileClasspath.add(jar.toString()));
        compileClasspath.add(providedClasses.toString());
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                String.join(File.pathSeparator, compileClasspath)));
        args.addAll(files);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        ProjectLayout base = TestServices.layout(project);
        layout = new ProjectLayout(base.baseDir(), base.buildDir(), classes, jars, null, Map.of(),
                base.properties(), null);
        PackageRequest request = new PackageRequest(layout, project.resolve("serverless.yml"), null, null, Map.of(),
                Map.of());
        service = new ServicePipeline(Log.NONE).load(request);
    }

    /** aws-lambda-java-core, -events and joda-time, as a user's project has them at runtime scope. */
    static List<Path> lambdaJars() {
        List<Path> jars = new ArrayList<>();
        for (Class<?> type : List.of(Context.class, SQSEvent.class, org.joda.time.DateTime.class)) {
            try {
                jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return jars;
    }

    private InvokeResult invoke(String function, EventInput event, Map<String, String> overrides) {
        return invoke(function, event, overrides, null);
    }

    private InvokeResult invoke(String function, EventInput event, Map<String, String> overrides, Integer timeout) {
        return new LocalInvoker(TestServices.collecting(warnings), out::add, err::add)
                .invoke(new InvokeRequest(service, layout, function, event, overrides,
                        List.of("-XX:TieredStopAtLevel=1"), timeout));
    }

    private InvokeResult invoke(String function, String data) {
        return invoke(function, new EventInput(data, null, null), Map.of());
    }

    @Test
    void requestHandlerGetsAMapTheEnvironmentAndAContext() {
        InvokeResult result = invoke("hello", new EventInput("{\"name\":\"Ada\"}", null, null),
                Map.of("TABLE", "orders-local"));

        assertThat(result.raw()).isFalse();
        assertThat(result.value()).isEqualTo("Hello Ada! from demo-dev-hello/512/eu-west-1/orders-local");
        assertThat(result.render()).isEqualTo("\"Hello Ada! from demo-dev-hello/512/eu-west-1/orders-local\"");
        assertThat(out).containsExactly("handling Ada");
        assertThat(err).contains("remaining>0=true");
        assertThat(warnings).isEmpty();
    }

    @Test
    void cloudFormationValuedVariablesAreLeftOutWithAWarning() {
        InvokeResult result = invoke("hello", "{\"name\":\"Bo\"}");

        assertThat(result.value()).isEqualTo("Hello Bo! from demo-dev-hello/512/eu-west-1/null");
        assertThat(warnings).singleElement().asString().contains("environment variable TABLE of function hello is "
                + "a CloudFormation expression").contains("-Dserverless.env.TABLE=value");
    }

    @Test
    void pojoInputAndRecordOutput() {
        InvokeResult result = invoke("person", "{\"name\":\"Grace\",\"age\":85}");

        assertThat(result.value()).isEqualTo(Map.of("text", "Grace is 85", "adult", true));
    }

    @Test
    void streamHandlerGetsTheRawEventAndItsOutputIsTheResult() {
        InvokeResult result = invoke("stream", "{\"word\":\"shout\"}");

        assertThat(result.value()).isEqualTo(Map.of("WORD", "SHOUT"));
    }

    @Test
    void plainStaticMethodWithNonJsonDataGetsAString() {
        assertThat(invoke("length", "abcd").value()).isEqualTo(4);
    }

    @Test
    void aLambdaJavaNewerThanTheRunningJvmIsWarnedAbout() {
        assertThat(invoke("future", new EventInput("\"ab\"", null, null), Map.of("TABLE", "t")).value())
                .isEqualTo(2);
        assertThat(warnings).containsExactly("function future runs on java99 in Lambda, but invoke-local uses Java "
                + Runtime.version().feature() + " (the JVM running Maven); perhaps you should run Maven with JDK 99");
    }

    @Test
    void anImageFunctionIsRefusedWithTheWaysToRunIt() {
        assertThatThrownBy(() -> invoke("container", "{}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("at 'functions.container.image': invoke-local runs handlers from the "
                        + "project's classes, but 'container' is a container image function")
                .hasMessageContaining("serverless:invoke");
    }

    @Test
    void sampleEventsBecomeAwsEventTypes() {
        InvokeResult result = invoke("sqs", new EventInput(null, null, "sqs"), Map.of());

        assertThat(result.value()).isEqualTo(List.of("059f36b4-87a3-44ab-83d2-661975830a7d:{\"hello\":\"world\"}"));
    }

    @Test
    void eventFromAFile() throws IOException {
        Files.writeString(project.resolve("event.json"), "{\"name\":\"Lin\",\"age\":12}");

        InvokeResult result = invoke("person", new EventInput(null, "event.json", null), Map.of());

        assertThat(result.value()).isEqualTo(Map.of("text", "Lin is 12", "adult", false));
    }

    @Test
    void aThrowingHandlerFailsWithItsExceptionAndOwnFrames() {
        assertThatThrownBy(() -> invoke("boom", "{}"))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageStartingWith("Function 'boom' failed: java.lang.IllegalStateException: boom\n"
                        + "    at example.Boom.fail(Boom.java:10)\n"
                        + "    at example.Boom.handleRequest(Boom.java:7)")
                .hasMessageContaining("Caused by: java.lang.IllegalArgumentException: root cause")
                .message().doesNotContain("io.github.serverlessmaven").doesNotContain("java.lang.reflect");
    }

    @Test
    void aFailingStaticInitialiserIsReportedAsAnInitFailure() {
        assertThatThrownBy(() -> invoke("badInit", "{}"))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessage("Function 'badInit' failed while initialising its handler example.BadInit::handle: "
                        + "java.lang.IllegalStateException: TABLE is not set\n"
                        + "    at example.BadInit.table(BadInit.java:4)\n"
                        + "    at example.BadInit.<clinit>(BadInit.java:3)");
    }

    @Test
    void aHandlerRunningPastItsTimeoutIsStopped() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> invoke("slow", "{}"))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageStartingWith("Function 'slow' timed out after 1 second (its timeout); the handler's JVM "
                        + "was stopped. Perhaps you should raise 'timeout' of functions.slow");
        // Stopped, not waited for: the handler sleeps for 30 seconds.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
        assertThat(out).containsExactly("sleeping");
    }

    @Test
    void theTimeoutCanBeReplacedForOneInvocation() {
        assertThatThrownBy(() -> invoke("slow", EventInput.none(), Map.of(), 2))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageStartingWith("Function 'slow' timed out after 2 seconds (-Dserverless.timeout)");
        assertThatThrownBy(() -> invoke("slow", EventInput.none(), Map.of(), 0))
                .isInstanceOf(ConfigException.class)
                .hasMessage("-Dserverless.timeout: the timeout must be at least 1 second, found 0, perhaps you should "
                        + "pass a number of seconds, e.g. -Dserverless.timeout=900");
    }

    @Test
    void aMissingClassNamesTheClosestCompiledClass() {
        assertThatThrownBy(() -> invoke("misspelledClass", "{}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:29:14: at 'functions.misspelledClass.handler': handler class example.Helo "
                        + "was not found in the compiled classes or the runtime dependencies, perhaps you should "
                        + "write 'handler: example.Hello' (the closest class in target/classes)");
    }

    @Test
    void aMissingMethodNamesTheClosestMethod() {
        assertThatThrownBy(() -> invoke("misspelledMethod", "{}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:31:14: at 'functions.misspelledMethod.handler': class example.People has "
                        + "no public method describ, perhaps you should write 'handler: example.People::describe'");
    }

    @Test
    void aDotBeforeTheMethodIsCorrectedToDoubleColon() {
        assertThatThrownBy(() -> invoke("dottedMethod", "{}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("class example.People.describe was not found on the classpath")
                .hasMessageEndingWith("perhaps you should write 'handler: example.People::describe'");
    }

    @Test
    void anEventOfTheWrongShapeIsAConfigurationError() {
        assertThatThrownBy(() -> invoke("length", "{\"not\":\"a string\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("-Dserverless.data: the event cannot be passed to example.Plain::length as "
                        + "java.lang.String: at $: cannot turn a JSON object into java.lang.String, perhaps you "
                        + "should pass an event of that shape, or let the handler take a Map<String, Object> or an "
                        + "InputStream");
    }

    @Test
    void aHandlerThatEndsTheJvmIsReported() {
        assertThatThrownBy(() -> invoke("exits", "{}"))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageStartingWith("Function 'exits' ended its JVM with exit code 7 before returning");
    }

    @Test
    void aClassMissingFromTheRuntimeClasspathIsNamed() {
        assertThatThrownBy(() -> invoke("needsMissing", "{}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at 'functions.needsMissing.handler': class example.NeedsMissing cannot be "
                        + "loaded: java.lang.NoClassDefFoundError: missing/Dependency")
                .hasMessageEndingWith("perhaps you should add the library that holds the missing class to the "
                        + "project's dependencies (compile or runtime scope, not provided or test)");
    }

    @Test
    void anUnknownFunctionNamesTheClosest() {
        assertThatThrownBy(() -> invoke("helo", "{}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("there is no function 'helo'")
                .hasMessageEndingWith("perhaps you should write -Dserverless.function=hello");
    }
}
