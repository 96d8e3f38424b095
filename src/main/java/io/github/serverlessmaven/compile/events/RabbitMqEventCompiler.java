package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import java.util.List;

/**
 * {@code rabbitmq} events: as {@code activemq} (see {@link BrokerEvents}), plus the optional {@code virtualHost},
 * passed to Lambda as a second source access configuration.
 */
public final class RabbitMqEventCompiler implements EventCompiler {

    @Override
    public String type() {
        return "rabbitmq";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        BrokerEvents.compile(context, events, BrokerEvents.Broker.RABBIT_MQ);
    }
}
