package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * What {@code activemq} and {@code rabbitmq} events share. v3's two compilers are the same code but for
 * RabbitMQ's {@code virtualHost}: one event source mapping per event (the same queue twice in a function is one
 * resource, the later event winning), and, per function with such events, three statements on the shared role
 * in v3's order: reading the broker credentials, describing the brokers, and the network interfaces Lambda opens
 * in the broker's VPC. v3 lists an ARN once per event, repeats included, and so does this.
 */
final class BrokerEvents {

    /**
     * v3's schema patterns. JSON Schema patterns are not anchored, so they are searched, not matched: anchoring
     * them would reject ARNs v3 accepts.
     */
    static final Pattern BROKER_ARN = Pattern.compile(
            "arn:[a-z-]+:mq:[a-z0-9-]+:\\d+:broker:[A-Za-z0-9/_+=.@-]+:b-[a-z0-9-]+");
    static final Pattern SECRET_ARN = Pattern.compile(
            "arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\\d+:secret:[A-Za-z0-9/_+=.@-]+");

    private static final Set<String> ACTIVE_MQ_KEYS = Set.of("arn", "basicAuthArn", "batchSize",
            "maximumBatchingWindow", "enabled", "queue", "filterPatterns");
    private static final Set<String> RABBIT_MQ_KEYS = Set.of("arn", "basicAuthArn", "batchSize",
            "maximumBatchingWindow", "enabled", "queue", "virtualHost", "filterPatterns");

    /** The two event types, with what differs between them. */
    enum Broker {
        ACTIVE_MQ("ActiveMQ", ACTIVE_MQ_KEYS, Naming::activeMqEventSourceMappingLogicalId),
        RABBIT_MQ("RabbitMQ", RABBIT_MQ_KEYS, Naming::rabbitMqEventSourceMappingLogicalId);

        private final String label;
        private final Set<String> keys;
        private final BiFunction<String, String, String> logicalId;

        Broker(String label, Set<String> keys, BiFunction<String, String, String> logicalId) {
            this.label = label;
            this.keys = keys;
            this.logicalId = logicalId;
        }
    }

    private BrokerEvents() {}

    static void compile(CompileContext context, List<FunctionEvent> events, Broker broker) {
        // The events come function by function; v3 adds the statements once per function, after its events.
        Map<FunctionDef, List<FunctionEvent>> byFunction = new LinkedHashMap<>();
        for (FunctionEvent event : events) {
            byFunction.computeIfAbsent(event.function(), f -> new ArrayList<>()).add(event);
        }
        byFunction.forEach((function, own) -> {
            List<Object> secrets = new ArrayList<>();
            List<Object> brokers = new ArrayList<>();
            for (FunctionEvent event : own) {
                compileEvent(context, event, broker, brokers, secrets);
            }
            // kms:Decrypt is left out on purpose, as v3 does: which keys the secrets use is not known here.
            context.addRoleStatement(function, Cfn.map("Effect", "Allow",
                    "Action", Cfn.list("secretsmanager:GetSecretValue"), "Resource", secrets));
            context.addRoleStatement(function, Cfn.map("Effect", "Allow",
                    "Action", Cfn.list("mq:DescribeBroker"), "Resource", brokers));
            context.addRoleStatement(function, KafkaEventSupport.ec2Statement());
        });
    }

    private static void compileEvent(CompileContext context, FunctionEvent event, Broker broker,
            List<Object> brokers, List<Object> secrets) {
        FunctionDef function = event.function();
        ConfigReader r = EventSupport.reader(event, "a map with 'arn', 'basicAuthArn' and 'queue'", broker.keys,
                context);
        Object arn = arn(context, r, "arn", BROKER_ARN, "the Amazon " + broker.label + " broker's ARN",
                "an Amazon MQ broker ARN (arn:aws:mq:<region>:<account-id>:broker:<broker-name>:<broker-id>)",
                "use the broker's ARN as 'aws mq describe-broker' prints it, or !Ref a parameter holding it");
        Object basicAuthArn = arn(context, r, "basicAuthArn", SECRET_ARN, "the ARN of the Secrets Manager secret "
                + "holding the broker's username and password", "a Secrets Manager secret ARN "
                + "(arn:aws:secretsmanager:<region>:<account-id>:secret:<name>)", "use the ARN of the secret "
                + "that holds the broker's username and password");
        if (!r.has("queue")) {
            throw r.error("queue", "missing required property 'queue' (the name of the queue to consume)",
                    "add queue: <queue-name>");
        }
        String queue = r.optString("queue").orElseThrow();
        List<Object> access = Cfn.list(Cfn.map("Type", "BASIC_AUTH", "URI", basicAuthArn));
        if (broker == Broker.RABBIT_MQ) {
            r.optString("virtualHost").filter(v -> !v.isEmpty())
                    .ifPresent(v -> access.add(Cfn.map("Type", "VIRTUAL_HOST", "URI", v)));
        }
        Map<String, Object> properties = Cfn.map(
                "FunctionName", EventSupport.target(context, function),
                "EventSourceArn", arn,
                "Queues", Cfn.list(queue),
                "SourceAccessConfigurations", access,
                "BatchSize", r.optInt("batchSize", 1, 10000).orElse(null),
                // v3 writes the window only when it is truthy: 0 is left out.
                "MaximumBatchingWindowInSeconds", r.optInt("maximumBatchingWindow", 0, 300).filter(w -> w > 0)
                        .orElse(null),
                "Enabled", r.optBool("enabled").orElse(null),
                "FilterCriteria", EventSupport.filterCriteria(r, "filterPatterns"));
        context.template().addResource(broker.logicalId.apply(function.key(), queue), Cfn.map(
                "Type", "AWS::Lambda::EventSourceMapping",
                "DependsOn", EventSupport.dependsOn(EventSupport.roleResourceName(context, function),
                        EventSupport.alias(context, function)),
                "Properties", properties));
        brokers.add(arn);
        secrets.add(basicAuthArn);
    }

    /**
     * A required ARN: a string matching v3's pattern, a {@code Ref} or an {@code Fn::ImportValue}. Other intrinsic
     * functions (an {@code Fn::GetAtt} of a broker declared in resources) are outside v3's schema, which v3 only
     * warns about by default, and CloudFormation resolves them: reported as a schema problem, and compiled.
     */
    private static Object arn(CompileContext context, ConfigReader r, String key, Pattern pattern, String what,
            String expected, String fix) {
        if (!r.has(key)) {
            throw r.error(key, "missing required property '" + key + "' (" + what + ")", "add " + key + ": <ARN>");
        }
        Object value = r.plain(key);
        Node raw = r.raw(key);
        if (value instanceof String s) {
            if (!pattern.matcher(s).find()) {
                throw r.error(key, "'" + s + "' is not " + expected, fix);
            }
            return s;
        }
        if (Cfn.isIntrinsic(value)) {
            String function = ((Map<?, ?>) value).keySet().iterator().next().toString();
            if (!function.equals("Ref") && !function.equals("Fn::ImportValue")) {
                context.diagnostics().schema(new Problem(raw.position(), r.childPath(key), function + " is outside "
                        + "v3's schema here (an ARN, Ref or Fn::ImportValue)", "write the ARN, a Ref or an "
                        + "Fn::ImportValue (CloudFormation still resolves " + function + ")"));
            }
            return value;
        }
        throw ConfigReader.typeError(raw, r.childPath(key), expected.substring(0, expected.indexOf(" (")) + ", a Ref "
                + "or an Fn::ImportValue");
    }
}
