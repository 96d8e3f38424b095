package io.github.serverlessmaven.compile.events.http;

import java.util.Map;

/**
 * {@code response} of a lambda-integration event, with v3's default status codes filled in.
 *
 * @param statusCodes status code to {pattern, headers, template}, in ascending code order (as JavaScript
 *     iterates integer-like keys)
 */
public record ResponseConfig(Map<String, Object> headers, String template, String contentHandling,
        Map<String, Map<String, Object>> statusCodes) {}
