package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.compile.events.http.HttpEvent;
import io.github.serverlessmaven.compile.events.http.HttpEventParser;
import io.github.serverlessmaven.compile.events.http.RestApiBuilder;
import io.github.serverlessmaven.compile.events.http.RestApiSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * API Gateway REST API ({@code http} events), as Serverless Framework v3's api-gateway compiler writes it.
 * The parsing lives in {@link HttpEventParser}, the resources in {@link RestApiBuilder}.
 */
public final class HttpEventCompiler implements EventCompiler {

    @Override
    public String type() {
        return "http";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        RestApiSettings api = RestApiSettings.read(context);
        HttpEventParser parser = new HttpEventParser(context);
        List<HttpEvent> parsed = new ArrayList<>();
        for (FunctionEvent event : events) {
            parsed.add(parser.parse(event));
        }
        new RestApiBuilder(context, api, parsed).build();
    }
}
