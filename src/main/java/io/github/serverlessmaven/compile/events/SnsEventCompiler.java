package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code sns} events: a topic created by name (the subscription inline in the topic, or a separate
 * subscription resource when it has a filter or redrive policy), or a subscription to an existing topic ARN;
 * always a Lambda permission, and an SQS queue policy for a dead-letter queue.
 */
public final class SnsEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("arn", "topicName", "displayName", "filterPolicy",
            "filterPolicyScope", "redrivePolicy");
    private static final Pattern TOPIC_NAME = Pattern.compile("^[\\w-]{1,256}$");

    @Override
    public String type() {
        return "sns";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        for (FunctionEvent event : events) {
            compileEvent(context, event);
        }
    }

    @SuppressWarnings("unchecked")
    private void compileEvent(CompileContext context, FunctionEvent event) {
        FunctionDef function = event.function();
        String shorthand = EventSupport.shorthand(event);
        ConfigReader r = null;
        Object topicArn = null;
        String topicName;
        String region = null;
        if (shorthand != null) {
            if (shorthand.startsWith("arn:")) {
                topicArn = shorthand;
                topicName = shorthand.substring(shorthand.lastIndexOf(':') + 1);
            } else {
                checkTopicName(shorthand, event.event().body().position(), event.event().path());
                topicName = shorthand;
            }
        } else {
            r = EventSupport.reader(event, "a topic name, a topic ARN or a map with 'arn' or 'topicName'", KEYS,
                    context);
            String explicitName = r.optString("topicName").orElse(null);
            if (explicitName != null) {
                checkTopicName(explicitName, r.raw("topicName").position(), r.childPath("topicName"));
            }
            if (r.has("arn")) {
                topicArn = EventSupport.stringOrIntrinsic(r, "arn", "a topic ARN or an intrinsic function");
                String derivedName = null;
                if (topicArn instanceof String arn) {
                    String[] parts = arn.replace("::", "@@").split(":", -1);
                    derivedName = parts[parts.length - 1].replace("@@", "::");
                    if (parts.length > 3 && !parts[3].replace("@@", "::").equals(context.region())) {
                        region = parts[3].replace("@@", "::");
                    }
                }
                topicName = explicitName != null ? explicitName : derivedName;
                if (topicName == null) {
                    throw r.error("arn", "missing 'topicName': it is needed when 'arn' is not a plain ARN string",
                            "add topicName: <the topic's name>");
                }
            } else if (explicitName != null) {
                topicName = explicitName;
            } else {
                throw EventSupport.error(event, "an sns event needs 'arn' or 'topicName'",
                        "add topicName: my-topic (to create it) or arn: <an existing topic ARN>");
            }
        }

        Object endpoint = EventSupport.target(context, function);
        String alias = EventSupport.alias(context, function);
        if (r != null && r.raw("filterPolicy") != null && !(r.raw("filterPolicy") instanceof MapNode)) {
            throw ConfigReader.typeError(r.raw("filterPolicy"), r.childPath("filterPolicy"),
                    "a map of attribute names to lists of values, such as { severity: [high] }");
        }
        Object filterPolicy = r != null ? r.plain("filterPolicy") : null;
        Object filterPolicyScope = r != null
                ? r.optEnum("filterPolicyScope", List.of("MessageAttributes", "MessageBody")).orElse(null) : null;
        Object redrivePolicy = r != null && r.has("redrivePolicy")
                ? redrivePolicy(context, function, r.optMap("redrivePolicy").orElseThrow(), topicName, topicArn)
                : null;
        String subscriptionId = Naming.snsSubscriptionLogicalId(function.key(), topicName);
        if (topicArn != null) {
            context.template().addResource(subscriptionId, Cfn.map(
                    "Type", "AWS::SNS::Subscription",
                    "DependsOn", alias,
                    "Properties", Cfn.map(
                            "TopicArn", topicArn,
                            "Protocol", "lambda",
                            "Endpoint", endpoint,
                            "FilterPolicy", filterPolicy,
                            "FilterPolicyScope", filterPolicyScope,
                            "RedrivePolicy", redrivePolicy,
                            "Region", region)));
        } else {
            topicArn = Cfn.arnJoin(":sns:", Cfn.ref("AWS::Region"), ":", Cfn.ref("AWS::AccountId"), ":", topicName);
            String topicId = Naming.topicLogicalId(topicName);
            if (!context.template().hasResource(topicId)) {
                String displayName = r != null ? r.optString("displayName").orElse(null) : null;
                context.template().addResource(topicId, Cfn.map(
                        "Type", "AWS::SNS::Topic",
                        "DependsOn", alias,
                        "Properties", Cfn.map("TopicName", topicName, "DisplayName", displayName)));
            }
            Map<String, Object> subscription = Cfn.map("Endpoint", endpoint, "Protocol", "lambda");
            if (filterPolicy != null || redrivePolicy != null) {
                subscription.put("TopicArn", Cfn.ref(topicId));
                if (filterPolicy != null) {
                    subscription.put("FilterPolicy", filterPolicy);
                }
                if (filterPolicyScope != null) {
                    subscription.put("FilterPolicyScope", filterPolicyScope);
                }
                if (redrivePolicy != null) {
                    subscription.put("RedrivePolicy", redrivePolicy);
                }
                context.template().addResource(subscriptionId, Cfn.map("Type", "AWS::SNS::Subscription",
                        "Properties", subscription));
            } else {
                Map<String, Object> properties = (Map<String, Object>) context.template().resource(topicId)
                        .get("Properties");
                ((List<Object>) properties.computeIfAbsent("Subscription", k -> new ArrayList<>())).add(subscription);
            }
        }
        context.template().addResource(Naming.snsPermissionLogicalId(function.key(), topicName),
                EventSupport.permission(endpoint, alias, "sns.amazonaws.com", topicArn));
    }

    private static void checkTopicName(String name, Position position, String path) {
        if (!TOPIC_NAME.matcher(name).matches()) {
            throw new ConfigException(position, path, "invalid topic name '" + name + "': expected up to 256 "
                    + "letters, digits, '-' or '_'", "use a plain topic name, or an ARN starting with arn:");
        }
    }

    /** The subscription's redrive policy, and the queue policy letting the topic send to the dead-letter queue. */
    private static Object redrivePolicy(CompileContext context, FunctionDef function, ConfigReader policy,
            String topicName, Object topicArn) {
        Object targetArn;
        Object targetUrl;
        if (policy.has("deadLetterTargetArn")) {
            String arn = policy.string("deadLetterTargetArn", "add the queue ARN");
            String[] parts = arn.split(":");
            if (!SqsEventCompiler.SQS_ARN.matcher(arn).matches()) {
                throw policy.error("deadLetterTargetArn", "'" + arn + "' is not an SQS queue ARN",
                        "use arn:aws:sqs:<region>:<account-id>:<queue-name>");
            }
            targetArn = arn;
            targetUrl = Cfn.join("", "https://sqs." + parts[parts.length - 3] + ".", Cfn.ref("AWS::URLSuffix"),
                    "/" + parts[parts.length - 2] + "/" + parts[parts.length - 1]);
        } else if (policy.has("deadLetterTargetRef")) {
            String ref = policy.string("deadLetterTargetRef", "add the queue's logical ID");
            targetArn = Cfn.getAtt(ref, "Arn");
            targetUrl = Cfn.ref(ref);
        } else if (policy.has("deadLetterTargetImport")) {
            ConfigReader imports = policy.optMap("deadLetterTargetImport").orElseThrow();
            targetArn = Cfn.map("Fn::ImportValue", imports.string("arn", "add arn: <export name of the queue ARN>"));
            targetUrl = Cfn.map("Fn::ImportValue", imports.string("url", "add url: <export name of the queue URL>"));
        } else {
            throw new ConfigException(policy.position(), policy.path(), "a redrivePolicy needs one of "
                    + "deadLetterTargetArn, deadLetterTargetRef or deadLetterTargetImport",
                    "add deadLetterTargetRef: <logical ID of an SQS queue in resources>");
        }
        String policyId = Naming.topicDeadLetterPolicyLogicalId(function.key(), topicName);
        context.template().addResource(policyId, Cfn.resource("AWS::SQS::QueuePolicy", Cfn.map(
                "PolicyDocument", Cfn.map(
                        "Version", "2012-10-17",
                        "Id", policyId,
                        "Statement", Cfn.list(Cfn.map(
                                "Effect", "Allow",
                                "Principal", Cfn.map("Service", "sns.amazonaws.com"),
                                "Action", "sqs:SendMessage",
                                "Resource", targetArn,
                                "Condition", Cfn.map("ArnEquals", Cfn.map("aws:SourceArn", topicArn))))),
                "Queues", Cfn.list(targetUrl))));
        return Cfn.map("deadLetterTargetArn", targetArn);
    }
}
