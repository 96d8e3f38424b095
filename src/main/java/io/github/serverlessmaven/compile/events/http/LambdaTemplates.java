package io.github.serverlessmaven.compile.events.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * v3's defaults for the lambda (non-proxy) integration: the request mapping templates (copied byte for byte
 * from method/integration.js into resources next to this class) and the default status codes.
 */
final class LambdaTemplates {

    /** Replaced by the Cognito claims (or nothing) in the default templates. */
    static final String CLAIMS_PLACEHOLDER = "extraCognitoPoolClaims";

    static final String JSON = load("request-template-json.vtl");
    static final String FORM_URL_ENCODED = load("request-template-form.vtl");

    private LambdaTemplates() {}

    /** validate.js DEFAULT_STATUS_CODES, in order. */
    static Map<String, Map<String, Object>> defaultStatusCodes() {
        Map<String, Map<String, Object>> codes = new LinkedHashMap<>();
        codes.put("200", pattern(""));
        for (String code : new String[] {"400", "401", "403", "404", "422", "502"}) {
            codes.put(code, pattern("[\\s\\S]*\\[" + code + "\\][\\s\\S]*"));
        }
        codes.put("500", pattern("[\\s\\S]*(Process\\s?exited\\s?before\\s?completing\\s?request|\\[500\\])[\\s\\S]*"));
        codes.put("504", pattern("([\\s\\S]*\\[504\\][\\s\\S]*)|(.*Task timed out after \\d+\\.\\d+ seconds$)"));
        Map<String, Map<String, Object>> ordered = new LinkedHashMap<>();
        for (String code : new String[] {"200", "400", "401", "403", "404", "422", "500", "502", "504"}) {
            ordered.put(code, codes.get(code));
        }
        return ordered;
    }

    private static Map<String, Object> pattern(String pattern) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("pattern", pattern);
        return spec;
    }

    private static String load(String name) {
        try (InputStream in = LambdaTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
