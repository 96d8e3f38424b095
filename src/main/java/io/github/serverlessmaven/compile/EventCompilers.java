package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.compile.events.AlbEventCompiler;
import io.github.serverlessmaven.compile.events.HttpApiEventCompiler;
import io.github.serverlessmaven.compile.events.HttpEventCompiler;
import io.github.serverlessmaven.compile.events.WebsocketEventCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of event compilers, in the order v3 runs them. Add a new event type here. */
public final class EventCompilers {

    private EventCompilers() {}

    public static Map<String, EventCompiler> all() {
        Map<String, EventCompiler> compilers = new LinkedHashMap<>();
        for (EventCompiler c : List.<EventCompiler>of(
                new HttpEventCompiler(),
                new WebsocketEventCompiler(),
                new AlbEventCompiler(),
                new HttpApiEventCompiler())) {
            compilers.put(c.type(), c);
        }
        return compilers;
    }
}
