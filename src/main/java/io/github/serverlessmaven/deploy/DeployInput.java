package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.model.Service;
import java.nio.file.Path;
import java.util.List;

/**
 * What one deploy sends: the service model, both templates as written by package, the S3 folder the template's
 * code keys point into, and the artifacts.
 *
 * @param outputDir {@code target/serverless}, where the deploy report goes
 */
public record DeployInput(
        Service service,
        String createStackTemplate,
        String updateStackTemplate,
        String artifactDirectoryName,
        List<LocalArtifact> artifacts,
        Path outputDir) {}
