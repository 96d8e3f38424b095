package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Application Load Balancer targets ({@code alb} events), as v3's {@code alb} plugin: per event a Lambda
 * target group (named by an md5 of service, function, load balancer and stage unless {@code targetGroupName})
 * and a listener rule; per function an invoke and a register-target permission.
 */
public final class AlbEventCompiler implements EventCompiler {

    private static final Pattern LISTENER_ARN = Pattern.compile(
            "^arn:aws[\\w-]*:elasticloadbalancing:.+:listener/app/[\\w-]+/([\\w-]+)/([\\w-]+)$");
    private static final Set<String> EVENT_KEYS = Set.of("listenerArn", "priority", "conditions", "healthCheck",
            "multiValueHeaders", "targetGroupName", "authorizer");
    private static final Set<String> CONDITION_KEYS = Set.of("header", "host", "ip", "method", "path", "query");
    private static final Set<String> HEALTH_CHECK_KEYS = Set.of("healthyThresholdCount", "intervalSeconds", "matcher",
            "path", "timeoutSeconds", "unhealthyThresholdCount");

    @Override
    public String type() {
        return "alb";
    }

    /**
     * @param albId the load balancer id from the listener ARN, or the listener's logical ID for a Ref
     * @param listenerId the listener id from the ARN, or the logical ID for a Ref
     */
    private record AlbEvent(FunctionDef function, EventSpec event, String albId, String listenerId, Object listenerArn,
            int priority, ConfigReader conditions, boolean multiValueHeaders, String targetGroupName,
            ConfigReader healthCheck, boolean healthCheckEnabled, List<String> authorizers) {}

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        ConfigReader provider = new ConfigReader(context.service().provider().raw(), "provider");
        ConfigReader alb = provider.optMap("alb").orElse(null);
        String prefix = alb == null ? "" : alb.optString("targetGroupPrefix").orElse("");
        Map<String, ConfigReader> authorizers = new LinkedHashMap<>();
        if (alb != null) {
            alb.optMap("authorizers").ifPresent(all -> all.keys().forEach(k -> authorizers.put(k,
                    ConfigReader.of(all.node().get(k), all.childPath(k)))));
        }
        List<AlbEvent> parsed = new ArrayList<>();
        for (FunctionEvent fe : events) {
            parsed.add(parse(context, fe, prefix, authorizers));
        }
        checkPriorities(parsed);
        for (AlbEvent e : parsed) {
            compileTargetGroup(context, e, prefix);
        }
        for (AlbEvent e : parsed) {
            compileListenerRule(context, e, authorizers);
        }
        for (AlbEvent e : parsed) {
            compilePermissions(context, e);
        }
    }

    private AlbEvent parse(CompileContext context, FunctionEvent fe, String prefix,
            Map<String, ConfigReader> authorizers) {
        EventSpec event = fe.event();
        if (!(event.body() instanceof MapNode map)) {
            throw ConfigReader.typeError(event.body(), event.path(), "a map with listenerArn, priority and conditions");
        }
        ConfigReader r = new ConfigReader(map, event.path());
        for (String key : map.entries().keySet()) {
            if (!EVENT_KEYS.contains(key)) {
                String suggestion = ConfigReader.closest(key, EVENT_KEYS);
                throw new ConfigException(map.keyPosition(key), r.childPath(key), "unrecognized property '" + key
                        + "' of an alb event", suggestion != null ? "write '" + suggestion + "'"
                                : "use one of " + EVENT_KEYS);
            }
        }
        Node listenerNode = r.raw("listenerArn");
        if (listenerNode == null) {
            throw new ConfigException(map.position(), r.childPath("listenerArn"), "missing required property "
                    + "'listenerArn'", "set it to the listener's ARN or to {Ref: <listener logical ID>}");
        }
        Object listenerArn = listenerNode.toPlain();
        String albId;
        String listenerId;
        if (listenerArn instanceof Map<?, ?> m && m.get("Ref") instanceof String ref) {
            albId = ref;
            listenerId = ref;
        } else {
            Matcher matcher = listenerArn instanceof String s ? LISTENER_ARN.matcher(s) : null;
            if (matcher == null || !matcher.matches()) {
                throw new ConfigException(listenerNode.position(), r.childPath("listenerArn"), "invalid ALB "
                        + "listener ARN '" + listenerArn + "'", "use an ARN like arn:aws:elasticloadbalancing:"
                        + "<region>:<account>:listener/app/<alb-name>/<alb-id>/<listener-id>, or {Ref: <listener>}");
            }
            albId = matcher.group(1);
            listenerId = matcher.group(2);
        }
        int priority = r.optInt("priority", 1, 50000).orElseThrow(() -> new ConfigException(map.position(),
                r.childPath("priority"), "missing required property 'priority'",
                "add a rule priority from 1 to 50000"));
        ConfigReader conditions = r.optMap("conditions").orElseThrow(() -> new ConfigException(map.position(),
                r.childPath("conditions"), "missing required property 'conditions'", "add at least one condition, "
                        + "such as 'conditions: {path: /hello}'"));
        for (String key : conditions.keys()) {
            if (!CONDITION_KEYS.contains(key)) {
                throw new ConfigException(conditions.node().keyPosition(key), conditions.childPath(key),
                        "unrecognized ALB condition '" + key + "'", "use one of " + CONDITION_KEYS);
            }
        }
        if (conditions.keys().isEmpty()) {
            throw new ConfigException(conditions.position(), conditions.path(), "at least one condition must be "
                    + "defined", "add one of " + CONDITION_KEYS);
        }
        String targetGroupName = r.optString("targetGroupName").orElse(null);
        if (targetGroupName != null && !prefix.isEmpty()) {
            throw r.error("targetGroupName", "'targetGroupName' cannot be combined with provider.alb.targetGroupPrefix",
                    "remove one of them");
        }
        if (targetGroupName != null && !targetGroupName.matches("^[a-zA-Z0-9-]{1,32}$")) {
            throw r.error("targetGroupName", "invalid target group name '" + targetGroupName + "'",
                    "use 1 to 32 letters, digits or hyphens");
        }
        List<String> eventAuthorizers = r.has("authorizer") ? r.stringList("authorizer") : null;
        if (eventAuthorizers != null) {
            for (String name : eventAuthorizers) {
                if (!authorizers.containsKey(name)) {
                    throw r.error("authorizer", "the ALB authorizer '" + name + "' is not defined in "
                            + "provider.alb.authorizers", authorizers.isEmpty()
                                    ? "define it under provider.alb.authorizers"
                                    : "use one of " + authorizers.keySet());
                }
            }
        }
        Node hc = r.raw("healthCheck");
        ConfigReader healthCheck = null;
        boolean healthCheckEnabled = false;
        if (hc instanceof MapNode) {
            healthCheck = ConfigReader.of(hc, r.childPath("healthCheck"));
            healthCheck.checkKnownKeys(HEALTH_CHECK_KEYS, context.diagnostics());
            healthCheckEnabled = true;
        } else if (hc != null) {
            healthCheckEnabled = r.bool("healthCheck", false);
        }
        return new AlbEvent(fe.function(), event, albId, listenerId, listenerArn, priority, conditions,
                r.bool("multiValueHeaders", false), targetGroupName, healthCheck, healthCheckEnabled,
                eventAuthorizers);
    }

    private static void checkPriorities(List<AlbEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            for (int j = 0; j < i; j++) {
                AlbEvent a = events.get(j);
                AlbEvent b = events.get(i);
                if (a.priority() != b.priority()) {
                    continue;
                }
                boolean sameFunction = a.function().key().equals(b.function().key());
                boolean sameListener = a.listenerId().equals(b.listenerId());
                if (sameListener && !sameFunction) {
                    throw new ConfigException(b.event().position(), b.event().path() + ".priority", "priority "
                            + b.priority() + " is already used on this listener by function '" + a.function().key()
                            + "' at " + a.event().position(), "choose a priority no other rule of the listener uses");
                }
                if (!sameListener && sameFunction) {
                    throw new ConfigException(b.event().position(), b.event().path() + ".priority", "priority "
                            + b.priority() + " is already used by another alb event of function '" + a.function().key()
                            + "' at " + a.event().position() + "; v3 names listener rules by function and priority, "
                            + "so they would collide even on different listeners", "use a different priority");
                }
            }
        }
    }

    private static void compileTargetGroup(CompileContext context, AlbEvent e, String prefix) {
        String service = context.service().name();
        String key = e.function().key();
        Map<String, Object> properties = Cfn.map(
                "TargetType", "lambda",
                "Targets", Cfn.list(Cfn.map("Id", context.functionInvokeArn(e.function()))),
                "Name", e.targetGroupName() != null ? e.targetGroupName()
                        : Naming.albTargetGroupName(prefix, service, context.stage(), key, e.albId(),
                                e.multiValueHeaders()),
                "Tags", Cfn.list(Cfn.map("Key", "Name", "Value",
                        Naming.albTargetGroupNameTagValue(service, context.stage(), key, e.albId(), false))),
                "TargetGroupAttributes", Cfn.list(Cfn.map("Key", "lambda.multi_value_headers.enabled",
                        "Value", e.multiValueHeaders())));
        properties.put("HealthCheckEnabled", false);
        if (e.healthCheckEnabled()) {
            ConfigReader hc = e.healthCheck();
            properties.put("HealthCheckEnabled", true);
            properties.put("HealthCheckPath", "/");
            properties.put("HealthCheckIntervalSeconds", 35);
            properties.put("HealthCheckTimeoutSeconds", 30);
            properties.put("HealthyThresholdCount", 5);
            properties.put("UnhealthyThresholdCount", 5);
            properties.put("Matcher", Cfn.map("HttpCode", "200"));
            if (hc != null) {
                hc.optInt("intervalSeconds", 5, 300).ifPresent(v -> properties.put("HealthCheckIntervalSeconds", v));
                hc.optString("path").ifPresent(v -> properties.put("HealthCheckPath", v));
                hc.optInt("timeoutSeconds", 2, 120).ifPresent(v -> properties.put("HealthCheckTimeoutSeconds", v));
                hc.optInt("healthyThresholdCount", 2, 10).ifPresent(v -> properties.put("HealthyThresholdCount", v));
                hc.optInt("unhealthyThresholdCount", 2, 10)
                        .ifPresent(v -> properties.put("UnhealthyThresholdCount", v));
                hc.optMap("matcher").flatMap(m -> m.optString("httpCode"))
                        .ifPresent(v -> properties.put("Matcher", Cfn.map("HttpCode", v)));
            }
        }
        List<Object> dependsOn = new ArrayList<>();
        dependsOn.add(Naming.albRegisterTargetPermissionLogicalId(key));
        if (context.aliasLogicalId(e.function()) != null) {
            dependsOn.add(context.aliasLogicalId(e.function()));
        }
        context.template().addResource(Naming.albTargetGroupLogicalId(key, e.albId(), e.multiValueHeaders()),
                Cfn.map("Type", "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties", properties,
                        "DependsOn", dependsOn));
    }

    private static void compileListenerRule(CompileContext context, AlbEvent e, Map<String, ConfigReader> authorizers) {
        List<Object> actions = new ArrayList<>();
        int order = 0;
        if (e.authorizers() != null) {
            for (String name : e.authorizers()) {
                actions.add(authenticateAction(authorizers.get(name), ++order));
            }
        }
        Map<String, Object> forward = Cfn.map("Type", "forward", "TargetGroupArn",
                Cfn.ref(Naming.albTargetGroupLogicalId(e.function().key(), e.albId(), e.multiValueHeaders())));
        if (order > 0) {
            forward.put("Order", ++order);
        }
        actions.add(forward);

        ConfigReader c = e.conditions();
        List<Object> conditions = new ArrayList<>();
        if (c.has("path")) {
            conditions.add(Cfn.map("Field", "path-pattern", "Values", c.stringList("path")));
        }
        if (c.has("host")) {
            conditions.add(Cfn.map("Field", "host-header", "HostHeaderConfig",
                    Cfn.map("Values", c.stringList("host"))));
        }
        if (c.has("method")) {
            conditions.add(Cfn.map("Field", "http-request-method", "HttpRequestMethodConfig",
                    Cfn.map("Values", c.stringList("method"))));
        }
        if (c.has("header")) {
            List<Node> headers = c.list("header");
            for (int i = 0; i < headers.size(); i++) {
                if (!(headers.get(i) instanceof MapNode)) {
                    throw ConfigReader.typeError(headers.get(i), c.childPath("header")
                            + (c.raw("header") instanceof ListNode ? "[" + i + "]"
                                    : ""), "a map with name and values, such as { name: X-Tenant, values: [a] }");
                }
                ConfigReader h = ConfigReader.of(headers.get(i), c.childPath("header") + "[" + i + "]");
                conditions.add(Cfn.map("Field", "http-header", "HttpHeaderConfig", Cfn.map(
                        "HttpHeaderName", h.string("name", "add the header name"),
                        "Values", h.stringList("values"))));
            }
        }
        if (c.has("query")) {
            List<Object> values = new ArrayList<>();
            c.plainMap("query").forEach((k, v) -> values.add(Cfn.map("Key", k, "Value", v)));
            conditions.add(Cfn.map("Field", "query-string", "QueryStringConfig", Cfn.map("Values", values)));
        }
        if (c.has("ip")) {
            conditions.add(Cfn.map("Field", "source-ip", "SourceIpConfig", Cfn.map("Values", c.stringList("ip"))));
        }
        context.template().addResource(Naming.albListenerRuleLogicalId(e.function().key(), e.priority()),
                Cfn.resource("AWS::ElasticLoadBalancingV2::ListenerRule", Cfn.map("Actions", actions,
                        "Conditions", conditions, "ListenerArn", e.listenerArn(), "Priority", e.priority())));
    }

    private static Map<String, Object> authenticateAction(ConfigReader auth, int order) {
        String onUnauthenticated = auth.optString("onUnauthenticatedRequest").orElse("deny");
        if ("cognito".equals(auth.optString("type").orElse(null))) {
            return Cfn.map("Type", "authenticate-cognito", "Order", order, "AuthenticateCognitoConfig", Cfn.map(
                    "UserPoolArn", auth.plain("userPoolArn"),
                    "UserPoolClientId", auth.plain("userPoolClientId"),
                    "UserPoolDomain", auth.plain("userPoolDomain"),
                    "OnUnauthenticatedRequest", onUnauthenticated,
                    "AuthenticationRequestExtraParams", auth.plain("requestExtraParams"),
                    "Scope", auth.plain("scope"),
                    "SessionCookieName", auth.plain("sessionCookieName"),
                    "SessionTimeout", auth.plain("sessionTimeout")));
        }
        Map<String, Object> config = Cfn.map(
                "AuthorizationEndpoint", auth.plain("authorizationEndpoint"),
                "ClientId", auth.plain("clientId"),
                "Issuer", auth.plain("issuer"),
                "TokenEndpoint", auth.plain("tokenEndpoint"),
                "UserInfoEndpoint", auth.plain("userInfoEndpoint"),
                "OnUnauthenticatedRequest", onUnauthenticated,
                "AuthenticationRequestExtraParams", auth.plain("requestExtraParams"),
                "Scope", auth.plain("scope"),
                "SessionCookieName", auth.plain("sessionCookieName"),
                "SessionTimeout", auth.plain("sessionTimeout"));
        if (auth.has("clientSecret")) {
            config.put("ClientSecret", auth.plain("clientSecret"));
        } else {
            config.put("UseExistingClientSecret", true);
        }
        return Cfn.map("Type", "authenticate-oidc", "Order", order, "AuthenticateOidcConfig", config);
    }

    private static void compilePermissions(CompileContext context, AlbEvent e) {
        FunctionDef fn = e.function();
        String alias = context.aliasLogicalId(fn);
        Map<String, Object> invoke = Cfn.map("FunctionName", context.functionInvokeArn(fn),
                "Action", "lambda:InvokeFunction", "Principal", "elasticloadbalancing.amazonaws.com");
        Map<String, Object> withSource = new LinkedHashMap<>(invoke);
        withSource.put("SourceArn", Cfn.ref(Naming.albTargetGroupLogicalId(fn.key(), e.albId(),
                e.multiValueHeaders())));
        Map<String, Object> albPermission = Cfn.resource("AWS::Lambda::Permission", withSource);
        Map<String, Object> registerPermission = Cfn.resource("AWS::Lambda::Permission", invoke);
        if (alias != null) {
            albPermission.put("DependsOn", Cfn.list(alias));
            registerPermission.put("DependsOn", Cfn.list(alias));
        }
        Map<String, Object> resources = context.template().resources();
        LodashMerge.mergeResource(resources, Naming.albPermissionLogicalId(fn.key()), albPermission);
        LodashMerge.mergeResource(resources, Naming.albRegisterTargetPermissionLogicalId(fn.key()),
                registerPermission);
    }
}
