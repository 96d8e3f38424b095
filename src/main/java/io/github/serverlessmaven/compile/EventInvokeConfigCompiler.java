package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code destinations}, {@code maximumEventAge} and {@code maximumRetryAttempts}: one
 * {@code AWS::Lambda::EventInvokeConfig} per function and, unless the function has its own role, a role
 * statement allowing each destination, as v3's {@code compileFunctionEventInvokeConfig}.
 */
final class EventInvokeConfigCompiler {

    private static final List<String> TYPES = List.of("function", "sqs", "sns", "eventBus");

    void compile(CompileContext context, FunctionDef f) {
        ConfigReader fn = new ConfigReader(f.raw(), f.path());
        ConfigReader destinations = fn.optMap("destinations").orElse(null);
        Integer maximumEventAge = fn.optInt("maximumEventAge", 60, 21600).orElse(null);
        Integer maximumRetryAttempts = fn.optInt("maximumRetryAttempts", 0, 2).orElse(null);
        if (destinations == null && maximumEventAge == null && maximumRetryAttempts == null) {
            return;
        }
        Map<String, Object> destinationConfig = Cfn.map();
        if (destinations != null) {
            destinations.checkKnownKeys(Set.of("onSuccess", "onFailure"), context.diagnostics());
            boolean ownRole = f.role() != null || context.service().provider().iam().existingRole() != null;
            for (String key : List.of("onSuccess", "onFailure")) {
                Node target = destinations.raw(key);
                if (target == null) {
                    continue;
                }
                Destination d = destination(context, target, destinations.childPath(key));
                destinationConfig.put(Naming.upperFirst(key), Cfn.map("Destination", d.arn()));
                if (!ownRole) {
                    context.addRoleStatement(f, Cfn.map("Effect", "Allow", "Action", d.action(),
                            "Resource", d.policyResource()));
                }
            }
        }
        String alias = context.aliasLogicalId(f);
        Map<String, Object> properties = Cfn.map("FunctionName", Cfn.ref(Naming.functionLogicalId(f.key())),
                "DestinationConfig", destinationConfig,
                "Qualifier", alias == null ? "$LATEST" : f.provisionedConcurrency() != null ? "provisioned"
                        : "snapstart",
                "MaximumEventAgeInSeconds", maximumEventAge,
                "MaximumRetryAttempts", maximumRetryAttempts);
        context.template().addResource(Naming.eventInvokeConfigLogicalId(f.key()), Cfn.map(
                "Type", "AWS::Lambda::EventInvokeConfig", "Properties", properties, "DependsOn", alias));
    }

    /**
     * @param arn the DestinationConfig target
     * @param policyResource the role statement's resource: for a function of this service an Fn::Sub of its
     *     name, as v3 writes it to avoid a circular dependency between the role and the target function
     */
    private record Destination(Object arn, String action, Object policyResource) {}

    private static Destination destination(CompileContext context, Node node, String path) {
        if (node instanceof MapNode) {
            ConfigReader d = ConfigReader.of(node, path);
            d.checkKnownKeys(Set.of("type", "arn"), context.diagnostics());
            String type = d.optEnum("type", TYPES).orElseThrow(() -> new ConfigException(node.position(), path,
                    "missing required property 'type'", "add type: one of " + TYPES));
            Object arn = d.plain("arn");
            if (arn == null) {
                throw new ConfigException(node.position(), path, "missing required property 'arn'",
                        "add the destination's ARN, for example {Fn::GetAtt: [MyQueue, Arn]}");
            }
            String action = switch (type) {
                case "function" -> "lambda:InvokeFunction";
                case "sqs" -> "sqs:SendMessage";
                case "sns" -> "sns:Publish";
                default -> "events:PutEvents";
            };
            return new Destination(arn, action, arn);
        }
        if (!(node instanceof ScalarNode s && s.value() instanceof String text) || text.isBlank()) {
            throw ConfigReader.typeError(node, path, "a function key, an ARN or a map with type and arn");
        }
        if (!text.startsWith("arn:")) {
            FunctionDef target = context.function(text);
            if (target == null) {
                String suggestion = ConfigReader.closest(text, context.service().functions().keySet());
                throw new ConfigException(node.position(), path, "the destination '" + text + "' is neither an "
                        + "ARN nor a function of this service", suggestion != null ? "write '" + suggestion + "'"
                                : "use a function key (one of " + context.service().functions().keySet()
                                        + ") or an SQS, SNS, EventBridge or Lambda ARN");
            }
            return new Destination(context.functionInvokeArn(target), "lambda:InvokeFunction", Cfn.sub(
                    "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:" + target.name()));
        }
        String action;
        if (text.contains(":function:")) {
            action = "lambda:InvokeFunction";
        } else if (text.contains(":sqs:")) {
            action = "sqs:SendMessage";
        } else if (text.contains(":sns:")) {
            action = "sns:Publish";
        } else if (text.contains(":event-bus/")) {
            action = "events:PutEvents";
        } else {
            throw new ConfigException(node.position(), path, "unsupported destination '" + text + "': expected a "
                    + "Lambda function, SQS queue, SNS topic or EventBridge bus ARN", "use such an ARN, or "
                    + "{type: sqs|sns|function|eventBus, arn: ...}");
        }
        return new Destination(text, action, text);
    }
}
