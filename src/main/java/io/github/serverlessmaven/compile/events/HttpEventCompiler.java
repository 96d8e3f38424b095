package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import java.util.List;

/** API Gateway REST API ({@code http} events). */
public final class HttpEventCompiler implements EventCompiler {

    @Override
    public String type() {
        return "http";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        throw new UnsupportedOperationException("http events: not implemented yet");
    }
}
