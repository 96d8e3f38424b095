package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import java.util.List;

/**
 * {@code activemq} events: an event source mapping per queue of an Amazon MQ for ActiveMQ broker, reading the
 * broker's credentials from Secrets Manager, and the role statements Lambda needs to poll it (see
 * {@link BrokerEvents}).
 */
public final class ActiveMqEventCompiler implements EventCompiler {

    @Override
    public String type() {
        return "activemq";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        BrokerEvents.compile(context, events, BrokerEvents.Broker.ACTIVE_MQ);
    }
}
