package io.github.serverlessmaven.compile.events.http;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    private static final Set<String> CORS_KEYS = Set.of("allowCredentials", "cacheControl", "headers", "maxAge",
            "methods", "origin", "origins");

    /** The event's {@code cors} with v3's defaults (validate.js getCors), or null when absent or false. */
    static CorsConfig parse(ConfigReader r, String method, Diagnostics diagnostics) {
        Node raw = r.raw("cors");
        if (raw == null) {
            return null;
        }
        String upperMethod = method.toUpperCase(Locale.ROOT);
        if (raw instanceof ScalarNode s && !(s.value() instanceof Boolean)
                && !(s.value() instanceof String text && (text.equalsIgnoreCase("true")
                        || text.equalsIgnoreCase("false")))) {
            throw ConfigReader.typeError(raw, r.childPath("cors"), "true, false or a map such as { origin: '*' }");
        }
        if (raw instanceof ScalarNode) {
            if (!r.bool("cors", false)) {
                return null;
            }
            return new CorsConfig("*", null, CorsConfig.DEFAULT_HEADERS, List.of("OPTIONS", upperMethod), false,
                    null, null);
        }
        ConfigReader c = ConfigReader.of(raw, r.childPath("cors"));
        c.checkKnownKeys(CORS_KEYS, diagnostics);
        List<String> origins = c.has("origins") ? c.stringList("origins") : null;
        String origin = c.optString("origin").orElse(origins != null ? null : "*");
        List<String> headers = c.has("headers") ? c.stringList("headers") : CorsConfig.DEFAULT_HEADERS;
        List<String> methods = new ArrayList<>();
        List<String> given = c.stringList("methods");
        for (int i = 0; i < given.size(); i++) {
            if (!HttpEventParser.METHODS.contains(given.get(i))) {
                throw new ConfigException(c.list("methods").get(i).position(), c.childPath("methods") + "[" + i + "]",
                        "unknown CORS method '" + given.get(i) + "', expected one of " + HttpEventParser.METHODS,
                        "write the method in upper case, one of " + HttpEventParser.METHODS);
            }
            methods.add(given.get(i));
        }
        if (!methods.contains("OPTIONS")) {
            methods.add("OPTIONS");
        }
        if (!methods.contains(upperMethod)) {
            methods.add(upperMethod);
        }
        return new CorsConfig(origin, origins, headers, methods, c.bool("allowCredentials", false),
                c.optInt("maxAge", 1, Integer.MAX_VALUE).orElse(null), c.optString("cacheControl").orElse(null));
    }

    /** The origin as lambda-integration responses send it: the origins joined by commas, else the origin. */
    String responseOrigin() {
        if (origins != null && !origins.isEmpty()) {
            return String.join(",", origins);
        }
        return origin;
    }
}
