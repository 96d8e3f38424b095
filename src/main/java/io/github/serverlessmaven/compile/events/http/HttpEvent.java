package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import java.util.List;
import java.util.Map;

/**
 * One {@code http} event, parsed and normalised as v3's validate.js leaves it.
 *
 * @param path without leading or trailing slash; empty for the root
 * @param method lower case, such as {@code get} or {@code any}
 * @param integration {@code AWS_PROXY} (lambda-proxy), {@code AWS} (lambda), {@code HTTP}, {@code HTTP_PROXY}
 *     or {@code MOCK}
 * @param requestParameters {@code method.request.<location>.<name>} to true/false or {required, mappedValue}
 * @param requestTemplates content type to template; a null value removes a default template
 * @param requestSchemas content type to a JSON schema (map), a {schema, name, description} map, or the id of
 *     a schema under {@code provider.apiGateway.request.schemas}
 * @param response null for the proxy integrations (and mock without a response)
 * @param backend the HTTP backend of the http and http-proxy integrations, else null
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
        HttpBackend backend,
        String configPath,
        Position position) {

    /** A lambda (non-proxy) integration, which gets v3's default request templates. */
    boolean isLambdaIntegration() {
        return "AWS".equals(integration);
    }

    /** Integrations whose requests and responses are mapped by templates (lambda, http, mock). */
    boolean isMapped() {
        return List.of("AWS", "HTTP", "MOCK").contains(integration);
    }

    /**
     * The backend of an http or http-proxy integration.
     *
     * @param uri the backend URL (string or intrinsic)
     * @param method the backend method, upper case
     * @param connectionType {@code VPC_LINK} or null
     */
    public record HttpBackend(Object uri, String method, String connectionType, Object connectionId) {}
}
