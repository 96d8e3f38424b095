package io.github.serverlessmaven.model;

import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Position;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code functions:}, with provider defaults already applied (runtime, memory, timeout,
 * environment and tags merged).
 *
 * @param key the key under {@code functions:}; logical IDs derive from it
 * @param name the physical function name
 * @param handler null for an image function
 * @param runtime null for an image function (the image holds its runtime)
 * @param image the container image, or null for a function deployed from a jar or zip
 * @param role null for the shared generated role; otherwise a role name, ARN or intrinsic
 * @param raw the function's resolved map, for function features compiled outside the core (url, destinations, ...)
 */
public record FunctionDef(
        String key,
        String name,
        String handler,
        String runtime,
        ImageSpec image,
        int memorySize,
        int timeout,
        String description,
        Map<String, Object> environment,
        Map<String, Object> tags,
        Object role,
        Object vpc,
        Object reservedConcurrency,
        Object provisionedConcurrency,
        boolean snapStart,
        List<Object> layers,
        String architecture,
        boolean disableLogs,
        Integer logRetentionInDays,
        boolean versionFunction,
        Object tracing,
        PackageSpec packageSpec,
        List<EventSpec> events,
        MapNode raw,
        String path,
        Position position) {

    /** A container image function: no artifact, handler or runtime of its own. */
    public boolean isImage() {
        return image != null;
    }

    /** The same function with another image (its tag looked up). */
    public FunctionDef withImage(ImageSpec pinned) {
        return new FunctionDef(key, name, handler, runtime, pinned, memorySize, timeout, description, environment,
                tags, role, vpc, reservedConcurrency, provisionedConcurrency, snapStart, layers, architecture,
                disableLogs, logRetentionInDays, versionFunction, tracing, packageSpec, events, raw, path, position);
    }
}
