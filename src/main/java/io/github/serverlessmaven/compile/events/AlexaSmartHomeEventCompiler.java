package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.naming.Naming;
import java.util.List;

/** {@code alexaSmartHome} events: one {@code <Fn>LambdaPermissionAlexaSmartHome<N>} per event, principal
 * {@code alexa-connectedhome.amazon.com}. */
public final class AlexaSmartHomeEventCompiler implements EventCompiler {

    @Override
    public String type() {
        return "alexaSmartHome";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        AlexaPermissions.compile(context, events, "alexa-connectedhome.amazon.com",
                Naming::alexaSmartHomePermissionLogicalId);
    }
}
