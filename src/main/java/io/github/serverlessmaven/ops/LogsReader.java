package io.github.serverlessmaven.ops;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** {@code serverless logs}: FilterLogEvents on the function's log group, once or following new events. */
public final class LogsReader {

    /** One log line: when it was logged, in which stream, and the message. */
    public record LogLine(long timestamp, String stream, String message) {

        public String render() {
            return Instant.ofEpochMilli(timestamp) + "\t" + message.stripTrailing();
        }
    }

    /** How the follow loop waits between polls; tests pass one that does not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final AwsClients aws;

    public LogsReader(AwsClients aws) {
        this.aws = aws;
    }

    public static String logGroup(FunctionDef fn) {
        return Naming.logGroupName(fn.name());
    }

    /** Every event since {@code start} (inclusive) matching {@code filter} (CloudWatch filter syntax, or null). */
    public List<LogLine> read(Service service, String functionKey, Instant start, String filter) {
        FunctionDef fn = DeployedFunctions.named(service, functionKey);
        return fetch(service, fn, start.toEpochMilli(), filter);
    }

    /**
     * Prints the events since {@code start}, then polls every {@code interval} for new ones, {@code polls} times
     * (or until interrupted when {@code polls} is negative). Events seen once are never printed again.
     *
     * @return how many lines were printed
     */
    public int follow(Service service, String functionKey, Instant start, String filter, Consumer<LogLine> out,
            int polls, Duration interval, Sleeper sleeper) {
        FunctionDef fn = DeployedFunctions.named(service, functionKey);
        Set<LogLine> seen = new HashSet<>();
        long from = start.toEpochMilli();
        int printed = 0;
        for (int i = 0; polls < 0 || i <= polls; i++) {
            for (LogLine line : fetch(service, fn, from, filter)) {
                if (seen.add(line)) {
                    out.accept(line);
                    printed++;
                }
                // The same millisecond can hold more events: keep it in the window, dedupe by content.
                from = Math.max(from, line.timestamp());
            }
            long windowStart = from;
            // Only events of the window's first millisecond can come again; forget older ones so a long tail stays small.
            seen.removeIf(line -> line.timestamp() < windowStart);
            if (polls >= 0 && i == polls) {
                break;
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return printed;
    }

    private List<LogLine> fetch(Service service, FunctionDef fn, long fromMillis, String filter) {
        String group = logGroup(fn);
        List<LogLine> lines = new ArrayList<>();
        String token = null;
        try {
            do {
                FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder().logGroupName(group)
                        .startTime(fromMillis).interleaved(true).nextToken(token);
                if (filter != null && !filter.isBlank()) {
                    request.filterPattern(filter);
                }
                FilterLogEventsResponse page = aws.logs().filterLogEvents(request.build());
                for (FilteredLogEvent e : page.events()) {
                    lines.add(new LogLine(e.timestamp(), e.logStreamName(), e.message() == null ? "" : e.message()));
                }
                token = page.nextToken();
            } while (token != null && !token.isBlank());
        } catch (ResourceNotFoundException e) {
            throw new DeployException("The log group " + group + " of function " + fn.key() + " does not exist in "
                    + service.region() + "; perhaps you should run 'mvn serverless:deploy' first, or invoke the "
                    + "function once so that it logs.", e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "read the log group " + group, aws.settings());
        }
        lines.sort(java.util.Comparator.comparingLong(LogLine::timestamp));
        return lines;
    }
}
