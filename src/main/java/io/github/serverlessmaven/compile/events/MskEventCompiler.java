package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code msk} events (Amazon MSK): one event source mapping per event, and per function the two statements v3
 * appends to the execution role after its events: {@code kafka:DescribeCluster}/{@code GetBootstrapBrokers} on
 * exactly that function's clusters, then the EC2 network-interface actions Lambda needs inside the cluster's VPC.
 */
public final class MskEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("arn", "batchSize", "maximumBatchingWindow", "enabled",
            "startingPosition", "startingPositionTimestamp", "topic", "saslScram512", "consumerGroupId",
            "filterPatterns");

    @Override
    public String type() {
        return "msk";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Map<FunctionDef, List<Object>> clusters = new LinkedHashMap<>();
        for (FunctionEvent event : events) {
            clusters.computeIfAbsent(event.function(), f -> new ArrayList<>()).add(compileEvent(context, event));
        }
        clusters.forEach((function, arns) -> {
            context.addRoleStatement(function, Cfn.map("Effect", "Allow",
                    "Action", Cfn.list("kafka:DescribeCluster", "kafka:GetBootstrapBrokers"), "Resource", arns));
            context.addRoleStatement(function, KafkaEventSupport.ec2Statement());
        });
    }

    /** Adds the event's mapping and returns its cluster ARN, for the role statement. */
    private Object compileEvent(CompileContext context, FunctionEvent event) {
        FunctionDef function = event.function();
        ConfigReader r = EventSupport.reader(event, "a map with 'arn' and 'topic'", KEYS, context);
        if (!r.has("arn")) {
            throw r.error("arn", "missing required property 'arn' (the MSK cluster ARN)",
                    "add arn: arn:aws:kafka:<region>:<account-id>:cluster/<name>/<uuid>, or !Ref <ClusterLogicalId>");
        }
        Object arn = r.plain("arn");
        String clusterName = clusterName(r, arn);
        String topic = KafkaEventSupport.required(r, "topic", "the Kafka topic to read",
                "add topic: <topic name>");
        String startingPosition = KafkaEventSupport.startingPosition(r);
        Map<String, Object> properties = Cfn.map(
                "EventSourceArn", arn,
                "FunctionName", EventSupport.target(context, function),
                "StartingPosition", startingPosition,
                "Topics", Cfn.list(topic),
                "StartingPositionTimestamp", KafkaEventSupport.startingPositionTimestamp(r, startingPosition),
                "BatchSize", r.optInt("batchSize", 1, 10000).orElse(null),
                "MaximumBatchingWindowInSeconds", KafkaEventSupport.maximumBatchingWindow(r),
                "AmazonManagedKafkaEventSourceConfig", KafkaEventSupport.consumerGroup(r),
                "Enabled", r.optBool("enabled").orElse(null),
                "SourceAccessConfigurations", saslScram512(r),
                "FilterCriteria", KafkaEventSupport.filterCriteria(r));
        String alias = EventSupport.alias(context, function);
        context.template().addResource(Naming.mskEventLogicalId(function.key(), clusterName, topic), Cfn.map(
                "Type", "AWS::Lambda::EventSourceMapping",
                "DependsOn", EventSupport.dependsOn(EventSupport.roleResourceName(context, function), alias),
                "Properties", properties));
        return arn;
    }

    /**
     * The name v3 puts in the logical ID: the part after the first {@code /} of an ARN, or the name given to
     * {@code Fn::ImportValue} or {@code Ref}. Other forms are outside v3's schema and break its naming.
     */
    private static String clusterName(ConfigReader r, Object arn) {
        Node raw = r.raw("arn");
        String path = r.childPath("arn");
        if (arn instanceof String s) {
            String[] parts = s.split("/", -1);
            if (s.startsWith("arn:") && parts.length > 1 && !parts[1].isEmpty()) {
                return parts[1];
            }
            throw new ConfigException(raw.position(), path, "'" + s + "' is not an MSK cluster ARN (expected "
                    + "arn:aws:kafka:<region>:<account-id>:cluster/<cluster-name>/<uuid>)",
                    "use the cluster's ARN, or !Ref <ClusterLogicalId> for a cluster defined in resources");
        }
        if (arn instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("Fn::ImportValue") instanceof String name) {
                return name;
            }
            if (m.get("Ref") instanceof String name && !name.isEmpty()) {
                return name;
            }
        }
        throw new ConfigException(raw.position(), path, "unsupported cluster ARN form: expected an ARN string, "
                + "Ref or Fn::ImportValue of a name", "write arn: !Ref <ClusterLogicalId>, or the cluster's ARN");
    }

    /** {@code saslScram512}: the Secrets Manager secret holding the SCRAM credentials. */
    private static List<Object> saslScram512(ConfigReader r) {
        String secret = r.optString("saslScram512").orElse(null);
        if (secret == null) {
            return null;
        }
        if (!secret.startsWith("arn:")) {
            throw r.error("saslScram512", "expected the ARN of a Secrets Manager secret, found '" + secret + "'",
                    "use arn:aws:secretsmanager:<region>:<account-id>:secret:<name>");
        }
        return Cfn.list(Cfn.map("Type", "SASL_SCRAM_512_AUTH", "URI", secret));
    }
}
