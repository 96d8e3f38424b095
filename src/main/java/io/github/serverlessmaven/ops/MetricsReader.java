package io.github.serverlessmaven.ops;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** {@code serverless metrics}: Lambda's CloudWatch metrics per function over a time span. */
public final class MetricsReader {

    /**
     * One function's figures. {@code averageDuration} and {@code p95Duration} are milliseconds, null when there were
     * no invocations (or CloudWatch has no percentile for the span).
     */
    public record FunctionMetrics(String function, String name, double invocations, double errors, double throttles,
            Double averageDuration, Double p95Duration) {}

    private final AwsClients aws;

    public MetricsReader(AwsClients aws) {
        this.aws = aws;
    }

    public List<FunctionMetrics> read(Service service, String functionKey, Instant start, Instant end) {
        List<FunctionMetrics> out = new ArrayList<>();
        for (FunctionDef fn : DeployedFunctions.select(service, functionKey)) {
            try {
                out.add(new FunctionMetrics(fn.key(), fn.name(),
                        sum(fn.name(), "Invocations", start, end), sum(fn.name(), "Errors", start, end),
                        sum(fn.name(), "Throttles", start, end), average(fn.name(), start, end),
                        p95(fn.name(), start, end)));
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "read the metrics of function " + fn.name(), aws.settings());
            }
        }
        return out;
    }

    /** The table the goal prints. */
    public static List<String> table(List<FunctionMetrics> metrics, Instant start, Instant end) {
        List<String> lines = new ArrayList<>();
        lines.add("Metrics from " + start + " to " + end);
        lines.add(String.format(Locale.ROOT, "%-24s %12s %8s %10s %14s %14s", "function", "invocations", "errors",
                "throttles", "duration avg", "duration p95"));
        for (FunctionMetrics m : metrics) {
            lines.add(String.format(Locale.ROOT, "%-24s %12.0f %8.0f %10.0f %14s %14s", m.function(), m.invocations(),
                    m.errors(), m.throttles(), millis(m.averageDuration()), millis(m.p95Duration())));
        }
        return lines;
    }

    private static String millis(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f ms", value);
    }

    private double sum(String function, String metric, Instant start, Instant end) {
        return datapoints(request(function, metric, start, end).statistics(Statistic.SUM).build()).stream()
                .mapToDouble(d -> d.sum() == null ? 0 : d.sum()).sum();
    }

    /** The mean over the whole span: the per-period averages weighted by their sample counts. */
    private Double average(String function, Instant start, Instant end) {
        List<Datapoint> points = datapoints(request(function, "Duration", start, end)
                .statistics(Statistic.AVERAGE, Statistic.SAMPLE_COUNT).build());
        double samples = 0;
        double total = 0;
        for (Datapoint d : points) {
            if (d.average() != null && d.sampleCount() != null) {
                samples += d.sampleCount();
                total += d.average() * d.sampleCount();
            }
        }
        return samples == 0 ? null : total / samples;
    }

    /** p95 cannot be combined across periods, so the request uses one period spanning the whole range. */
    private Double p95(String function, Instant start, Instant end) {
        List<Datapoint> points = datapoints(request(function, "Duration", start, end).extendedStatistics("p95")
                .build());
        return points.stream().filter(d -> d.extendedStatistics() != null && d.extendedStatistics().get("p95") != null)
                .map(d -> d.extendedStatistics().get("p95")).max(Double::compare).orElse(null);
    }

    private List<Datapoint> datapoints(GetMetricStatisticsRequest request) {
        return aws.cloudWatch().getMetricStatistics(request).datapoints();
    }

    private static GetMetricStatisticsRequest.Builder request(String function, String metric, Instant start,
            Instant end) {
        return GetMetricStatisticsRequest.builder().namespace("AWS/Lambda").metricName(metric)
                .dimensions(d -> d.name("FunctionName").value(function)).startTime(start).endTime(end)
                .period(period(start, end));
    }

    /** One period over the whole span, in whole minutes as CloudWatch requires. */
    static int period(Instant start, Instant end) {
        long seconds = Math.max(60, Duration.between(start, end).getSeconds());
        return (int) Math.min(Integer.MAX_VALUE - 60, ((seconds + 59) / 60) * 60);
    }
}
