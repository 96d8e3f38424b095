package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.ops.DeployedFunctions;
import io.github.serverlessmaven.ops.LogsReader;
import io.github.serverlessmaven.ops.TimeSpec;
import io.github.serverlessmaven.pipeline.PackageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints a deployed function's CloudWatch logs, as {@code serverless logs} does: the events since
 * {@code -Dserverless.startTime} (default 10 minutes ago), optionally filtered; {@code -Dserverless.tail} keeps
 * printing new events every second until interrupted (Ctrl+C).
 */
@Mojo(name = "logs", requiresProject = false, threadSafe = true)
public class LogsMojo extends AbstractAwsMojo {

    /** The function whose log group (/aws/lambda/NAME) is read: its key under {@code functions:}. */
    @Parameter(property = "serverless.function", required = true)
    private String function;

    /** Where to start: a span back from now (30s, 10m, 2h, 1d) or an ISO time (2024-05-01T12:00:00Z). */
    @Parameter(property = "serverless.startTime", defaultValue = "10m")
    private String startTime;

    /** A CloudWatch Logs filter pattern, e.g. ERROR or "\"request id\"". */
    @Parameter(property = "serverless.filter")
    private String filter;

    /** Keeps polling for new events every second until interrupted. */
    @Parameter(property = "serverless.tail", defaultValue = "false")
    private boolean tail;

    @Override
    protected String goal() {
        return "logs";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline(), request, variables);
            Instant start = TimeSpec.parse(startTime, Instant.now());
            try (AwsClients aws = clients(service)) {
                LogsReader reader = new LogsReader(aws);
                if (tail) {
                    reader.follow(service, function, start, filter, line -> System.out.println(line.render()), -1,
                            Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()));
                } else {
                    List<LogsReader.LogLine> lines = reader.read(service, function, start, filter);
                    lines.forEach(line -> System.out.println(line.render()));
                    if (lines.isEmpty()) {
                        // Silence would not tell "nothing logged" from "looked in the wrong place".
                        String group = LogsReader.logGroup(DeployedFunctions.named(service, function));
                        coreLog().info("No log events in " + group + " since " + start.truncatedTo(ChronoUnit.SECONDS)
                                + (filter != null ? " matching " + filter : ""));
                    }
                }
            }
        }
    }
}
