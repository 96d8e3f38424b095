package io.github.serverlessmaven.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The facts about the build that the core needs, taken from Maven by the Mojo (or made up by a test).
 *
 * @param baseDir the project directory; relative paths in the configuration resolve against it
 * @param buildDir {@code target}
 * @param classesDir compiled classes and resources ({@code target/classes}), may not exist
 * @param dependencies the resolved dependencies, resolved when first asked for (see {@link ProjectDependencies})
 * @param mainArtifact the project's own packaged file if Maven built one, else null
 * @param attachedArtifacts attached artifacts by classifier (e.g. {@code aws}, {@code shaded})
 * @param properties Maven project and user properties, for {@code ${maven:...}}
 * @param outputTimestamp {@code project.build.outputTimestamp} or null
 */
public record ProjectLayout(
        Path baseDir,
        Path buildDir,
        Path classesDir,
        Supplier<ProjectDependencies> dependencies,
        Path mainArtifact,
        Map<String, Path> attachedArtifacts,
        Map<String, String> properties,
        String outputTimestamp) {

    /** A project whose dependencies are known up front (a test, or a goal Maven resolved them for). */
    public ProjectLayout(Path baseDir, Path buildDir, Path classesDir, List<Path> runtimeJars, Path mainArtifact,
            Map<String, Path> attachedArtifacts, Map<String, String> properties, String outputTimestamp,
            Map<String, ModuleArtifact> modules) {
        this(baseDir, buildDir, classesDir, known(new ProjectDependencies(runtimeJars, modules)), mainArtifact,
                attachedArtifacts, properties, outputTimestamp);
    }

    /** A project that knows no other module (a single-module build, or a test). */
    public ProjectLayout(Path baseDir, Path buildDir, Path classesDir, List<Path> runtimeJars, Path mainArtifact,
            Map<String, Path> attachedArtifacts, Map<String, String> properties, String outputTimestamp) {
        this(baseDir, buildDir, classesDir, runtimeJars, mainArtifact, attachedArtifacts, properties,
                outputTimestamp, Map.of());
    }

    /** Compile- and runtime-scope dependency jars, in classpath order; resolves them on first use. */
    public List<Path> runtimeJars() {
        return dependencies.get().runtimeJars();
    }

    /**
     * Files of the other reactor modules and of resolved dependencies, by {@code groupId:artifactId[:classifier]},
     * for {@code package.module}; resolves them on first use.
     */
    public Map<String, ModuleArtifact> modules() {
        return dependencies.get().modules();
    }

    public Path outputDir() {
        return buildDir.resolve("serverless");
    }

    private static Supplier<ProjectDependencies> known(ProjectDependencies dependencies) {
        return () -> dependencies;
    }
}
