package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
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

/**
 * {@code stream} events (DynamoDB and Kinesis): an event source mapping per event, a Kinesis stream consumer
 * for {@code consumer: true}, and per function the read statements on exactly its streams (and publish rights
 * on its failure destinations), in v3's statement order.
 */
public final class StreamEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("arn", "type", "batchSize", "parallelizationFactor",
            "startingPosition", "startingPositionTimestamp", "enabled", "consumer", "batchWindow",
            "maximumRetryAttempts", "bisectBatchOnFunctionError", "maximumRecordAgeInSeconds", "functionResponseType",
            "destinations", "tumblingWindowInSeconds", "filterPatterns");

    @Override
    public String type() {
        return "stream";
    }

    /** Role statement resources of one function, by statement kind, in v3's order. */
    private static final class Statements {
        final Map<String, List<Object>> resources = new LinkedHashMap<>();

        Statements() {
            for (String kind : List.of("dynamodb", "kinesis", "kinesisConsumerStream", "kinesisConsumer", "sns", "sqs")) {
                resources.put(kind, new ArrayList<>());
            }
        }

        void add(String kind, Object resource) {
            resources.get(kind).add(resource);
        }
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Map<FunctionDef, Statements> byFunction = new LinkedHashMap<>();
        for (FunctionEvent event : events) {
            compileEvent(context, event, byFunction.computeIfAbsent(event.function(), f -> new Statements()));
        }
        byFunction.forEach((function, statements) -> statements.resources.forEach((kind, resources) -> {
            if (!resources.isEmpty()) {
                context.addRoleStatement(function, Cfn.map("Effect", "Allow", "Action", actions(kind),
                        "Resource", resources));
            }
        }));
    }

    private static List<Object> actions(String kind) {
        return switch (kind) {
            case "dynamodb" -> Cfn.list("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream",
                    "dynamodb:ListStreams");
            case "kinesis" -> Cfn.list("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
                    "kinesis:ListStreams");
            case "kinesisConsumerStream" -> Cfn.list("kinesis:GetRecords", "kinesis:GetShardIterator",
                    "kinesis:DescribeStreamSummary", "kinesis:ListShards");
            case "kinesisConsumer" -> Cfn.list("kinesis:SubscribeToShard");
            case "sns" -> Cfn.list("sns:Publish");
            default -> Cfn.list("sqs:ListQueues", "sqs:SendMessage");
        };
    }

    private void compileEvent(CompileContext context, FunctionEvent event, Statements statements) {
        FunctionDef function = event.function();
        String shorthand = EventSupport.shorthand(event);
        ConfigReader r = shorthand == null
                ? EventSupport.reader(event, "a stream ARN or a map with 'arn'", KEYS, context) : null;
        Object arn;
        Position arnPosition;
        String arnPath;
        if (r == null) {
            arn = shorthand;
            arnPosition = event.event().body().position();
            arnPath = event.event().path();
        } else {
            Node raw = r.raw("arn");
            if (raw == null) {
                throw r.error("arn", "missing required property 'arn' (the stream ARN)",
                        "add arn: !GetAtt MyTable.StreamArn or the stream's ARN");
            }
            arn = EventSupport.stringOrIntrinsic(r, "arn", "a stream ARN or an intrinsic function");
            arnPosition = raw.position();
            arnPath = r.childPath("arn");
        }
        String type = r != null ? r.optEnum("type", List.of("dynamodb", "kinesis")).orElse(null) : null;
        if (type == null) {
            type = typeFromArn(arn, arnPosition, arnPath);
        }
        String streamName = streamName(arn, arnPosition, arnPath);
        String alias = EventSupport.alias(context, function);
        List<Object> dependsOn = EventSupport.dependsOn(EventSupport.roleResourceName(context, function), alias);
        Map<String, Object> properties = Cfn.map(
                "BatchSize", r != null ? r.optInt("batchSize", 1, 10000).orElse(10) : 10,
                "Enabled", r == null || r.bool("enabled", true),
                "EventSourceArn", arn,
                "FunctionName", EventSupport.target(context, function),
                "ParallelizationFactor", r != null ? r.optInt("parallelizationFactor", 1, 10).orElse(null) : null,
                "StartingPosition", r != null ? r.optEnum("startingPosition",
                        List.of("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP")).orElse("TRIM_HORIZON") : "TRIM_HORIZON");
        Object consumer = r != null ? r.plain("consumer") : null;
        if (consumer != null && !(Boolean.TRUE.equals(consumer) || consumer instanceof String
                || Cfn.isIntrinsic(consumer))) {
            throw ConfigReader.typeError(r.raw("consumer"), r.childPath("consumer"), "true or a consumer ARN");
        }
        if (type.equals("dynamodb")) {
            statements.add("dynamodb", arn);
        } else if (consumer != null) {
            statements.add("kinesisConsumerStream", arn);
        } else {
            statements.add("kinesis", arn);
        }
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        String mappingId = Naming.streamEventSourceMappingLogicalId(function.key(), type, streamName);
        resources.put(mappingId, Cfn.map("Type", "AWS::Lambda::EventSourceMapping", "DependsOn", dependsOn,
                "Properties", properties));
        if (r != null) {
            r.optInt("batchWindow", 0, 300).ifPresent(v -> properties.put("MaximumBatchingWindowInSeconds", v));
            r.optInt("maximumRetryAttempts", -1, 10000).ifPresent(v -> properties.put("MaximumRetryAttempts", v));
            r.optBool("bisectBatchOnFunctionError").ifPresent(v -> properties.put("BisectBatchOnFunctionError", v));
            r.optEnum("functionResponseType", List.of("ReportBatchItemFailures"))
                    .ifPresent(v -> properties.put("FunctionResponseTypes", Cfn.list(v)));
            r.optInt("maximumRecordAgeInSeconds", -1, 604800).ifPresent(v -> {
                if (v != -1 && v < 60) {
                    throw r.error("maximumRecordAgeInSeconds", "expected -1 or an integer from 60 to 604800, found "
                            + v, "use -1 (no limit) or at least 60");
                }
                properties.put("MaximumRecordAgeInSeconds", v);
            });
            r.optInt("tumblingWindowInSeconds", 0, 900).ifPresent(v -> properties.put("TumblingWindowInSeconds", v));
            r.optMap("destinations").ifPresent(d -> properties.put("DestinationConfig",
                    Cfn.map("OnFailure", Cfn.map("Destination", onFailure(d, statements)))));
            Map<String, Object> filters = EventSupport.filterCriteria(r, "filterPatterns");
            if (filters != null) {
                properties.put("FilterCriteria", filters);
            }
            if (consumer != null && type.equals("kinesis")) {
                Object consumerArn;
                if (Boolean.TRUE.equals(consumer)) {
                    String consumerName = consumerName(context, function, streamName);
                    String consumerId = Naming.streamConsumerLogicalId(consumerName);
                    resources.put(consumerId, Cfn.resource("AWS::Kinesis::StreamConsumer", Cfn.map(
                            "StreamARN", arn, "ConsumerName", consumerName)));
                    dependsOn.add(consumerId);
                    consumerArn = Cfn.ref(consumerId);
                } else {
                    consumerArn = consumer;
                }
                properties.put("EventSourceArn", consumerArn);
                statements.add("kinesisConsumer", consumerArn);
            }
            if ("AT_TIMESTAMP".equals(r.optString("startingPosition").orElse(null))
                    && !r.has("startingPositionTimestamp")) {
                throw r.error("startingPosition", "startingPosition AT_TIMESTAMP needs "
                        + "startingPositionTimestamp", "add startingPositionTimestamp: <unix seconds>");
            }
            if (r.has("startingPositionTimestamp")) {
                properties.put("StartingPositionTimestamp", r.plain("startingPositionTimestamp"));
            }
        }
        resources.forEach(context.template()::addResource);
    }

    private static Object onFailure(ConfigReader destinations, Statements statements) {
        Node raw = destinations.raw("onFailure");
        if (raw == null) {
            throw destinations.error("onFailure", "missing required property 'onFailure'",
                    "add onFailure: <an SQS queue or SNS topic ARN>");
        }
        Object arn;
        String type = null;
        if (raw instanceof MapNode m && !Cfn.isIntrinsic(m.toPlain())) {
            ConfigReader d = ConfigReader.of(m, destinations.childPath("onFailure"));
            arn = EventSupport.stringOrIntrinsic(d, "arn", "an ARN or an intrinsic function");
            type = d.optEnum("type", List.of("sns", "sqs")).orElse(null);
            if (arn == null) {
                throw d.error("arn", "missing required property 'arn'", "add arn: <an SQS queue or SNS topic ARN>");
            }
            if (type == null && !(arn instanceof String)) {
                throw d.error("type", "'type' (sns or sqs) is needed when 'arn' is an intrinsic function",
                        "add type: sqs or type: sns");
            }
        } else {
            arn = EventSupport.stringOrIntrinsic(destinations, "onFailure", "an ARN");
            if (!(arn instanceof String)) {
                throw destinations.error("onFailure", "an intrinsic function needs the map form with 'type'",
                        "write onFailure: {arn: ..., type: sqs}");
            }
        }
        if (type == null) {
            String[] parts = ((String) arn).split(":");
            type = parts.length > 2 ? parts[2] : "";
        }
        statements.add(type.equals("sns") ? "sns" : "sqs", arn);
        return arn;
    }

    private static String consumerName(CompileContext context, FunctionDef function, String streamName) {
        Node kinesis = context.service().provider().raw().get("kinesis");
        if (kinesis instanceof MapNode m
                && ConfigReader.of(m, "provider.kinesis").has("consumerNamingMode")) {
            return Naming.streamConsumerName(function.key(), streamName, context.service().name(), context.stage());
        }
        return Naming.streamConsumerName(function.key(), streamName);
    }

    private static String typeFromArn(Object arn, Position position, String path) {
        if (arn instanceof String s) {
            String[] parts = s.split(":");
            String service = parts.length > 2 ? parts[2] : "";
            if (s.startsWith("arn:") && (service.equals("dynamodb") || service.equals("kinesis"))) {
                return service;
            }
            throw new ConfigException(position, path, "'" + s + "' is neither a DynamoDB stream ARN nor a Kinesis "
                    + "stream ARN", "use arn:aws:dynamodb:...:table/<table>/stream/<label> or "
                    + "arn:aws:kinesis:...:stream/<name>, or set type: dynamodb or type: kinesis");
        }
        throw new ConfigException(position, path, "the stream type cannot be told from an intrinsic function",
                "add type: dynamodb or type: kinesis to the event");
    }

    /** The name v3 derives the logical ID from. */
    private static String streamName(Object arn, Position position, String path) {
        if (arn instanceof String s) {
            String[] parts = s.split("/");
            if (parts.length < 2) {
                throw new ConfigException(position, path, "'" + s + "' has no resource name after '/'",
                        "use arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label> or "
                                + "arn:aws:kinesis:<region>:<account>:stream/<name>");
            }
            return parts[1];
        }
        if (arn instanceof Map<?, ?> m) {
            if (m.get("Fn::GetAtt") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String id) {
                return id;
            }
            if (m.get("Fn::ImportValue") instanceof String name) {
                return name;
            }
            if (m.get("Ref") instanceof String ref) {
                return ref;
            }
            if (m.get("Fn::Join") instanceof List<?> join && join.size() == 2 && join.get(1) instanceof List<?> parts
                    && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof String last) {
                String[] segments = last.split("/", -1);
                return segments[segments.length - 1];
            }
        }
        throw new ConfigException(position, path, "unsupported stream ARN form: expected an ARN string, Fn::GetAtt, "
                + "Fn::ImportValue, Ref, or Fn::Join whose last part ends with the stream name",
                "write arn: !GetAtt MyTable.StreamArn");
    }
}
