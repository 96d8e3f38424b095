package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.project.ProjectLayout;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One run of the package pipeline.
 *
 * @param configFile serverless.yml
 * @param stage {@code serverless.stage} or null
 * @param region {@code serverless.region} or null
 * @param options {@code ${opt:...}} values beyond stage and region
 * @param env the environment, for {@code ${env:...}}
 * @param secretEnv environment variables the build names as secret ({@code serverless.secretEnv}), beside those
 *     whose names say so
 */
public record PackageRequest(
        ProjectLayout project,
        Path configFile,
        String stage,
        String region,
        Map<String, String> options,
        Map<String, String> env,
        Set<String> secretEnv) {

    public PackageRequest(ProjectLayout project, Path configFile, String stage, String region,
            Map<String, String> options, Map<String, String> env) {
        this(project, configFile, stage, region, options, env, Set.of());
    }
}
