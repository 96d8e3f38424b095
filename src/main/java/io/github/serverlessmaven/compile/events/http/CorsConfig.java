package io.github.serverlessmaven.compile.events.http;

import java.util.List;

/**
 * One event's {@code cors} setting after v3's defaults (validate.js getCors): origin {@code *}, the seven
 * default headers, methods OPTIONS plus the event's method.
 *
 * @param origin null when only {@code origins} was given
 * @param origins null unless given
 */
public record CorsConfig(String origin, List<String> origins, List<String> headers, List<String> methods,
        boolean allowCredentials, Integer maxAge, String cacheControl) {

    static final List<String> DEFAULT_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key",
            "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Amzn-Trace-Id");

    /** The origin as lambda-integration responses send it: the origins joined by commas, else the origin. */
    String responseOrigin() {
        if (origins != null && !origins.isEmpty()) {
            return String.join(",", origins);
        }
        return origin;
    }
}
