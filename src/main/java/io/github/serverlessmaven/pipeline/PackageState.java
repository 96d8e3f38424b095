package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * {@code serverless-state.json}: what one package run produced (service, stage, region, the S3 folder its template
 * points into, and each artifact with its digest), so that {@code deploy -Dserverless.package=<dir>} can deploy
 * exactly that.
 */
public final class PackageState {

    public static final String FILE = "serverless-state.json";

    private PackageState() {}

    static void write(Path outputDir, Service service, Map<String, Artifact> artifacts, String directory)
            throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        for (Artifact artifact : new LinkedHashSet<>(artifacts.values())) {
            // Relative to the state file, so the directory can be moved together with the artifacts it names.
            String path = outputDir.toAbsolutePath().relativize(artifact.file().toAbsolutePath()).toString()
                    .replace('\\', '/');
            files.put(artifact.keyName(), Cfn.map("path", path, "sha256", artifact.sha256Base64()));
        }
        Map<String, Object> state = Cfn.map("service", service.name(), "stage", service.stage(), "region",
                service.region(), "stackName", service.stackName(), "artifactDirectoryName", directory,
                "artifacts", files);
        Files.writeString(outputDir.resolve(FILE), Json.pretty(state), StandardCharsets.UTF_8);
    }
}
