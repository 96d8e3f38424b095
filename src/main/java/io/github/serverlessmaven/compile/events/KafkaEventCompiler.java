package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code kafka} events (self-managed Apache Kafka): one event source mapping per event with the bootstrap
 * servers and the access configurations in the order written, and per function {@code
 * secretsmanager:GetSecretValue} on exactly its secrets and, when its events name a subnet or security group, the
 * EC2 network-interface actions, as v3 appends them to the execution role.
 */
public final class KafkaEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("accessConfigurations", "batchSize", "maximumBatchingWindow",
            "enabled", "bootstrapServers", "startingPosition", "startingPositionTimestamp", "topic", "consumerGroupId",
            "filterPatterns");

    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\\d+:secret:[A-Za-z0-9/_+=.@-]+");

    /**
     * One {@code accessConfigurations} key: the type Lambda knows it by, the prefix of its URI, the pattern v3's
     * schema checks each value against (unanchored, as there), and whether the value is a secret to read.
     */
    private record Access(String type, String prefix, Pattern pattern, String example, boolean secret) {}

    private static final Map<String, Access> ACCESS = accessConfigurations();

    private static Map<String, Access> accessConfigurations() {
        Map<String, Access> m = new LinkedHashMap<>();
        m.put("vpcSubnet", new Access("VPC_SUBNET", "subnet:", Pattern.compile("subnet-[a-z0-9]+"),
                "subnet-0123456789abcdef0", false));
        m.put("vpcSecurityGroup", new Access("VPC_SECURITY_GROUP", "security_group:", Pattern.compile("sg-[a-z0-9]+"),
                "sg-0123456789abcdef0", false));
        String secret = "arn:aws:secretsmanager:<region>:<account-id>:secret:<name>";
        m.put("saslPlainAuth", new Access("BASIC_AUTH", "", SECRET_ARN, secret, true));
        m.put("saslScram256Auth", new Access("SASL_SCRAM_256_AUTH", "", SECRET_ARN, secret, true));
        m.put("saslScram512Auth", new Access("SASL_SCRAM_512_AUTH", "", SECRET_ARN, secret, true));
        m.put("clientCertificateTlsAuth", new Access("CLIENT_CERTIFICATE_TLS_AUTH", "", SECRET_ARN, secret, true));
        m.put("serverRootCaCertificate", new Access("SERVER_ROOT_CA_CERTIFICATE", "", SECRET_ARN, secret, true));
        return Map.copyOf(m);
    }

    /** What one function's kafka events need on the execution role. */
    private static final class Needs {
        final List<Object> secrets = new ArrayList<>();
        boolean ec2;
    }

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Map<FunctionDef, Needs> byFunction = new LinkedHashMap<>();
        for (FunctionEvent event : events) {
            compileEvent(context, event, byFunction.computeIfAbsent(event.function(), f -> new Needs()));
        }
        byFunction.forEach((function, needs) -> {
            if (!needs.secrets.isEmpty()) {
                context.addRoleStatement(function, Cfn.map("Effect", "Allow",
                        "Action", Cfn.list("secretsmanager:GetSecretValue"), "Resource", needs.secrets));
            }
            if (needs.ec2) {
                context.addRoleStatement(function, KafkaEventSupport.ec2Statement());
            }
        });
    }

    private void compileEvent(CompileContext context, FunctionEvent event, Needs needs) {
        FunctionDef function = event.function();
        ConfigReader r = EventSupport.reader(event, "a map with 'accessConfigurations', 'bootstrapServers' and "
                + "'topic'", KEYS, context);
        if (!r.has("accessConfigurations")) {
            throw r.error("accessConfigurations", "missing required property 'accessConfigurations' (how Lambda "
                    + "reaches and authenticates to the cluster)", "add accessConfigurations with at least one of "
                    + ACCESS.keySet().stream().sorted().toList() + ", such as saslScram512Auth: <secret ARN>");
        }
        ConfigReader access = r.optMap("accessConfigurations").orElseThrow();
        List<Object> sourceAccess = sourceAccessConfigurations(access, needs);
        if (!r.has("bootstrapServers")) {
            throw r.error("bootstrapServers", "missing required property 'bootstrapServers' (the brokers' "
                    + "host:port addresses)", "add bootstrapServers: [<host>:9092]");
        }
        List<String> servers = r.stringList("bootstrapServers");
        String topic = KafkaEventSupport.required(r, "topic", "the Kafka topic to read", "add topic: <topic name>");
        String startingPosition = KafkaEventSupport.startingPosition(r);
        Map<String, Object> properties = Cfn.map(
                "FunctionName", EventSupport.target(context, function),
                "StartingPosition", startingPosition,
                "SelfManagedEventSource", Cfn.map("Endpoints", Cfn.map("KafkaBootstrapServers", servers)),
                "Topics", Cfn.list(topic),
                "SourceAccessConfigurations", sourceAccess,
                "BatchSize", r.optInt("batchSize", 1, 10000).orElse(null),
                "MaximumBatchingWindowInSeconds", KafkaEventSupport.maximumBatchingWindow(r),
                "Enabled", r.optBool("enabled").orElse(null),
                "SelfManagedKafkaEventSourceConfig", KafkaEventSupport.consumerGroup(r),
                "StartingPositionTimestamp", KafkaEventSupport.startingPositionTimestamp(r, startingPosition),
                "FilterCriteria", KafkaEventSupport.filterCriteria(r));
        String alias = EventSupport.alias(context, function);
        context.template().addResource(Naming.kafkaEventLogicalId(function.key(), topic), Cfn.map(
                "Type", "AWS::Lambda::EventSourceMapping",
                "DependsOn", EventSupport.dependsOn(EventSupport.roleResourceName(context, function), alias),
                "Properties", properties));
    }

    /**
     * The access configurations in the order written, each value a one-item list when written alone (v3's
     * array coercion). An unknown key is an error rather than a warning: v3 would pass it through as the
     * {@code Type}, which Lambda rejects at deploy time.
     */
    private static List<Object> sourceAccessConfigurations(ConfigReader access, Needs needs) {
        if (access.keys().isEmpty()) {
            throw new ConfigException(access.position(), access.path(), "accessConfigurations is empty",
                    "add at least one of " + ACCESS.keySet().stream().sorted().toList());
        }
        for (String key : access.keys()) {
            if (!ACCESS.containsKey(key)) {
                String suggestion = ConfigReader.closest(key, ACCESS.keySet());
                throw new ConfigException(access.node().keyPosition(key), access.childPath(key),
                        "unsupported access configuration '" + key + "', expected one of "
                                + new TreeSet<>(ACCESS.keySet()),
                        suggestion != null ? "write '" + suggestion + "'" : "use one of those keys");
            }
        }
        if (access.has("vpcSubnet") != access.has("vpcSecurityGroup")) {
            String missing = access.has("vpcSubnet") ? "vpcSecurityGroup" : "vpcSubnet";
            String present = access.has("vpcSubnet") ? "vpcSubnet" : "vpcSecurityGroup";
            throw access.error(present, "'" + present + "' needs '" + missing + "' as well (Lambda needs both a "
                    + "subnet and a security group to reach a cluster in a VPC)", "add " + missing + ": ["
                    + ACCESS.get(missing).example() + "]");
        }
        List<Object> out = new ArrayList<>();
        for (String key : access.keys()) {
            Access kind = ACCESS.get(key);
            List<String> values = access.stringList(key);
            if (values.isEmpty()) {
                throw access.error(key, "'" + key + "' has no values", "add at least one, such as "
                        + kind.example());
            }
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (!kind.pattern().matcher(value).find()) {
                    String path = access.raw(key) instanceof ListNode ? access.childPath(key) + "[" + i + "]"
                            : access.childPath(key);
                    throw new ConfigException(access.raw(key) instanceof ListNode l ? l.items().get(i).position()
                            : access.raw(key).position(), path, "'" + value + "' does not look like a "
                            + (kind.secret() ? "Secrets Manager secret ARN" : key.equals("vpcSubnet") ? "subnet ID"
                            : "security group ID") + " (expected " + kind.example() + ")",
                            "use a value such as " + kind.example());
                }
                if (kind.secret()) {
                    needs.secrets.add(value);
                } else {
                    needs.ec2 = true;
                }
                out.add(Cfn.map("Type", kind.type(), "URI", kind.prefix() + value));
            }
        }
        return out;
    }
}
