package io.github.serverlessmaven.project;

import io.github.serverlessmaven.project.ProjectLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProjectDependenciesTest {

    private static final Path BASE = Path.of("/project");

    @Test
    void resolvesOnlyWhenAskedAndThenOnce() {
        AtomicInteger resolutions = new AtomicInteger();
        ProjectLayout layout = new ProjectLayout(BASE, BASE.resolve("target"), BASE.resolve("target/classes"),
                ProjectDependencies.once(() -> {
                    resolutions.incrementAndGet();
                    return new ProjectDependencies(List.of(BASE.resolve("lib/a.jar")), Map.of("g:m",
                            new ModuleArtifact("g:m", BASE.resolve("m.jar"), "the dependency g:m:1")));
                }), null, Map.of(), Map.of(), null);

        assertThat(layout.outputDir()).isEqualTo(BASE.resolve("target/serverless"));
        assertThat(resolutions).hasValue(0);
        assertThat(layout.runtimeJars()).containsExactly(BASE.resolve("lib/a.jar"));
        assertThat(layout.modules()).containsOnlyKeys("g:m");
        assertThat(layout.runtimeJars()).hasSize(1);
        assertThat(resolutions).hasValue(1);
    }

    @Test
    void aFailedResolutionReachesTheCallerAndIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        var dependencies = ProjectDependencies.once(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the dependency x:y:1 could not be resolved");
            }
            return new ProjectDependencies(null, null);
        });

        assertThatThrownBy(dependencies::get).hasMessageContaining("x:y:1");
        assertThat(dependencies.get().runtimeJars()).isEmpty();
        assertThat(dependencies.get().modules()).isEmpty();
        assertThat(attempts).hasValue(2);
    }
}
