package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the asynchronous event compilers share: reading an event, its target and a Lambda permission. */
final class EventSupport {

    private EventSupport() {}

    /** The event body as a map reader; {@code shorthand} names what a plain string means, for the error text. */
    static ConfigReader reader(FunctionEvent event, String expected) {
        Node body = event.event().body();
        if (body instanceof io.github.serverlessmaven.config.MapNode) {
            return ConfigReader.of(body, event.event().path());
        }
        throw ConfigReader.typeError(body, event.event().path(), expected);
    }

    static ConfigReader reader(FunctionEvent event, String expected, Set<String> knownKeys, CompileContext context) {
        ConfigReader reader = reader(event, expected);
        reader.checkKnownKeys(knownKeys, context.diagnostics());
        return reader;
    }

    /** The string shorthand of an event ({@code - sqs: arn:...}), or null when the event is written as a map. */
    static String shorthand(FunctionEvent event) {
        if (event.event().body() instanceof ScalarNode s && s.value() instanceof String str) {
            return str;
        }
        return null;
    }

    static Object target(CompileContext context, FunctionDef function) {
        return context.functionInvokeArn(function);
    }

    static String alias(CompileContext context, FunctionDef function) {
        return context.aliasLogicalId(function);
    }

    /**
     * v3's resolveFunctionIamRoleResourceName: the role resource an event source mapping must wait for. The
     * generated role, a role named by logical ID, the target of {@code Fn::GetAtt [X, Arn]}, or none for ARNs
     * and imports.
     */
    static String roleResourceName(CompileContext context, FunctionDef function) {
        Object role = function.role() != null ? function.role() : context.service().provider().iam().existingRole();
        if (role == null) {
            return Naming.roleLogicalId();
        }
        if (role instanceof String s) {
            return s.contains(":") ? null : s;
        }
        if (role instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> l && l.size() == 2
                && l.get(0) instanceof String id && "Arn".equals(l.get(1))) {
            return id;
        }
        return null;
    }

    /** A DependsOn list with nulls left out. */
    static List<Object> dependsOn(String... ids) {
        List<Object> out = new ArrayList<>();
        for (String id : ids) {
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    static Map<String, Object> permission(Object target, String alias, Object principal, Object sourceArn) {
        return Cfn.map("Type", "AWS::Lambda::Permission", "DependsOn", alias, "Properties", Cfn.map(
                "FunctionName", target,
                "Action", "lambda:InvokeFunction",
                "Principal", principal,
                "SourceArn", sourceArn));
    }

    /** Lambda filter criteria: each pattern JSON-encoded as v3 does. */
    static Map<String, Object> filterCriteria(ConfigReader reader, String key) {
        List<Node> patterns = reader.list(key);
        if (patterns.isEmpty()) {
            return null;
        }
        List<Object> filters = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Node pattern = patterns.get(i);
            if (!(pattern instanceof io.github.serverlessmaven.config.MapNode)) {
                throw ConfigReader.typeError(pattern, reader.childPath(key) + "[" + i + "]", "a filter pattern map");
            }
            filters.add(Cfn.map("Pattern", Json.compact(pattern.toPlain())));
        }
        return Cfn.map("Filters", filters);
    }

    /** A value that is either a plain string or a CloudFormation intrinsic function (one-key map). */
    static Object stringOrIntrinsic(ConfigReader reader, String key, String expected) {
        Object value = reader.plain(key);
        if (value == null || value instanceof String || Cfn.isIntrinsic(value)) {
            return value;
        }
        throw ConfigReader.typeError(reader.raw(key), reader.childPath(key), expected);
    }

    static ConfigException error(FunctionEvent event, String message, String fix) {
        return new ConfigException(event.event().position(), event.event().path(), message, fix);
    }
}
