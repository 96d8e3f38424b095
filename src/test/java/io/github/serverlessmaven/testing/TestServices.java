package io.github.serverlessmaven.testing;

import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds throw-away projects from a serverless.yml string and runs the real package pipeline on them. */
public final class TestServices {

    private TestServices() {}

    /** A fixed instant so S3 keys are stable in assertions. */
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00.000Z");

    /** Writes serverless.yml and a small target/app.jar into {@code dir}; returns the project directory. */
    public static Path project(Path dir, String yaml) {
        try {
            Files.createDirectories(dir.resolve("target"));
            Files.writeString(dir.resolve("serverless.yml"), yaml, StandardCharsets.UTF_8);
            Path jar = dir.resolve("target/app.jar");
            if (!Files.exists(jar)) {
                Files.write(jar, "not really a jar, but bytes to hash".getBytes(StandardCharsets.UTF_8));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProjectLayout layout(Path base) {
        return new ProjectLayout(base, base.resolve("target"), base.resolve("target/classes"), List.of(), null,
                Map.of(), new HashMap<>(Map.of("project.version", "1.0.0", "project.artifactId", "demo")), null);
    }

    public static PackageRequest request(Path base) {
        return new PackageRequest(layout(base), base.resolve("serverless.yml"), null, null, Map.of(), Map.of());
    }

    /** Packages the project and returns the result; warnings are collected into {@code warnings} if given. */
    public static PackageResult packageProject(Path base, List<String> warnings) {
        ServicePipeline pipeline = new ServicePipeline(collecting(warnings));
        PackageRequest request = request(base);
        return pipeline.packageService(request, pipeline.load(request), NOW);
    }

    /** Packages {@code yaml} in {@code dir} and returns the parsed update-stack template. */
    public static Map<String, Object> compile(Path dir, String yaml) {
        project(dir, yaml);
        PackageResult result = packageProject(dir, new ArrayList<>());
        return Templates.read(result.updateStackTemplate());
    }

    public static Log collecting(List<String> warnings) {
        return collecting(null, warnings);
    }

    /** A log that adds info lines to {@code infos} and warnings to {@code warnings} (either may be null). */
    public static Log collecting(List<String> infos, List<String> warnings) {
        return new Log() {
            @Override
            public void info(String message) {
                if (infos != null) {
                    infos.add(message);
                }
            }

            @Override
            public void warn(String message) {
                if (warnings != null) {
                    warnings.add(message);
                }
            }

            @Override
            public void debug(String message) {}
        };
    }
}
