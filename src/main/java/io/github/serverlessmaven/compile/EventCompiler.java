package io.github.serverlessmaven.compile;

import java.util.List;

/**
 * Compiles all events of one type across the service. A compiler sees every event of its type at once
 * because some types share resources between functions (one REST API, one HTTP API, one topic).
 */
public interface EventCompiler {

    /** The event key in serverless.yml, such as {@code http}. */
    String type();

    /** Adds this type's resources, permissions, role statements and outputs; events are in config order. */
    void compile(CompileContext context, List<FunctionEvent> events);
}
