package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.naming.Naming;
import java.util.List;

/**
 * {@code alexaSkill} events: one {@code <Fn>LambdaPermissionAlexaSkill<N>} per event, principal
 * {@code alexa-appkit.amazon.com}. The deprecated bare {@code - alexaSkill} (no appId), for which v3 writes
 * nothing, is rejected when the events are parsed.
 */
public final class AlexaSkillEventCompiler implements EventCompiler {

    @Override
    public String type() {
        return "alexaSkill";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        AlexaPermissions.compile(context, events, "alexa-appkit.amazon.com",
                Naming::alexaSkillPermissionLogicalId);
    }
}
