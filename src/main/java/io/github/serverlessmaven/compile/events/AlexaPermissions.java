package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.template.Cfn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * What {@code alexaSkill} and {@code alexaSmartHome} share (v3's alexa-skill.js and alexa-smart-home.js): the
 * event is a skill ID (v3's awsAlexaEventToken) or {@code {appId, enabled}}, and becomes one Lambda permission for
 * the Alexa service principal, with the skill ID as EventSourceToken; {@code enabled: false} keeps the resource
 * but turns its Action into {@code lambda:DisableInvokeFunction}.
 */
final class AlexaPermissions {

    private static final Set<String> KEYS = Set.of("appId", "enabled");

    /** v3's awsAlexaEventToken: {@code ^[a-zA-Z0-9._\-]+$}, at most 256 characters. */
    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9._\\-]+");

    private static final String EXAMPLE = "amzn1.ask.skill.12345678-1234-1234-1234-123456789012";

    private AlexaPermissions() {}

    static void compile(CompileContext context, List<FunctionEvent> events, String principal,
            BiFunction<String, Integer, String> logicalId) {
        for (FunctionEvent event : events) {
            String appId;
            boolean enabled = true;
            Node body = event.event().body();
            if (body instanceof MapNode) {
                ConfigReader r = EventSupport.reader(event, "a skill ID or a map with 'appId'", KEYS, context);
                appId = token(r.raw("appId"), r.childPath("appId"));
                if (appId == null) {
                    throw r.error("appId", "missing required property 'appId' (the skill ID)",
                            "add 'appId: " + EXAMPLE + "' (the skill ID from the Alexa developer console)");
                }
                enabled = r.bool("enabled", true);
            } else {
                appId = token(body, event.event().path());
                if (appId == null) {
                    throw ConfigReader.typeError(body, event.event().path(), "a skill ID or a map with 'appId'");
                }
            }
            String alias = EventSupport.alias(context, event.function());
            Map<String, Object> permission = Cfn.map("Type", "AWS::Lambda::Permission", "DependsOn", alias,
                    "Properties", Cfn.map(
                            "FunctionName", EventSupport.target(context, event.function()),
                            "Action", enabled ? "lambda:InvokeFunction" : "lambda:DisableInvokeFunction",
                            "Principal", principal,
                            "EventSourceToken", appId));
            context.template().addResource(logicalId.apply(event.function().key(), event.typeIndex()), permission);
        }
    }

    /**
     * A skill ID as v3's schema accepts it: a string, or a number that ajv (coerceTypes) turns into its decimal
     * text; null when the value is absent or null.
     */
    private static String token(Node value, String path) {
        if (value == null || value instanceof ScalarNode s && s.isNull()) {
            return null;
        }
        String text;
        if (value instanceof ScalarNode s && s.value() instanceof String str) {
            text = str;
        } else if (value instanceof ScalarNode s && s.value() instanceof Number n) {
            text = n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : n.toString();
        } else {
            throw ConfigReader.typeError(value, path, "a skill ID string");
        }
        if (text.length() > 256 || !TOKEN.matcher(text).matches()) {
            throw new ConfigException(value.position(), path, "'" + text + "' is not a valid Alexa skill ID: it "
                    + "must be 1 to 256 letters, digits, '.', '_' or '-'", "write the skill ID from the Alexa "
                    + "developer console, such as " + EXAMPLE);
        }
        return text;
    }
}
