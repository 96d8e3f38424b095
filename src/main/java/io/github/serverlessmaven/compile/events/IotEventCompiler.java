package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code iot} events: an IoT topic rule with a Lambda action and the permission for it, per event. */
public final class IotEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("sql", "sqlVersion", "name", "enabled", "description");

    @Override
    public String type() {
        return "iot";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        for (FunctionEvent event : events) {
            FunctionDef function = event.function();
            ConfigReader r = EventSupport.reader(event, "a map with 'sql'", KEYS, context);
            String sql = singleLine(r.string("sql", "add sql: \"SELECT * FROM 'my/topic'\""));
            String name = r.optString("name").map(IotEventCompiler::singleLine).orElse(null);
            if (name != null && !name.matches("[a-zA-Z0-9_]{1,128}")) {
                throw r.error("name", "IoT rule name '" + name + "' may contain only letters, digits and '_' (at "
                        + "most 128)", "write '" + name.replaceAll("[^a-zA-Z0-9_]", "_") + "'");
            }
            String sqlVersion = r.optEnum("sqlVersion", List.of("2015-10-08", "2016-03-23", "beta"))
                    .orElse(null);
            String description = r.optString("description").map(IotEventCompiler::singleLine).orElse(null);
            String ruleId = Naming.iotTopicRuleLogicalId(function.key(), event.typeIndex());
            Object target = EventSupport.target(context, function);
            String alias = EventSupport.alias(context, function);
            Map<String, Object> payload = Cfn.map(
                    "RuleDisabled", !r.bool("enabled", true),
                    "Sql", sql,
                    "Actions", Cfn.list(Cfn.map("Lambda", Cfn.map("FunctionArn", target))),
                    "Description", description,
                    "AwsIotSqlVersion", sqlVersion);
            context.template().addResource(ruleId, Cfn.map("Type", "AWS::IoT::TopicRule", "DependsOn", alias,
                    "Properties", Cfn.map("TopicRulePayload", payload, "RuleName", name)));
            context.template().addResource(Naming.iotPermissionLogicalId(function.key(), event.typeIndex()),
                    EventSupport.permission(target, alias, "iot.amazonaws.com", Cfn.arnJoin(":iot:",
                            Cfn.ref("AWS::Region"), ":", Cfn.ref("AWS::AccountId"), ":rule/", Cfn.ref(ruleId))));
        }
    }

    private static String singleLine(String text) {
        return text.replaceAll("\\r?\\n", "");
    }
}
