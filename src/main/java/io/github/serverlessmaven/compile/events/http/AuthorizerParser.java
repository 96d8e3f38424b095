package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads an event's {@code authorizer} as v3's validate.js getAuthorizer does. */
final class AuthorizerParser {

    private static final Set<String> AUTHORIZER_KEYS = Set.of("arn", "authorizerId", "claims", "identitySource",
            "identityValidationExpression", "managedExternally", "name", "resultTtlInSeconds", "scopes", "type");
    private static final List<String> AUTHORIZER_TYPES = List.of("token", "cognito_user_pools", "request", "aws_iam",
            "custom");

    private final CompileContext context;

    AuthorizerParser(CompileContext context) {
        this.context = context;
    }

    /** @param r the event, whose {@code authorizer} is set */
    AuthorizerConfig parse(ConfigReader r, String integration) {
        Node raw = r.raw("authorizer");
        String path = r.childPath("authorizer");
        String type = null;
        String name = null;
        Object arn = null;
        String functionName = null;
        boolean managedExternally = false;
        Object authorizerId = null;
        Integer ttl = null;
        String identitySource = null;
        String validation = null;
        List<String> claims = null;
        List<Object> scopes = null;
        Position functionNamePosition = raw.position();
        if (!(raw instanceof MapNode) && !(raw instanceof ScalarNode s && s.value() instanceof String)) {
            throw ConfigReader.typeError(raw, path, "a function name, an authorizer ARN, 'aws_iam' or a map such "
                    + "as { name: auth, type: token }");
        }
        if (raw instanceof ScalarNode s && s.value() instanceof String text) {
            if (text.equalsIgnoreCase("AWS_IAM")) {
                type = "AWS_IAM";
            } else if (!text.contains(":")) {
                functionName = name = text;
            } else {
                arn = text;
                name = nameFromArn(text);
            }
        } else {
            ConfigReader a = ConfigReader.of(raw, path);
            a.checkKnownKeys(AUTHORIZER_KEYS, context.diagnostics());
            String givenType = a.optString("type").orElse(null);
            if (givenType != null && !AUTHORIZER_TYPES.contains(givenType.toLowerCase(Locale.ROOT))) {
                throw a.error("type", "unknown authorizer type '" + givenType + "', expected one of "
                        + AUTHORIZER_TYPES, "use one of " + AUTHORIZER_TYPES);
            }
            if (givenType != null && a.has("authorizerId")) {
                type = givenType;
                authorizerId = a.plain("authorizerId");
            } else if (givenType != null && givenType.equalsIgnoreCase("AWS_IAM")) {
                type = "AWS_IAM";
            } else if (a.has("arn")) {
                arn = a.plain("arn");
                if (a.has("name")) {
                    name = a.optString("name").orElseThrow();
                } else if (arn instanceof String text) {
                    name = nameFromArn(text);
                } else {
                    throw a.error("arn", "an authorizer whose 'arn' is a CloudFormation function needs a 'name'",
                            "add 'name:' (it names the authorizer and its logical ID)");
                }
            } else if (a.has("name")) {
                functionName = name = a.optString("name").orElseThrow();
                functionNamePosition = a.raw("name").position();
            } else {
                throw new ConfigException(a.position(), path, "the authorizer has neither a function 'name' nor an "
                        + "'arn'", "add 'name: <function key>' or 'arn: <Lambda or Cognito user pool ARN>'");
            }
            if (type == null) {
                type = givenType;
            }
            ttl = a.optInt("resultTtlInSeconds", 0, 3600).orElse(300);
            claims = a.stringList("claims");
            scopes = a.has("scopes") ? a.list("scopes").stream().map(Node::toPlain).toList() : null;
            identitySource = a.optString("identitySource").orElse(null);
            validation = a.optString("identityValidationExpression").orElse(null);
            managedExternally = a.bool("managedExternally", false);
        }
        String aliasLogicalId = null;
        if (functionName != null) {
            FunctionDef target = context.function(functionName);
            if (target == null) {
                String suggestion = ConfigReader.closest(functionName, context.service().functions().keySet());
                throw new ConfigException(functionNamePosition, path, "authorizer function '" + functionName
                        + "' is not defined in 'functions'", suggestion != null ? "write '" + suggestion + "'"
                        : "add the function under 'functions', or give the authorizer's 'arn'");
            }
            arn = context.functionInvokeArn(target);
            aliasLogicalId = context.aliasLogicalId(target);
        }
        boolean requestWithoutCache = type != null && type.equalsIgnoreCase("REQUEST") && ttl != null && ttl == 0;
        if (identitySource == null && !requestWithoutCache) {
            identitySource = "method.request.header.Authorization";
        }
        AuthorizerConfig config = new AuthorizerConfig(type, name, arn, managedExternally, authorizerId,
                aliasLogicalId, ttl, identitySource, validation, claims, scopes);
        if (integration.equals("AWS_PROXY") && arn instanceof String s && AuthorizerConfig.COGNITO_ARN.matcher(s)
                .find() && claims != null && !claims.isEmpty()) {
            throw new ConfigException(raw.position(), path + ".claims", "Cognito claims can only be filtered when "
                    + "using the lambda integration type", "remove 'claims' or use 'integration: lambda'");
        }
        return config;
    }

    /** v3's extractAuthorizerNameFromArn: the text after the last colon and the last dash. */
    static String nameFromArn(String arn) {
        String last = arn.substring(arn.lastIndexOf(':') + 1);
        return last.substring(last.lastIndexOf('-') + 1);
    }

}
