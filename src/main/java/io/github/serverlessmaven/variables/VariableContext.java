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
 */
public record VariableContext(
        Map<String, String> options,
        Map<String, String> env,
        Map<String, String> mavenProperties,
        Path baseDir,
        Map<String, VariableSource> extraSources) {}
