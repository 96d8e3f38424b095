package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.PackageSpec;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.Log;
import io.github.serverlessmaven.pipeline.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chooses (or builds) the file each function deploys. (Foundation version: explicit artifacts only; the
 * reproducible zip comes next.)
 */
public final class ArtifactPackager {

    public Map<String, Artifact> prepare(Service service, ProjectLayout project, Log log) {
        Map<String, Artifact> out = new LinkedHashMap<>();
        Map<Path, Artifact> byFile = new LinkedHashMap<>();
        for (FunctionDef function : service.functions().values()) {
            PackageSpec spec = function.packageSpec().artifact() != null ? function.packageSpec()
                    : service.packageSpec();
            if (spec.artifact() == null) {
                throw new ConfigException(spec.position(), "package.artifact", "no artifact to deploy for function '"
                        + function.key() + "'", "set package.artifact");
            }
            Path file = project.baseDir().resolve(spec.artifact()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(spec.position(), "package.artifact", "the artifact '" + spec.artifact()
                        + "' does not exist (looked at " + file + ")",
                        "run 'mvn package' first, or set package.artifact to the file your build produces");
            }
            out.put(function.key(), byFile.computeIfAbsent(file, f -> new Artifact(f, Digests.sha256Base64(f))));
        }
        return out;
    }
}
