package io.github.serverlessmaven.model;

import io.github.serverlessmaven.config.Position;
import java.util.List;

/**
 * {@code package:} at service or function level.
 *
 * @param artifact a ready-made file relative to the project directory, or null to let the plugin build a zip
 */
public record PackageSpec(String artifact, List<String> patterns, boolean individually, Position position) {

    public static PackageSpec none(Position position) {
        return new PackageSpec(null, List.of(), false, position);
    }
}
