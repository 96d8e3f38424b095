package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.ops.MetricsReader;
import io.github.serverlessmaven.ops.TimeSpec;
import io.github.serverlessmaven.pipeline.PackageRequest;
import java.time.Instant;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints each function's Lambda metrics from CloudWatch, as {@code serverless metrics} does: invocations, errors,
 * throttles, and the average and 95th percentile duration, from {@code -Dserverless.startTime} (default 24 hours
 * ago) to now.
 */
@Mojo(name = "metrics", requiresProject = false, threadSafe = true)
public class MetricsMojo extends AbstractAwsMojo {

    /** Only this function (its key under {@code functions:}); default: every function. */
    @Parameter(property = "serverless.function")
    private String function;

    /** Where to start: a span back from now (30m, 2h, 1d) or an ISO time (2024-05-01T12:00:00Z). */
    @Parameter(property = "serverless.startTime", defaultValue = "24h")
    private String startTime;

    @Override
    protected String goal() {
        return "metrics";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline(), request, variables);
            Instant end = Instant.now();
            Instant start = TimeSpec.parse(startTime, end);
            try (AwsClients aws = clients(service)) {
                MetricsReader.table(new MetricsReader(aws).read(service, function, start, end), start, end)
                        .forEach(getLog()::info);
            }
        }
    }
}
