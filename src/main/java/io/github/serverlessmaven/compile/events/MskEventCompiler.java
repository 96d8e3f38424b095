package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import java.util.List;

/** {@code msk} events: not compiled yet; reported as such rather than corrected to another event name. */
public final class MskEventCompiler implements EventCompiler {

    @Override
    public String type() {
        return "msk";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        FunctionEvent first = events.get(0);
        throw new ConfigException(first.event().position(), first.event().path(), "the 'msk' event of the "
                + "Serverless Framework is not supported by this plugin yet", "declare the event source mapping or "
                + "trigger under resources.Resources");
    }
}
