package io.github.serverlessmaven.model;

import io.github.serverlessmaven.config.MapNode;
import java.util.List;
import java.util.Map;

/**
 * The whole service after variables are resolved and the configuration validated.
 *
 * @param resources the {@code resources:} block as plain values (Resources, Outputs, Conditions, extensions ...)
 * @param root the resolved configuration tree, for anything read outside the core model
 * @param secretPaths configuration paths whose values came from secret variable sources (never print them)
 */
public record Service(
        String name,
        String frameworkVersion,
        Provider provider,
        Map<String, FunctionDef> functions,
        PackageSpec packageSpec,
        Map<String, Object> custom,
        Map<String, Object> resources,
        List<String> plugins,
        MapNode root,
        String configFile,
        java.util.Set<String> secretPaths) {

    public Service {
        secretPaths = java.util.Set.copyOf(secretPaths);
    }

    /** The same service, knowing which paths hold secrets. */
    public Service withSecretPaths(java.util.Set<String> paths) {
        return new Service(name, frameworkVersion, provider, functions, packageSpec, custom, resources, plugins, root,
                configFile, paths);
    }

    /** The same service with other function definitions (in the same order, under the same keys). */
    public Service withFunctions(Map<String, FunctionDef> replaced) {
        return new Service(name, frameworkVersion, provider, replaced, packageSpec, custom, resources, plugins, root,
                configFile, secretPaths);
    }

    public String stage() {
        return provider.stage();
    }

    public String region() {
        return provider.region();
    }

    public String stackName() {
        return provider.stackName() != null ? provider.stackName() : name + "-" + provider.stage();
    }
}
