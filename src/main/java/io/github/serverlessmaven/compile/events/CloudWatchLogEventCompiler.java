package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code cloudwatchLog} events: a subscription filter per event and one Lambda permission per function whose
 * source ARN covers the common prefix of the function's log groups. CloudWatch Logs allows two subscription
 * filters per log group.
 */
public final class CloudWatchLogEventCompiler implements EventCompiler {

    static final int FILTERS_PER_LOG_GROUP = 2;
    private static final Set<String> KEYS = Set.of("logGroup", "filter");
    private static final Pattern LOG_GROUP = Pattern.compile("^[/#A-Za-z0-9-_.]+$");

    @Override
    public String type() {
        return "cloudwatchLog";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Map<String, Integer> perLogGroup = new HashMap<>();
        Map<FunctionDef, List<String>> logGroupsOfFunction = new HashMap<>();
        for (FunctionEvent event : events) {
            FunctionDef function = event.function();
            String shorthand = EventSupport.shorthand(event);
            String logGroup;
            String filter = "";
            Position position;
            String path;
            if (shorthand != null) {
                logGroup = shorthand;
                position = event.event().body().position();
                path = event.event().path();
            } else {
                ConfigReader r = EventSupport.reader(event, "a log group name or a map with 'logGroup'", KEYS, context);
                logGroup = r.string("logGroup", "add logGroup: /aws/lambda/other-function");
                filter = r.optString("filter").orElse("").replaceAll("\\r?\\n", "");
                position = r.raw("logGroup").position();
                path = r.childPath("logGroup");
            }
            logGroup = logGroup.replaceAll("\\r?\\n", "");
            if (!LOG_GROUP.matcher(logGroup).matches()) {
                throw new ConfigException(position, path, "invalid log group name '" + logGroup + "': expected "
                        + "letters, digits and / # - _ .", "use a name like /aws/lambda/my-function");
            }
            int count = perLogGroup.merge(logGroup, 1, Integer::sum);
            if (count > FILTERS_PER_LOG_GROUP) {
                throw new ConfigException(position, path, "only " + FILTERS_PER_LOG_GROUP + " subscription filters "
                        + "can be configured per log group, and this event would be number " + count + " for '"
                        + logGroup + "'",
                        "remove a cloudwatchLog event on this log group, or fan out from one function");
            }
            List<String> groups = logGroupsOfFunction.computeIfAbsent(function, f -> new ArrayList<>());
            groups.add(logGroup);
            int first = filter.indexOf('\\');
            int quote = filter.indexOf('"');
            if (first >= 0 && quote >= 0 && quote > first) {
                filter = filter.replaceAll("\\\\([\"\\\\'])", "$1");
            }
            String permissionId = Naming.cloudWatchLogPermissionLogicalId(function.key());
            String alias = EventSupport.alias(context, function);
            Object target = EventSupport.target(context, function);
            context.template().addResource(Naming.cloudWatchLogSubscriptionLogicalId(function.key(), groups.size()),
                    Cfn.map("Type", "AWS::Logs::SubscriptionFilter",
                            "DependsOn", EventSupport.dependsOn(permissionId, alias),
                            "Properties", Cfn.map("LogGroupName", logGroup, "FilterPattern", filter,
                                    "DestinationArn", target)));
            Map<String, Object> permission = EventSupport.permission(target, null,
                    Cfn.join("", "logs.", Cfn.ref("AWS::Region"), ".amazonaws.com"),
                    Cfn.arnJoin(":logs:", Cfn.ref("AWS::Region"), ":", Cfn.ref("AWS::AccountId"), ":log-group:",
                            commonPrefix(groups), ":*"));
            if (alias != null) {
                permission.put("DependsOn", Cfn.list(alias));
            }
            context.template().addResource(permissionId, permission);
        }
    }

    /** v3's longestCommonSuffix (a common prefix despite the name), with a wildcard when it covers several groups. */
    static String commonPrefix(List<String> names) {
        String common = names.get(0);
        for (String name : names) {
            int i = 0;
            while (i < common.length() && i < name.length() && common.charAt(i) == name.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        if (names.size() > 1 && !common.endsWith("*")) {
            common += "*";
        }
        return common;
    }
}
