package io.github.serverlessmaven.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach AWS.
 *
 * @param region the service's region
 * @param profile a named profile ({@code serverless.profile} or {@code provider.profile}), or null for the SDK's
 *     default credential chain
 * @param endpoint an endpoint override for every service (an emulator such as moto), or null for AWS
 * @param maxAttempts attempts per request including retries (the SDK's standard strategy); 1 disables retries
 * @param credentials an explicit provider that wins over profile and default chain (tests), or null
 */
public record AwsSettings(String region, String profile, URI endpoint, int maxAttempts,
        AwsCredentialsProvider credentials) {

    /** 1 + 4 retries, as v3 (SLS_AWS_REQUEST_MAX_RETRIES 4): enough for CloudFormation throttling while polling. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public static AwsSettings of(String region, String profile, String endpoint) {
        return new AwsSettings(region, blankToNull(profile), parseEndpoint(endpoint), DEFAULT_MAX_ATTEMPTS, null);
    }

    public AwsSettings withRegion(String otherRegion) {
        return new AwsSettings(otherRegion, profile, endpoint, maxAttempts, credentials);
    }

    /** The endpoint from {@code serverless.endpoint}, else {@code AWS_ENDPOINT_URL}, else none. */
    public static String endpointFrom(String parameter, java.util.Map<String, String> env) {
        String value = blankToNull(parameter);
        return value != null ? value : blankToNull(env.get("AWS_ENDPOINT_URL"));
    }

    private static URI parseEndpoint(String endpoint) {
        String value = blankToNull(endpoint);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new io.github.serverlessmaven.deploy.DeployException("The endpoint '" + value
                    + "' is not a URL; perhaps you should write it as http://host:port (serverless.endpoint or "
                    + "AWS_ENDPOINT_URL).");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
