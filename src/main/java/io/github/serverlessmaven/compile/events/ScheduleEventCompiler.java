package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.compile.FunctionRoleCompiler;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.config.YamlLoader;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code schedule} events: an EventBridge rule and a Lambda permission per expression (v3's default), or an
 * EventBridge Scheduler schedule with {@code method: scheduler}.
 */
public final class ScheduleEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("rate", "enabled", "name", "description", "input", "inputPath",
            "inputTransformer", "method", "timezone");

    @Override
    public String type() {
        return "schedule";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Map<String, Integer> counters = new HashMap<>();
        Set<FunctionDef> schedulerFunctions = new LinkedHashSet<>();
        for (FunctionEvent event : events) {
            compileEvent(context, event, counters, schedulerFunctions);
        }
        if (!schedulerFunctions.isEmpty()) {
            grantScheduler(context, schedulerFunctions);
        }
    }

    private void compileEvent(CompileContext context, FunctionEvent event, Map<String, Integer> counters,
            Set<FunctionDef> schedulerFunctions) {
        FunctionDef function = event.function();
        String path = event.event().path();
        List<Object> expressions = new ArrayList<>();
        String state = "ENABLED";
        Object input = null;
        String inputPath = null;
        Object inputTransformer = null;
        String name = null;
        String description = null;
        String timezone = null;
        boolean scheduler = false;
        String shorthand = EventSupport.shorthand(event);
        if (shorthand != null) {
            ScheduleExpressions.check(shorthand, event.event().body().position(), path);
            expressions.add(shorthand);
        } else {
            ConfigReader r = EventSupport.reader(event, "a rate/cron expression or a map with 'rate'", KEYS, context);
            List<Node> rates = r.list("rate");
            if (rates.isEmpty()) {
                throw r.error("rate", "missing required property 'rate'", "add rate: rate(5 minutes)");
            }
            for (int i = 0; i < rates.size(); i++) {
                Object value = rates.get(i).toPlain();
                String itemPath = r.childPath("rate") + (r.raw("rate") instanceof ListNode
                        ? "[" + i + "]" : "");
                if (value instanceof String s) {
                    ScheduleExpressions.check(s, rates.get(i).position(), itemPath);
                } else if (!Cfn.isIntrinsic(value)) {
                    throw ConfigReader.typeError(rates.get(i), itemPath, "a rate/cron expression");
                }
                expressions.add(value);
            }
            if (!r.bool("enabled", true)) {
                state = "DISABLED";
            }
            name = r.optString("name").orElse(null);
            description = r.optString("description").orElse(null);
            int inputs = (r.has("input") ? 1 : 0) + (r.has("inputPath") ? 1 : 0) + (r.has("inputTransformer") ? 1 : 0);
            if (inputs > 1) {
                throw r.error(r.has("inputPath") ? "inputPath" : "inputTransformer", "only one of input, inputPath "
                        + "and inputTransformer can be set: EventBridge passes the target one of them",
                        "keep the one you need and remove the others");
            }
            inputPath = r.optString("inputPath").orElse(null);
            timezone = r.optString("timezone").orElse(null);
            scheduler = "scheduler".equals(r.optEnum("method", List.of("eventBus", "scheduler")).orElse(null));
            if (expressions.size() > 1 && name != null) {
                throw r.error("name", "a name cannot be given when the event has more than one rate expression",
                        "remove 'name' or split the expressions into separate schedule events");
            }
            input = input(r);
            if (r.has("inputTransformer")) {
                if (scheduler) {
                    throw r.error("inputTransformer", "'inputTransformer' is not supported with method: scheduler",
                            "remove it or use the default method (eventBus)");
                }
                ConfigReader t = r.optMap("inputTransformer").orElseThrow();
                inputTransformer = Cfn.map("InputTemplate", t.string("inputTemplate", "add inputTemplate"),
                        "InputPathsMap", t.has("inputPathsMap") ? t.plain("inputPathsMap") : null);
            }
            if (inputPath != null && scheduler) {
                throw r.error("inputPath", "'inputPath' is not supported with method: scheduler",
                        "remove it or use the default method (eventBus)");
            }
            if (timezone != null && !scheduler) {
                throw r.error("timezone", "'timezone' is only supported with method: scheduler",
                        "add method: scheduler or remove timezone");
            }
        }

        Object target = EventSupport.target(context, function);
        String alias = EventSupport.alias(context, function);
        for (Object expression : expressions) {
            Integer before = counters.get(function.key());
            int n = before == null ? 1 : before + 1;
            counters.put(function.key(), n);
            if (scheduler) {
                schedulerFunctions.add(function);
                Object roleArn = functionRole(context, function);
                context.template().addResource(Naming.schedulerScheduleLogicalId(function.key(), n), Cfn.map(
                        "Type", "AWS::Scheduler::Schedule",
                        "DependsOn", alias,
                        "Properties", Cfn.map(
                                "ScheduleExpression", expression,
                                "State", state,
                                "Target", Cfn.map("Arn", target, "RoleArn", roleArn, "Input", input),
                                "FlexibleTimeWindow", Cfn.map("Mode", "OFF"),
                                "Name", name,
                                "Description", description,
                                "ScheduleExpressionTimezone", timezone)));
                continue;
            }
            String ruleId = Naming.scheduleLogicalId(function.key(), n);
            Map<String, Object> ruleTarget = Cfn.map("Input", input, "InputPath", inputPath,
                    "InputTransformer", inputTransformer, "Arn", target, "Id", Naming.scheduleTargetId(function.key()));
            context.template().addResource(ruleId, Cfn.map(
                    "Type", "AWS::Events::Rule",
                    "DependsOn", alias,
                    "Properties", Cfn.map(
                            "ScheduleExpression", expression,
                            "State", state,
                            "Name", name,
                            "Description", description,
                            "Targets", Cfn.list(ruleTarget))));
            context.template().addResource(Naming.schedulePermissionLogicalId(function.key(), n),
                    EventSupport.permission(target, alias, "events.amazonaws.com", Cfn.getAtt(ruleId, "Arn")));
        }
    }

    /** v3 sends objects JSON-encoded (a string {@code body} parsed first) and strings as they are. */
    private static Object input(ConfigReader r) {
        Node raw = r.raw("input");
        if (raw == null) {
            return null;
        }
        if (raw instanceof ScalarNode s) {
            return String.valueOf(s.value());
        }
        if (!(raw instanceof MapNode map)) {
            throw ConfigReader.typeError(raw, r.childPath("input"), "a string or a map");
        }
        Map<String, Object> value = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : map.entries().entrySet()) {
            value.put(entry.getKey(), entry.getValue().toPlain());
        }
        if (value.get("body") instanceof String body) {
            value.put("body", YamlLoader.load(body, r.childPath("input.body")).toPlain());
        }
        return Json.compact(value);
    }

    private static Object functionRole(CompileContext context, FunctionDef function) {
        Map<String, Object> resource = context.template().resource(Naming.functionLogicalId(function.key()));
        if (resource != null && resource.get("Properties") instanceof Map<?, ?> properties) {
            return properties.get("Role");
        }
        return null;
    }

    /**
     * Each role a schedule runs as must trust the scheduler and allow it to invoke the scheduled functions: the
     * shared role for every scheduled function without a role of its own (v3's statement), and a function's own
     * role for that function alone.
     */
    private static void grantScheduler(CompileContext context, Set<FunctionDef> functions) {
        List<Object> sharedResources = new ArrayList<>();
        for (FunctionDef f : functions) {
            if (FunctionRoleCompiler.hasOwnRole(f)) {
                trustScheduler(context, Naming.functionRoleLogicalId(f.key()));
                context.addRoleStatement(f, invokeStatement(invokableArns(f)));
            } else {
                sharedResources.addAll(invokableArns(f));
            }
        }
        if (!sharedResources.isEmpty() && trustScheduler(context, Naming.roleLogicalId())) {
            context.addRoleStatement(invokeStatement(sharedResources));
        }
    }

    /** The function and any of its versions or aliases, as v3 grants them. */
    private static List<Object> invokableArns(FunctionDef f) {
        String arn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + f.name();
        return List.of(Cfn.sub(arn), Cfn.sub(arn + ":*"));
    }

    private static Map<String, Object> invokeStatement(List<Object> resources) {
        return Cfn.map("Effect", "Allow", "Action", Cfn.list("lambda:InvokeFunction"), "Resource", resources);
    }

    /** Adds the scheduler to the role's Lambda trust statement; false when the template has no such role. */
    @SuppressWarnings("unchecked")
    private static boolean trustScheduler(CompileContext context, String roleLogicalId) {
        Map<String, Object> role = context.template().resource(roleLogicalId);
        if (role == null) {
            return false;
        }
        Map<String, Object> properties = (Map<String, Object>) role.get("Properties");
        Map<String, Object> assume = (Map<String, Object>) properties.get("AssumeRolePolicyDocument");
        for (Object statement : (List<Object>) assume.get("Statement")) {
            Map<String, Object> s = (Map<String, Object>) statement;
            if (s.get("Principal") instanceof Map<?, ?> principal
                    && principal.get("Service") instanceof List<?> services && services.contains("lambda.amazonaws.com")) {
                if (!services.contains("scheduler.amazonaws.com")) {
                    ((List<Object>) services).add("scheduler.amazonaws.com");
                }
                break;
            }
        }
        return true;
    }
}
