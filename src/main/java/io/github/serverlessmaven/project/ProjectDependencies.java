package io.github.serverlessmaven.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The project's resolved dependencies, asked for only by what needs them: the zip the plugin builds (its
 * {@code lib/}) and {@code package.module}. Resolving a Java project's dependency tree on a cold JVM costs up to
 * a second, which a service deploying its own shaded jar should not pay.
 *
 * @param runtimeJars compile- and runtime-scope dependency jars, in classpath order
 * @param modules files of the other reactor modules and of resolved dependencies, by
 *     {@code groupId:artifactId[:classifier]}
 */
public record ProjectDependencies(List<Path> runtimeJars, Map<String, ModuleArtifact> modules) {

    public ProjectDependencies {
        runtimeJars = runtimeJars == null ? List.of() : List.copyOf(runtimeJars);
        modules = modules == null ? Map.of() : Map.copyOf(modules);
    }

    /** Resolves once, on the first call (after a failure, the next call tries again). */
    public static Supplier<ProjectDependencies> once(Supplier<ProjectDependencies> resolve) {
        return new Supplier<>() {
            private ProjectDependencies resolved;

            @Override
            public synchronized ProjectDependencies get() {
                if (resolved == null) {
                    resolved = resolve.get();
                }
                return resolved;
            }
        };
    }
}
