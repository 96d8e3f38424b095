package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.compile.FunctionRoleCompiler;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code sqs} events: one event source mapping per event, and one role statement granting the three actions
 * Lambda polling needs on exactly the configured queues.
 */
public final class SqsEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("arn", "batchSize", "enabled", "maximumBatchingWindow",
            "functionResponseType", "filterPatterns", "maximumConcurrency");
    static final Pattern SQS_ARN = Pattern.compile("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+$");

    @Override
    public String type() {
        return "sqs";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        List<Object> queues = new ArrayList<>();
        // Functions with a role of their own get their queues' permissions there; the rest share one statement.
        Map<FunctionDef, List<Object>> ownRoleQueues = new LinkedHashMap<>();
        for (FunctionEvent event : events) {
            Object queue = compileEvent(context, event);
            if (FunctionRoleCompiler.hasOwnRole(event.function())) {
                List<Object> own = ownRoleQueues.get(event.function());
                if (own == null) {
                    own = new ArrayList<>();
                    ownRoleQueues.put(event.function(), own);
                }
                own.add(queue);
            } else {
                queues.add(queue);
            }
        }
        if (!queues.isEmpty() || ownRoleQueues.isEmpty()) {
            context.addRoleStatement(receive(queues));
        }
        for (Map.Entry<FunctionDef, List<Object>> own : ownRoleQueues.entrySet()) {
            context.addRoleStatement(own.getKey(), receive(own.getValue()));
        }
    }

    private static Map<String, Object> receive(List<Object> queues) {
        return Cfn.map("Effect", "Allow",
                "Action", Cfn.list("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                "Resource", queues);
    }

    private Object compileEvent(CompileContext context, FunctionEvent event) {
        FunctionDef function = event.function();
        String shorthand = EventSupport.shorthand(event);
        ConfigReader r = null;
        Object arn;
        Position arnPosition;
        String arnPath;
        if (shorthand != null) {
            arn = shorthand;
            arnPosition = event.event().body().position();
            arnPath = event.event().path();
        } else {
            r = EventSupport.reader(event, "an SQS queue ARN or a map with 'arn'", KEYS, context);
            if (!r.has("arn")) {
                throw r.error("arn", "missing required property 'arn' (the queue ARN)",
                        "add arn: !GetAtt MyQueue.Arn or the queue's ARN");
            }
            arn = r.plain("arn");
            Node raw = r.raw("arn");
            arnPosition = raw.position();
            arnPath = r.childPath("arn");
        }
        String queueName = queueName(arn, arnPosition, arnPath);
        String alias = EventSupport.alias(context, function);
        int batchSize = r != null ? r.optInt("batchSize", 1, 10000).orElse(10) : 10;
        Integer batchingWindow = r != null ? r.optInt("maximumBatchingWindow", 0, 300).orElse(null) : null;
        if (batchSize > 10 && (batchingWindow == null || batchingWindow < 1)) {
            throw r.error("batchSize", "a batchSize above 10 needs maximumBatchingWindow of at least 1 second "
                    + "(Lambda rejects it otherwise)", "add 'maximumBatchingWindow: 1' (seconds), or use a "
                    + "batchSize of 10 or less");
        }
        Map<String, Object> properties = Cfn.map(
                "BatchSize", batchSize,
                "MaximumBatchingWindowInSeconds", batchingWindow,
                "EventSourceArn", arn,
                "FunctionName", EventSupport.target(context, function),
                "Enabled", r == null || r.bool("enabled", true));
        if (r != null) {
            String responseType = r.optEnum("functionResponseType", List.of("ReportBatchItemFailures")).orElse(null);
            if (responseType != null) {
                properties.put("FunctionResponseTypes", Cfn.list(responseType));
            }
            Map<String, Object> filters = EventSupport.filterCriteria(r, "filterPatterns");
            if (filters != null) {
                properties.put("FilterCriteria", filters);
            }
            Integer concurrency = r.optInt("maximumConcurrency", 2, 1000).orElse(null);
            if (concurrency != null) {
                properties.put("ScalingConfig", Cfn.map("MaximumConcurrency", concurrency));
            }
        }
        context.template().addResource(Naming.queueEventSourceMappingLogicalId(function.key(), queueName), Cfn.map(
                "Type", "AWS::Lambda::EventSourceMapping",
                "DependsOn", EventSupport.dependsOn(EventSupport.roleResourceName(context, function), alias),
                "Properties", properties));
        return arn;
    }

    /** The name v3 derives the logical ID from: the ARN's last part, the GetAtt resource, the import name. */
    private static String queueName(Object arn, Position position, String path) {
        if (arn instanceof String s) {
            if (!SQS_ARN.matcher(s).matches()) {
                throw new ConfigException(position, path, "'" + s + "' is not an SQS queue ARN (expected "
                        + "arn:aws:sqs:<region>:<account-id>:<queue-name>)",
                        "use the queue's ARN, or !GetAtt <QueueLogicalId>.Arn for a queue defined in resources");
            }
            return s.substring(s.lastIndexOf(':') + 1);
        }
        if (arn instanceof Map<?, ?> m) {
            if (m.get("Fn::GetAtt") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String id) {
                return id;
            }
            if (m.get("Fn::GetAtt") instanceof String dotted) {
                return dotted.split("\\.")[0];
            }
            if (m.get("Fn::ImportValue") instanceof String name) {
                return name;
            }
            if (m.get("Fn::Join") instanceof List<?> join && join.size() == 2 && join.get(1) instanceof List<?> parts
                    && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof String last) {
                return last;
            }
        }
        throw new ConfigException(position, path, "unsupported queue ARN form: expected an ARN string, Fn::GetAtt, "
                + "Fn::ImportValue, or Fn::Join whose last part is the queue name",
                "write arn: !GetAtt MyQueue.Arn, or the queue's ARN");
    }
}
