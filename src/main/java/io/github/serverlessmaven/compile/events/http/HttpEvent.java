package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import java.util.Map;

/**
 * One {@code http} event, parsed and normalised as v3's validate.js leaves it.
 *
 * @param path without leading or trailing slash; empty for the root
 * @param method lower case, such as {@code get} or {@code any}
 * @param integration {@code AWS_PROXY} (lambda-proxy) or {@code AWS} (lambda)
 * @param requestParameters {@code method.request.<location>.<name>} to true/false or {required, mappedValue}
 * @param requestTemplates content type to template; a null value removes a default template
 * @param requestSchemas content type to a JSON schema (map), a {schema, name, description} map, or the id of
 *     a schema under {@code provider.apiGateway.request.schemas}
 * @param response null unless the integration is lambda
 */
public record HttpEvent(
        FunctionDef function,
        String path,
        String method,
        String integration,
        boolean async,
        boolean isPrivate,
        String operationId,
        CorsConfig cors,
        AuthorizerConfig authorizer,
        Map<String, Object> requestParameters,
        Map<String, Object> requestTemplates,
        Map<String, Object> requestSchemas,
        String passThrough,
        String contentHandling,
        ResponseConfig response,
        String configPath,
        Position position) {

    boolean isLambdaIntegration() {
        return "AWS".equals(integration);
    }
}
