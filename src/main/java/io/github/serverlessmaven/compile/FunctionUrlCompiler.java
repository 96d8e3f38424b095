package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function's {@code url:}: {@code AWS::Lambda::Url}, the public invoke permission when it has no IAM auth,
 * and the {@code <Fn>LambdaFunctionUrl} output, as v3's {@code compileFunctionUrl}.
 */
final class FunctionUrlCompiler {

    private static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization",
            "X-Api-Key", "X-Amz-Security-Token", "X-Amzn-Trace-Id");
    private static final Set<String> URL_KEYS = Set.of("authorizer", "cors", "invokeMode");
    private static final Set<String> CORS_KEYS = Set.of("allowCredentials", "allowedHeaders", "allowedMethods",
            "allowedOrigins", "exposedResponseHeaders", "maxAge");

    void compile(CompileContext context, FunctionDef f) {
        Node url = f.raw().get("url");
        if (url == null || url instanceof ScalarNode s && (s.isNull() || Boolean.FALSE.equals(s.value()))) {
            return;
        }
        String auth = "NONE";
        Map<String, Object> cors = null;
        String invokeMode = null;
        if (url instanceof MapNode) {
            ConfigReader u = ConfigReader.of(url, f.path() + ".url");
            u.checkKnownKeys(URL_KEYS, context.diagnostics());
            if (u.optEnum("authorizer", List.of("aws_iam")).isPresent()) {
                auth = "AWS_IAM";
            }
            invokeMode = u.optEnum("invokeMode", List.of("BUFFERED", "RESPONSE_STREAM")).orElse(null);
            cors = cors(context, u);
        } else if (!(url instanceof ScalarNode s && Boolean.TRUE.equals(s.value()))) {
            throw ConfigReader.typeError(url, f.path() + ".url", "true or a map with authorizer, cors, invokeMode");
        }
        String alias = context.aliasLogicalId(f);
        Object target = context.functionInvokeArn(f);
        Map<String, Object> properties = Cfn.map("AuthType", auth, "TargetFunctionArn", target, "Cors", cors);
        if ("RESPONSE_STREAM".equals(invokeMode)) {
            properties.put("InvokeMode", invokeMode);
        }
        String logicalId = Naming.functionUrlLogicalId(f.key());
        context.template().addResource(logicalId, Cfn.map("Type", "AWS::Lambda::Url", "Properties", properties,
                "DependsOn", alias));
        context.template().addOutput(Naming.functionUrlOutputKey(f.key()), Cfn.map("Description",
                "Lambda Function URL", "Value", Cfn.getAtt(logicalId, "FunctionUrl")));
        if (auth.equals("NONE")) {
            context.template().addResource(Naming.functionUrlPermissionLogicalId(f.key()), Cfn.map(
                    "Type", "AWS::Lambda::Permission",
                    "Properties", Cfn.map("FunctionName", target, "Action", "lambda:InvokeFunctionUrl",
                            "Principal", "*", "FunctionUrlAuthType", auth),
                    "DependsOn", alias));
        }
    }

    /** v3 starts from its defaults (any origin and method, the usual headers) and overrides per key. */
    private static Map<String, Object> cors(CompileContext context, ConfigReader url) {
        Node node = url.raw("cors");
        if (node == null || node instanceof ScalarNode s && Boolean.FALSE.equals(s.value())) {
            return null;
        }
        if (node instanceof ScalarNode s && Boolean.TRUE.equals(s.value())) {
            return Cfn.map("AllowHeaders", new ArrayList<>(DEFAULT_HEADERS), "AllowMethods", Cfn.list("*"),
                    "AllowOrigins", Cfn.list("*"));
        }
        ConfigReader c = ConfigReader.of(node, url.childPath("cors"));
        c.checkKnownKeys(CORS_KEYS, context.diagnostics());
        return Cfn.map(
                "AllowCredentials", c.bool("allowCredentials", false) ? Boolean.TRUE : null,
                "AllowHeaders", listOr(c, "allowedHeaders", DEFAULT_HEADERS),
                "AllowMethods", listOr(c, "allowedMethods", List.of("*")),
                "AllowOrigins", listOr(c, "allowedOrigins", List.of("*")),
                "ExposeHeaders", c.has("exposedResponseHeaders")
                        ? unique(c.stringList("exposedResponseHeaders")) : null,
                "MaxAge", c.optInt("maxAge", 0, 86400).orElse(null));
    }

    /** An explicit null drops the default, as v3 does ({@code allowedOrigins: null}). */
    private static List<String> listOr(ConfigReader c, String key, List<String> fallback) {
        if (c.has(key)) {
            return unique(c.stringList(key));
        }
        return c.node().has(key) ? null : new ArrayList<>(fallback);
    }

    private static List<String> unique(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
