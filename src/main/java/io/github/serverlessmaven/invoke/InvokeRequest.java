package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.project.ProjectLayout;
import java.util.List;
import java.util.Map;

/**
 * One local invocation.
 *
 * @param functionKey the key under {@code functions:}
 * @param environmentOverrides {@code -Dserverless.env.NAME=value}; win over the configured environment
 * @param jvmArgs extra arguments for the forked JVM (e.g. a debugger agent)
 * @param timeoutSeconds replaces the function's timeout (e.g. while stopped in a debugger), or null
 */
public record InvokeRequest(
        Service service,
        ProjectLayout project,
        String functionKey,
        EventInput event,
        Map<String, String> environmentOverrides,
        List<String> jvmArgs,
        Integer timeoutSeconds) {}
