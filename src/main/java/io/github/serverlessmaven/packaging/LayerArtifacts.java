package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The zip each entry of the top-level {@code layers:} deploys, from its {@code package.artifact}. Kept apart
 * from the function packager: a layer's artifact is always a ready-made file here.
 */
public final class LayerArtifacts {

    /** The layer artifacts by layer key, in configuration order; empty when the service has no layers. */
    public Map<String, Artifact> prepare(Service service, ProjectLayout project) {
        Map<String, Artifact> out = new LinkedHashMap<>();
        Node layersNode = service.root().get("layers");
        if (layersNode == null || !(layersNode instanceof MapNode)) {
            return out;
        }
        ConfigReader layers = ConfigReader.of(layersNode, "layers");
        DigestCache digests = DigestCache.in(project.buildDir());
        for (String key : layers.keys()) {
            ConfigReader layer = ConfigReader.of(layers.node().get(key), layers.childPath(key));
            String artifact = layer.optMap("package").flatMap(p -> p.optString("artifact")).orElse(null);
            if (artifact == null) {
                throw new ConfigException(layer.position(), layer.childPath("package.artifact"), "layer '" + key
                        + "' has no package.artifact; building a layer from 'path' is not supported",
                        "build the layer zip in Maven (for example with the assembly plugin) and set "
                                + "package.artifact to it");
            }
            Path file = project.baseDir().resolve(artifact).normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(layer.position(), layer.childPath("package.artifact"), "the layer "
                        + "artifact '" + artifact + "' does not exist (looked at " + file + ")",
                        "build it first, or fix the path");
            }
            out.put(key, new Artifact(file, digests.sha256Base64(file)));
        }
        digests.save();
        return out;
    }
}
