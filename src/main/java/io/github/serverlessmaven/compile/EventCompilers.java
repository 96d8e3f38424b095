package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.compile.events.AlbEventCompiler;
import io.github.serverlessmaven.compile.events.CloudWatchLogEventCompiler;
import io.github.serverlessmaven.compile.events.CognitoUserPoolEventCompiler;
import io.github.serverlessmaven.compile.events.EventBridgeEventCompiler;
import io.github.serverlessmaven.compile.events.HttpApiEventCompiler;
import io.github.serverlessmaven.compile.events.HttpEventCompiler;
import io.github.serverlessmaven.compile.events.IotEventCompiler;
import io.github.serverlessmaven.compile.events.S3EventCompiler;
import io.github.serverlessmaven.compile.events.ScheduleEventCompiler;
import io.github.serverlessmaven.compile.events.SnsEventCompiler;
import io.github.serverlessmaven.compile.events.SqsEventCompiler;
import io.github.serverlessmaven.compile.events.StreamEventCompiler;
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
                new ScheduleEventCompiler(),
                new S3EventCompiler(),
                new HttpEventCompiler(),
                new WebsocketEventCompiler(),
                new SnsEventCompiler(),
                new StreamEventCompiler(),
                new AlbEventCompiler(),
                new IotEventCompiler(),
                new CloudWatchLogEventCompiler(),
                new CognitoUserPoolEventCompiler(),
                new EventBridgeEventCompiler(),
                new SqsEventCompiler(),
                new HttpApiEventCompiler())) {
            compilers.put(c.type(), c);
        }
        return compilers;
    }
}
