package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The CORS settings of every event on one path, merged as v3 merges them (validate.js), and the OPTIONS
 * MOCK method built from them (cors.js).
 */
final class CorsPreflight {

    private List<String> headers = List.of();
    private List<String> methods = List.of();
    private List<String> origins = List.of();
    private String origin;
    private boolean allowCredentials;
    private Integer maxAge;
    private String cacheControl;

    /** The event's settings come first in each union, then what earlier events on the path contributed. */
    void add(CorsConfig cors) {
        headers = union(cors.headers(), headers);
        methods = union(cors.methods(), methods);
        origins = union(cors.origins(), origins);
        origin = cors.origin();
        allowCredentials = allowCredentials || cors.allowCredentials();
        if (cors.maxAge() != null) {
            maxAge = cors.maxAge();
        }
        if (cors.cacheControl() != null && !cors.cacheControl().isEmpty()) {
            cacheControl = cors.cacheControl();
        }
    }

    Map<String, Object> optionsMethod(Object resourceId, Object restApiId) {
        String allowOrigin = origin;
        List<String> allowedOrigins = origins;
        if (allowOrigin != null && allowOrigin.contains(",")) {
            allowedOrigins = new ArrayList<>();
            for (String o : allowOrigin.split(",")) {
                allowedOrigins.add(o.trim());
            }
        }
        if (!allowedOrigins.isEmpty()) {
            allowOrigin = allowedOrigins.get(0);
        }
        Map<String, String> preflight = new LinkedHashMap<>();
        preflight.put("Access-Control-Allow-Origin", "'" + allowOrigin + "'");
        preflight.put("Access-Control-Allow-Headers", "'" + String.join(",", headers) + "'");
        preflight.put("Access-Control-Allow-Methods", "'" + String.join(",", methods) + "'");
        if (allowCredentials) {
            preflight.put("Access-Control-Allow-Credentials", "'true'");
        }
        if (maxAge != null) {
            preflight.put("Access-Control-Max-Age", "'" + maxAge + "'");
        }
        if (cacheControl != null) {
            preflight.put("Cache-Control", "'" + cacheControl + "'");
        }
        if (methods.contains("ANY")) {
            preflight.put("Access-Control-Allow-Methods", preflight.get("Access-Control-Allow-Methods")
                    .replaceFirst("ANY", "DELETE,GET,HEAD,PATCH,POST,PUT"));
        }
        Map<String, Object> methodHeaders = new LinkedHashMap<>();
        Map<String, Object> integrationHeaders = new LinkedHashMap<>();
        preflight.forEach((header, value) -> {
            methodHeaders.put("method.response.header." + header, true);
            integrationHeaders.put("method.response.header." + header, value);
        });
        String template = allowedOrigins.isEmpty() ? "" : responseTemplate(allowedOrigins);
        return Cfn.map("Type", "AWS::ApiGateway::Method", "Properties", Cfn.map(
                "AuthorizationType", "NONE",
                "HttpMethod", "OPTIONS",
                "MethodResponses", Cfn.list(Cfn.map("StatusCode", "200", "ResponseParameters", methodHeaders,
                        "ResponseModels", new LinkedHashMap<>())),
                "RequestParameters", new LinkedHashMap<>(),
                "Integration", Cfn.map(
                        "Type", "MOCK",
                        "RequestTemplates", Cfn.map("application/json", "{statusCode:200}"),
                        "ContentHandling", "CONVERT_TO_TEXT",
                        "IntegrationResponses", Cfn.list(Cfn.map("StatusCode", "200",
                                "ResponseParameters", integrationHeaders,
                                "ResponseTemplates", Cfn.map("application/json", template)))),
                "ResourceId", resourceId,
                "RestApiId", restApiId));
    }

    /** Echoes the request's Origin when it matches one of the allowed origins ({@code *} as a wildcard). */
    private static String responseTemplate(List<String> origins) {
        StringBuilder matches = new StringBuilder();
        for (int i = 0; i < origins.size(); i++) {
            String regex = origins.get(i).replace(".", "[.]").replaceFirst("\\*", ".+");
            matches.append("$origin.matches(\"").append(regex).append("\")");
            if (i < origins.size() - 1) {
                matches.append(" || ");
            }
        }
        return "#set($origin = $input.params(\"Origin\"))\n"
                + "#if($origin == \"\") #set($origin = $input.params(\"origin\")) #end\n"
                + "#if(" + matches + ") #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin) #end";
    }

    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (first != null) {
            all.addAll(first);
        }
        all.addAll(second);
        return new ArrayList<>(all);
    }
}
