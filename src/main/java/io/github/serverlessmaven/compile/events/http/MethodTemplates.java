package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One event's AWS::ApiGateway::Method, built like v3's method/*.js (base template merged with parts). */
final class MethodTemplates {

    private final CompileContext context;
    private final RestApiSettings api;

    MethodTemplates(CompileContext context, RestApiSettings api) {
        this.context = context;
        this.api = api;
    }

    Map<String, Object> method(HttpEvent event, Object resourceId) {
        Map<String, Object> requestParameters = new LinkedHashMap<>();
        if (event.requestParameters() != null) {
            event.requestParameters().forEach((key, value) -> requestParameters.put(key, isRequired(value)));
        }
        Map<String, Object> properties = Cfn.map(
                "HttpMethod", event.method().toUpperCase(Locale.ROOT),
                "RequestParameters", requestParameters,
                "ResourceId", resourceId,
                "RestApiId", api.restApiRef(),
                "OperationName", event.operationId(),
                "ApiKeyRequired", event.isPrivate());
        List<Object> dependsOn = Cfn.list(Naming.restApiPermissionLogicalId(event.function().key()));
        String alias = context.aliasLogicalId(event.function());
        if (alias != null) {
            dependsOn.add(alias);
        }
        Map<String, Object> template = Cfn.map("Type", "AWS::ApiGateway::Method", "Properties", properties,
                "DependsOn", dependsOn);
        DeepMerge.into(template, authorization(event.authorizer()));
        DeepMerge.into(template, Cfn.map("Properties", Cfn.map("Integration", integration(event))));
        DeepMerge.into(template, Cfn.map("Properties", Cfn.map("MethodResponses", methodResponses(event))));
        insertClaims(properties, event.authorizer());
        return template;
    }

    /** A parameter is required when marked true, or given as a map without {@code required: false}. */
    static boolean isRequired(Object value) {
        if (value instanceof Map<?, ?> spec) {
            return !Boolean.FALSE.equals(spec.get("required"));
        }
        return Boolean.TRUE.equals(value);
    }

    private static Map<String, Object> authorization(AuthorizerConfig authorizer) {
        if (authorizer == null) {
            return Cfn.map("Properties", Cfn.map("AuthorizationType", "NONE"));
        }
        if (authorizer.isAwsIam()) {
            return Cfn.map("Properties", Cfn.map("AuthorizationType", "AWS_IAM"));
        }
        boolean cognito = authorizer.isCognito();
        Object scopes = cognito && authorizer.scopes() != null && !authorizer.scopes().isEmpty()
                ? new ArrayList<>(authorizer.scopes()) : null;
        if (authorizer.isExisting()) {
            String type = authorizer.type().toUpperCase(Locale.ROOT);
            String authorizationType = type.equals("TOKEN") || type.equals("REQUEST") ? "CUSTOM" : authorizer.type();
            return Cfn.map("Properties", Cfn.map("AuthorizationType", authorizationType,
                    "AuthorizerId", authorizer.authorizerId(),
                    "AuthorizationScopes", type.equals("COGNITO_USER_POOLS") ? scopes : null));
        }
        String authorizerId = Naming.restApiAuthorizerLogicalId(authorizer.name());
        return Cfn.map("Properties", Cfn.map("AuthorizationType", cognito ? "COGNITO_USER_POOLS" : "CUSTOM",
                        "AuthorizerId", Cfn.ref(authorizerId), "AuthorizationScopes", scopes),
                "DependsOn", Cfn.list(authorizerId));
    }

    private Map<String, Object> integration(HttpEvent event) {
        Map<String, Object> integration = Cfn.map("IntegrationHttpMethod", "POST", "Type", event.integration());
        switch (event.integration()) {
            case "AWS", "AWS_PROXY" -> integration.put("Uri", lambdaUri(event));
            case "HTTP", "HTTP_PROXY" -> {
                HttpEvent.HttpBackend backend = event.backend();
                integration.put("Uri", backend.uri());
                integration.put("IntegrationHttpMethod", backend.method() != null ? backend.method()
                        : event.method().toUpperCase(Locale.ROOT));
                if (backend.connectionType() != null) {
                    integration.put("ConnectionType", backend.connectionType());
                    integration.put("ConnectionId", backend.connectionId());
                }
            }
            default -> { }
        }
        if (event.isMapped()) {
            integration.putAll(Cfn.map(
                    "PassthroughBehavior", event.passThrough(),
                    "ContentHandling", event.contentHandling(),
                    "RequestTemplates", requestTemplates(event),
                    "IntegrationResponses", integrationResponses(event)));
        }
        boolean hasParameters = event.requestParameters() != null && !event.requestParameters().isEmpty();
        boolean mapsParameters = List.of("AWS", "HTTP", "HTTP_PROXY").contains(event.integration());
        if ((mapsParameters && hasParameters) || event.async()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (event.requestParameters() != null) {
                event.requestParameters().forEach((key, value) -> {
                    Object mapped = value instanceof Map<?, ?> spec ? spec.get("mappedValue") : null;
                    boolean empty = mapped == null || "".equals(mapped);
                    parameters.put("integration." + key.substring("method.".length()), empty ? key : mapped);
                });
            }
            if (event.async()) {
                parameters.put("integration.request.header.X-Amz-Invocation-Type", "'Event'");
            }
            integration.put("RequestParameters", parameters);
        }
        return integration;
    }

    private Map<String, Object> lambdaUri(HttpEvent event) {
        List<Object> uri = Cfn.list("arn:", Cfn.ref("AWS::Partition"), ":apigateway:", Cfn.ref("AWS::Region"),
                ":lambda:path/2015-03-31/functions/",
                Cfn.getAtt(Naming.functionLogicalId(event.function().key()), "Arn"));
        if (context.aliasLogicalId(event.function()) != null) {
            uri.add(":");
            uri.add(CompileContext.aliasName(event.function()));
        }
        uri.add("/invocations");
        return Cfn.map("Fn::Join", Cfn.list("", uri));
    }

    private static Map<String, Object> requestTemplates(HttpEvent event) {
        Map<String, Object> templates = new LinkedHashMap<>();
        if (event.isLambdaIntegration()) {
            templates.put("application/json", LambdaTemplates.JSON);
            templates.put("application/x-www-form-urlencoded", LambdaTemplates.FORM_URL_ENCODED);
        }
        if (event.requestTemplates() != null) {
            event.requestTemplates().forEach((contentType, template) -> {
                if (template == null) {
                    templates.remove(contentType);
                } else {
                    templates.put(contentType, template);
                }
            });
        }
        return templates.isEmpty() ? null : templates;
    }

    /** Headers every response of a lambda-integration method sets: CORS origin and credentials, then the user's. */
    private static Map<String, Object> responseHeaders(HttpEvent event) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (event.cors() != null) {
            headers.put("Access-Control-Allow-Origin", "'" + event.cors().responseOrigin() + "'");
            if (event.cors().allowCredentials()) {
                headers.put("Access-Control-Allow-Credentials", "true");
            }
        }
        if (event.response().headers() != null) {
            headers.putAll(event.response().headers());
        }
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> integrationResponses(HttpEvent event) {
        List<Object> responses = new ArrayList<>();
        ResponseConfig response = event.response();
        if (response == null) {
            return responses;
        }
        Map<String, Object> headers = responseHeaders(event);
        response.statusCodes().forEach((code, config) -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            headers.forEach((header, value) -> parameters.put("method.response.header." + header, value));
            Object pattern = config.get("pattern");
            Map<String, Object> entry = Cfn.map("StatusCode", code,
                    "SelectionPattern", pattern == null ? "" : pattern,
                    "ResponseParameters", parameters,
                    "ResponseTemplates", new LinkedHashMap<>(),
                    "ContentHandling", code.startsWith("2") ? response.contentHandling() : null);
            if (config.get("headers") instanceof Map<?, ?> codeHeaders) {
                codeHeaders.forEach((header, value) -> parameters.put("method.response.header." + header, value));
            }
            Map<String, Object> templates = (Map<String, Object>) entry.get("ResponseTemplates");
            if (response.template() != null) {
                templates.put("application/json", response.template());
            }
            Object template = config.get("template");
            if (template instanceof String s) {
                templates.put("application/json", s);
            } else if (template instanceof Map<?, ?> byType) {
                byType.forEach((type, value) -> templates.put(String.valueOf(type), value));
            }
            responses.add(entry);
        });
        return responses;
    }

    private static List<Object> methodResponses(HttpEvent event) {
        List<Object> responses = new ArrayList<>();
        if (!event.isMapped() || event.response() == null) {
            return responses;
        }
        Map<String, Object> headers = responseHeaders(event);
        event.response().statusCodes().forEach((code, config) -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            headers.keySet().forEach(header -> parameters.put("method.response.header." + header, true));
            if (config.get("headers") instanceof Map<?, ?> codeHeaders) {
                codeHeaders.keySet().forEach(header -> parameters.put("method.response.header." + header, true));
            }
            responses.add(Cfn.map("ResponseParameters", parameters, "ResponseModels", new LinkedHashMap<>(),
                    "StatusCode", code));
        });
        return responses;
    }

    /** The default templates carry a placeholder where v3 lists the authorizer's Cognito claims. */
    @SuppressWarnings("unchecked")
    private static void insertClaims(Map<String, Object> properties, AuthorizerConfig authorizer) {
        Map<String, Object> integration = (Map<String, Object>) properties.get("Integration");
        if (!(integration.get("RequestTemplates") instanceof Map<?, ?> raw)) {
            return;
        }
        List<String> claims = authorizer != null && authorizer.claims() != null ? authorizer.claims() : List.of();
        List<String> rendered = new ArrayList<>();
        for (String claim : claims) {
            int colon = claim.indexOf(':');
            rendered.add(colon >= 0
                    ? "\"" + claim.substring(colon + 1) + "\": \"$context.authorizer.claims['" + claim + "']\""
                    : "\"" + claim + "\": \"$context.authorizer.claims." + claim + "\"");
        }
        String replacement = rendered.isEmpty() ? "" : String.join(",", rendered) + ",";
        Map<String, Object> templates = (Map<String, Object>) raw;
        templates.replaceAll((type, template) -> template instanceof String s
                ? s.replaceFirst(Pattern.quote(LambdaTemplates.CLAIMS_PLACEHOLDER), Matcher.quoteReplacement(replacement))
                : template);
    }
}
