package io.github.serverlessmaven.variables;

import java.nio.file.Path;
import java.util.Map;

/**
 * What variable sources may read.
 *
 * @param options {@code ${opt:x}}: stage, region and any {@code -Dserverless.opt.x}
 * @param env {@code ${env:X}}
 * @param mavenProperties {@code ${maven:project.version}}
 * @param baseDir where {@code ${file(./x.yml)}} paths resolve
 * @param extraSources sources added at deploy time (ssm, cf, s3, aws), by name
 * @param secretEnv which environment variables hold secrets
 */
public record VariableContext(
        Map<String, String> options,
        Map<String, String> env,
        Map<String, String> mavenProperties,
        Path baseDir,
        Map<String, VariableSource> extraSources,
        SecretEnvironment secretEnv) {

    /** Environment variables count as secret by their names only. */
    public VariableContext(Map<String, String> options, Map<String, String> env, Map<String, String> mavenProperties,
            Path baseDir, Map<String, VariableSource> extraSources) {
        this(options, env, mavenProperties, baseDir, extraSources, SecretEnvironment.byNameOnly());
    }
}
