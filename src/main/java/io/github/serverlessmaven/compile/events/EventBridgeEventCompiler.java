package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eventBridge} events with native CloudFormation (v3's default): a rule on the default bus, on a bus
 * created by name ({@code <Name>EventBridgeEventBus}) or on an existing bus (ARN or intrinsic), with a
 * Lambda permission for the rule.
 */
public final class EventBridgeEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("eventBus", "schedule", "name", "description", "enabled",
            "pattern", "input", "inputPath", "inputTransformer", "retryPolicy", "deadLetterQueueArn");
    private static final Set<String> PATTERN_KEYS = Set.of("version", "id", "detail-type", "source", "account",
            "time", "region", "resources", "detail", "$or");

    @Override
    public String type() {
        return "eventBridge";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Node settings = context.service().provider().raw().get("eventBridge");
        if (settings instanceof MapNode m && ConfigReader.of(m, "provider.eventBridge").optBool("useCloudFormation")
                .orElse(true) == Boolean.FALSE) {
            throw new ConfigException(m.position(), "provider.eventBridge.useCloudFormation", "the custom-resource "
                    + "implementation of eventBridge events (useCloudFormation: false) is not supported",
                    "remove useCloudFormation: native CloudFormation is the default");
        }
        for (FunctionEvent event : events) {
            compileEvent(context, event);
        }
    }

    private void compileEvent(CompileContext context, FunctionEvent event) {
        FunctionDef function = event.function();
        ConfigReader r = EventSupport.reader(event, "a map with 'pattern' or 'schedule'", KEYS, context);
        int index = event.event().index() + 1;
        if (!r.has("pattern") && !r.has("schedule")) {
            throw EventSupport.error(event, "an eventBridge event needs 'pattern' or 'schedule'",
                    "add pattern: {source: [my.source]} or schedule: rate(5 minutes)");
        }
        r.optMap("pattern").ifPresent(p -> p.checkKnownKeys(PATTERN_KEYS, context.diagnostics()));
        String schedule = r.optString("schedule").orElse(null);
        if (schedule != null) {
            ScheduleExpressions.check(schedule, r.raw("schedule").position(), r.childPath("schedule"));
        }
        String ruleName = r.optString("name").orElse(null);
        if (ruleName == null) {
            ruleName = hashedRuleName(function.name(), index);
        }
        String state = r.bool("enabled", true) ? "ENABLED" : "DISABLED";
        int inputs = (r.has("input") ? 1 : 0) + (r.has("inputPath") ? 1 : 0) + (r.has("inputTransformer") ? 1 : 0);
        if (inputs > 1) {
            throw EventSupport.error(event, "only one of input, inputPath or inputTransformer may be set",
                    "keep one of them");
        }
        Object eventBus = EventSupport.stringOrIntrinsic(r, "eventBus", "an event bus name, ARN or intrinsic");
        Object busName = eventBus;
        boolean busExists = eventBus instanceof Map;
        if (eventBus instanceof String s && s.startsWith("arn") && !s.matches("arn:aws[a-z-]*:events:[^:]*:[^:]*:event-bus/.+")) {
            throw r.error("eventBus", "'" + s + "' is not an event bus ARN (arn:aws:events:<region>:<account>:"
                    + "event-bus/<name>)", "write the event bus's ARN or its name");
        }
        if (eventBus instanceof String s && s.startsWith("arn")) {
            busExists = true;
            busName = s.substring(s.indexOf('/') + 1);
        }
        boolean createBus = !busExists && busName != null && !"default".equals(busName);
        if (createBus) {
            context.template().addResource(Naming.eventBusLogicalId((String) busName), Cfn.resource(
                    "AWS::Events::EventBus", Cfn.map("Name", busName)));
        }

        Object target = EventSupport.target(context, function);
        Map<String, Object> ruleTarget = Cfn.map("Arn", target, "Id", targetId(ruleName));
        r.optMap("retryPolicy").ifPresent(p -> ruleTarget.put("RetryPolicy", Cfn.map(
                "MaximumEventAgeInSeconds", p.optInt("maximumEventAge", 60, 86400).orElse(null),
                "MaximumRetryAttempts", p.optInt("maximumRetryAttempts", 0, 185).orElse(null))));
        Object deadLetter = EventSupport.stringOrIntrinsic(r, "deadLetterQueueArn", "an SQS queue ARN or intrinsic");
        if (deadLetter != null) {
            ruleTarget.put("DeadLetterConfig", Cfn.map("Arn", deadLetter));
        }
        if (r.has("input")) {
            ruleTarget.put("Input", Json.compact(r.plain("input")));
        } else if (r.has("inputPath")) {
            ruleTarget.put("InputPath", r.optString("inputPath").orElseThrow());
        } else if (r.has("inputTransformer")) {
            ConfigReader t = r.optMap("inputTransformer").orElseThrow();
            Map<String, Object> transformer = new LinkedHashMap<>();
            for (String key : t.keys()) {
                transformer.put(Naming.upperFirst(key), t.plain(key));
            }
            if (!transformer.containsKey("InputTemplate")) {
                throw t.error("inputTemplate", "missing required property 'inputTemplate'",
                        "add inputTemplate: '{\"id\": <id>}'");
            }
            ruleTarget.put("InputTransformer", transformer);
        }
        String alias = EventSupport.alias(context, function);
        String ruleId = Naming.eventBridgeRuleLogicalId(Naming.eventBridgeRuleName(function.name(), index));
        context.template().addResource(ruleId, Cfn.map(
                "Type", "AWS::Events::Rule",
                "DependsOn", createBus ? Naming.eventBusLogicalId((String) busName) : alias,
                "Properties", Cfn.map(
                        "Description", r.optString("description").orElse(null),
                        "EventBusName", "default".equals(busName) ? null : busName,
                        "EventPattern", r.plain("pattern"),
                        "Name", ruleName,
                        "ScheduleExpression", schedule,
                        "State", state,
                        "Targets", Cfn.list(ruleTarget))));
        List<Object> arnPath = busName != null ? Cfn.list("rule", busName, ruleName) : Cfn.list("rule", ruleName);
        context.template().addResource(Naming.eventBridgePermissionLogicalId(function.key(), index),
                EventSupport.permission(target, alias, "events.amazonaws.com", Cfn.join(":", "arn",
                        Cfn.ref("AWS::Partition"), "events", Cfn.ref("AWS::Region"), Cfn.ref("AWS::AccountId"),
                        Cfn.map("Fn::Join", Cfn.list("/", arnPath)))));
    }

    /** v3's makeAndHashRuleName: names over 64 characters are shortened with an MD5 digest. */
    static String hashedRuleName(String functionName, int index) {
        String name = Naming.eventBridgeRuleName(functionName, index);
        return name.length() > 64 ? hashName(name, "rule-" + index) : name;
    }

    static String targetId(String ruleName) {
        String id = ruleName + "-target";
        return id.length() > 64 ? hashName(id, "target") : id;
    }

    private static String hashName(String name, String suffix) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, 31 - suffix.length()) + HexFormat.of().formatHex(digest) + "-" + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
