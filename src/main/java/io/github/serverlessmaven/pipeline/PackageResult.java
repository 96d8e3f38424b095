package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.model.Service;
import java.nio.file.Path;
import java.util.Map;

/** What {@code package} produced: the model, where the files went, and the artifact of each function. */
public record PackageResult(
        Service service,
        Path outputDir,
        Path createStackTemplate,
        Path updateStackTemplate,
        Map<String, Artifact> artifacts,
        String artifactDirectoryName) {}
