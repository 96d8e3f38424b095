package io.github.serverlessmaven.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The facts about the build that the core needs, taken from Maven by the Mojo (or made up by a test).
 *
 * @param baseDir the project directory; relative paths in the configuration resolve against it
 * @param buildDir {@code target}
 * @param classesDir compiled classes and resources ({@code target/classes}), may not exist
 * @param runtimeJars runtime-scope dependency jars, in classpath order
 * @param mainArtifact the project's own packaged file if Maven built one, else null
 * @param attachedArtifacts attached artifacts by classifier (e.g. {@code aws}, {@code shaded})
 * @param properties Maven project and user properties, for {@code ${maven:...}}
 * @param outputTimestamp {@code project.build.outputTimestamp} or null
 * @param modules files of the other reactor modules and of resolved dependencies, by
 *     {@code groupId:artifactId[:classifier]}, for {@code package.module}
 */
public record ProjectLayout(
        Path baseDir,
        Path buildDir,
        Path classesDir,
        List<Path> runtimeJars,
        Path mainArtifact,
        Map<String, Path> attachedArtifacts,
        Map<String, String> properties,
        String outputTimestamp,
        Map<String, ModuleArtifact> modules) {

    public ProjectLayout {
        modules = modules == null ? Map.of() : Map.copyOf(modules);
    }

    /** A project that knows no other module (a single-module build, or a test). */
    public ProjectLayout(Path baseDir, Path buildDir, Path classesDir, List<Path> runtimeJars, Path mainArtifact,
            Map<String, Path> attachedArtifacts, Map<String, String> properties, String outputTimestamp) {
        this(baseDir, buildDir, classesDir, runtimeJars, mainArtifact, attachedArtifacts, properties,
                outputTimestamp, Map.of());
    }

    public Path outputDir() {
        return buildDir.resolve("serverless");
    }
}
