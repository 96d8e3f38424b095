package io.github.serverlessmaven.packaging;

import java.nio.file.Path;
import java.util.List;

/**
 * Which file a function deploys and why.
 *
 * @param file the existing file, or where the plugin-built zip goes
 * @param reason why this file, for the one log line per artifact
 * @param zipPatterns for a plugin-built zip: the function's own patterns (packaged individually), else empty
 */
public record ArtifactChoice(Kind kind, Path file, String reason, List<String> zipPatterns) {

    public enum Kind {
        /** package.artifact, function- or service-level. */
        EXPLICIT,
        /** package.module: the packaged file of another module of the Maven build. */
        MODULE,
        /** An artifact attached to the Maven build under the configured classifier. */
        CLASSIFIER,
        /** A framework's own deployable, such as Quarkus's target/function.zip. */
        FRAMEWORK,
        /** The plugin builds a zip from the classes and runtime jars. */
        BUILT_ZIP
    }

    public boolean built() {
        return kind == Kind.BUILT_ZIP;
    }
}
