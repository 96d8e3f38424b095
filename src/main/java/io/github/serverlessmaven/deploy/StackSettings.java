package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.RollbackConfiguration;
import software.amazon.awssdk.services.cloudformation.model.RollbackTrigger;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * The stack-level provider settings every stack action sends: capabilities, tags ({@code STAGE} plus
 * {@code stackTags}), {@code stackParameters}, {@code iam.deploymentRole}, {@code notificationArns},
 * {@code rollbackConfiguration} and {@code disableRollback}.
 */
public final class StackSettings {

    private StackSettings() {}

    private static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

    public static StackRequest of(Service service) {
        ConfigReader provider = new ConfigReader(service.provider().raw(), "provider");
        String name = service.stackName();
        // provider.stackName is checked by the parser; a derived <service>-<stage> name is checked here.
        if (!provider.has("stackName") && (!STACK_NAME.matcher(name).matches() || name.length() > 128)) {
            throw new io.github.serverlessmaven.config.ConfigException(provider.position(), "provider.stackName",
                    "the stack name '" + name + "' (service-stage) is not valid: CloudFormation wants a letter, then "
                            + "letters, digits and hyphens, at most 128 characters",
                    "shorten the service or stage name, or set provider.stackName");
        }
        return new StackRequest(service.stackName(), null, null,
                List.of(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND),
                tags(service), parameters(provider), service.provider().iam().deploymentRole(),
                provider.stringList("notificationArns"), rollbackConfiguration(provider),
                provider.optBool("disableRollback").orElse(false), stackPolicy(provider));
    }

    static List<Tag> tags(Service service) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("STAGE", service.stage());
        service.provider().stackTags().forEach((key, value) -> {
            if (key.toUpperCase(Locale.ROOT).equals("STAGE")) {
                tags.remove("STAGE");
            }
            tags.put(key, String.valueOf(value));
        });
        List<Tag> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }

    private static List<Parameter> parameters(ConfigReader provider) {
        List<Parameter> out = new ArrayList<>();
        List<Node> items = provider.list("stackParameters");
        for (int i = 0; i < items.size(); i++) {
            ConfigReader p = ConfigReader.of(items.get(i), "provider.stackParameters[" + i + "]");
            String key = p.optString("ParameterKey").orElseThrow(() -> p.error("ParameterKey",
                    "a stack parameter needs a ParameterKey", "add ParameterKey: <name>"));
            Parameter.Builder b = Parameter.builder().parameterKey(key);
            p.optString("ParameterValue").ifPresent(b::parameterValue);
            p.optBool("UsePreviousValue").ifPresent(b::usePreviousValue);
            p.optString("ResolvedValue").ifPresent(b::resolvedValue);
            out.add(b.build());
        }
        return out;
    }

    /** {@code provider.stackPolicy}: a list of statements, sent as {@code {"Statement": [...]}}. */
    private static String stackPolicy(ConfigReader provider) {
        if (!provider.has("stackPolicy")) {
            return null;
        }
        if (!(provider.raw("stackPolicy") instanceof io.github.serverlessmaven.config.ListNode statements)) {
            throw provider.error("stackPolicy", "expected a list of stack policy statements",
                    "write stackPolicy as a list, e.g. - Effect: Allow, Principal: '*', Action: 'Update:*', "
                            + "Resource: '*'");
        }
        return io.github.serverlessmaven.template.Json.compact(java.util.Map.of("Statement", statements.toPlain()));
    }

    private static RollbackConfiguration rollbackConfiguration(ConfigReader provider) {
        return provider.optMap("rollbackConfiguration").map(r -> {
            RollbackConfiguration.Builder b = RollbackConfiguration.builder();
            r.optInt("MonitoringTimeInMinutes", 0, 180).ifPresent(b::monitoringTimeInMinutes);
            List<RollbackTrigger> triggers = new ArrayList<>();
            List<Node> items = r.list("RollbackTriggers");
            for (int i = 0; i < items.size(); i++) {
                ConfigReader t = ConfigReader.of(items.get(i), r.childPath("RollbackTriggers") + "[" + i + "]");
                triggers.add(RollbackTrigger.builder()
                        .arn(t.optString("Arn").orElseThrow(() -> t.error("Arn", "a rollback trigger needs an Arn",
                                "add Arn: <CloudWatch alarm ARN>")))
                        .type(t.optString("Type").orElse("AWS::CloudWatch::Alarm")).build());
            }
            return b.rollbackTriggers(triggers).build();
        }).orElse(null);
    }
}
