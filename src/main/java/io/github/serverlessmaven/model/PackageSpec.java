package io.github.serverlessmaven.model;

import io.github.serverlessmaven.config.Position;
import java.util.List;

/**
 * {@code package:} at service or function level.
 *
 * @param artifact a ready-made file relative to the project directory, or null to let the plugin build a zip
 * @param module {@code groupId:artifactId[:classifier]} of the Maven module whose packaged file deploys, or null
 * @param modulePosition where {@code module} is written (its position in the configuration)
 */
public record PackageSpec(String artifact, List<String> patterns, boolean individually, Position position,
        String module, Position modulePosition) {

    public PackageSpec(String artifact, List<String> patterns, boolean individually, Position position) {
        this(artifact, patterns, individually, position, null, position);
    }

    public static PackageSpec none(Position position) {
        return new PackageSpec(null, List.of(), false, position);
    }
}
