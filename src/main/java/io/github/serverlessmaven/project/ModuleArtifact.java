package io.github.serverlessmaven.project;

import java.nio.file.Path;

/**
 * A file another module of the Maven build provides, for {@code package.module}. The Mojo lists every module of
 * the reactor and every resolved dependency this way, keyed by {@code groupId:artifactId} (the packaged file)
 * and {@code groupId:artifactId:classifier} (an attached or classified file); the core picks what the
 * configuration names.
 *
 * @param coordinates {@code groupId:artifactId} or {@code groupId:artifactId:classifier}
 * @param file the file, or null when the module is in the reactor but was not packaged before this module
 * @param origin where the file comes from, for the log line (e.g. "packaged by the reactor module
 *     orders-function in this build")
 */
public record ModuleArtifact(String coordinates, Path file, String origin) {}
