package io.github.serverlessmaven.testing;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.deploy.DeployInputs;
import io.github.serverlessmaven.deploy.DeployOptions;
import io.github.serverlessmaven.deploy.DeployReport;
import io.github.serverlessmaven.deploy.Deployer;
import io.github.serverlessmaven.deploy.fixture.DemoHandler;
import io.github.serverlessmaven.packaging.Digests;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A one-function service in a temp directory, deployed to moto, every log line kept as "LEVEL message". */
public final class MotoProject {

    public static final String STACK = "demo-dev";
    public static final String FUNCTION = "demo-dev-hello";

    /**
     * The provider's extra keys go after {@code runtime}; the text after the handler line may hold hello's own keys
     * (indented by four), more functions (by two) or top-level sections (none).
     */
    private static final String YAML = """
            service: demo
            provider:
              name: aws
              runtime: java21
            %s
            functions:
              hello:
                handler: io.github.serverlessmaven.deploy.fixture.DemoHandler::handleRequest
            %s
            package:
              artifact: target/app.jar
            """;

    public final Path dir;
    public final List<String> lines = new CopyOnWriteArrayList<>();

    public MotoProject(Path dir) {
        this.dir = dir;
    }

    public void write(String jarContent) throws IOException {
        write("", "", jarContent);
    }

    public void write(String providerExtra, String afterHandler, String jarContent) throws IOException {
        writeYaml(providerExtra, afterHandler);
        writeJar(jarContent);
    }

    /** serverless.yml alone; an existing jar is kept. */
    public void writeYaml(String providerExtra, String afterHandler) {
        TestServices.project(dir, YAML.formatted(providerExtra, afterHandler));
    }

    public DeployReport deploy(AwsClients aws) {
        return deploy(aws, null, log(), options());
    }

    /** The deploy the Mojo runs (package, then Deployer) for {@code stage} (null: the file's or "dev"). */
    public DeployReport deploy(AwsClients aws, String stage, Log log, DeployOptions options) {
        PackageRequest request = new PackageRequest(TestServices.layout(dir), dir.resolve("serverless.yml"), stage,
                null, Map.of(), Map.of());
        return new Deployer(aws, log, options).deploy(DeployInputs.fromPackage(
                new ServicePipeline(log).packageService(request)));
    }

    public static DeployOptions options() {
        return options(false);
    }

    public static DeployOptions options(boolean force) {
        return new DeployOptions(force, Duration.ofSeconds(30), Duration.ofMillis(200));
    }

    public Log log() {
        return linesTo(lines::add);
    }

    /** A log that hands each line to {@code sink} as {@code "LEVEL message"}, the form {@link #lines} holds. */
    public static Log linesTo(java.util.function.Consumer<String> sink) {
        return new Log() {
            @Override
            public void info(String message) {
                sink.accept("INFO " + message);
            }

            @Override
            public void warn(String message) {
                sink.accept("WARN " + message);
            }

            @Override
            public void debug(String message) {
                sink.accept("DEBUG " + message);
            }
        };
    }

    public String codeSha256(AwsClients aws) {
        return aws.lambda().getFunction(r -> r.functionName(FUNCTION)).configuration().codeSha256();
    }

    public String jarSha256() {
        try {
            return Digests.sha256Base64(Files.readAllBytes(dir.resolve("target/app.jar")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real (tiny) jar: the handler class plus an entry holding {@code content}, so contents differ in digest. */
    public void writeJar(String content) throws IOException {
        writeJar(content, 0);
    }

    /** A jar as {@link #writeJar(String)} plus {@code randomBytes} of incompressible data (a slow upload). */
    public void writeJar(String content, int randomBytes) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        String handlerClass = DemoHandler.class.getName().replace('.', '/') + ".class";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("target/app.jar")));
                var bytes = DemoHandler.class.getClassLoader().getResourceAsStream(handlerClass)) {
            ZipEntry handler = new ZipEntry(handlerClass);
            handler.setTime(0);
            zip.putNextEntry(handler);
            bytes.transferTo(zip);
            zip.closeEntry();
            ZipEntry entry = new ZipEntry("demo/version.txt");
            entry.setTime(0);
            zip.putNextEntry(entry);
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            if (randomBytes > 0) {
                byte[] noise = new byte[randomBytes];
                new java.util.Random(content.hashCode()).nextBytes(noise);
                ZipEntry padding = new ZipEntry("demo/padding.bin");
                padding.setTime(0);
                zip.putNextEntry(padding);
                zip.write(noise);
                zip.closeEntry();
            }
        }
    }
}
