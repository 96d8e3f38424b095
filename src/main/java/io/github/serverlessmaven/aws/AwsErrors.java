package io.github.serverlessmaven.aws;

import io.github.serverlessmaven.deploy.DeployException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into one clear sentence: what failed, why, and what to do. Only AWS's own message is
 * quoted (it never holds a secret); request ids, stack traces and credentials are left out.
 */
public final class AwsErrors {

    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
            "InvalidToken", "AuthFailure", "IncompleteSignature");
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AuthorizationError");

    private AwsErrors() {}

    /**
     * @param action what the plugin was doing, as a verb phrase: "create the change set for stack x-dev"
     * @param settings where it was talking to (for the unreachable-endpoint message)
     */
    public static DeployException translate(SdkException e, String action, AwsSettings settings) {
        if (e instanceof AwsServiceException service) {
            String code = errorCode(service);
            String message = awsMessage(service);
            if (code != null && BAD_CREDENTIALS.contains(code)) {
                return new DeployException("AWS rejected the credentials while trying to " + action + " (" + code
                        + "); perhaps you should refresh them (aws sso login, new access keys) or pick another "
                        + "profile with -Dserverless.profile.", e);
            }
            if ((code != null && ACCESS_DENIED.contains(code)) || service.statusCode() == 403) {
                return new DeployException("Access denied while trying to " + action + ": " + message
                        + "; perhaps you should grant the deploying identity that permission.", e);
            }
            return new DeployException("Could not " + action + ": " + (code != null ? code + ": " : "") + message,
                    e);
        }
        String text = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && (text.contains("Unable to load credentials")
                || text.contains("Unable to load an AWS credentials") || text.contains("credentials from any"))) {
            return new DeployException("No AWS credentials found while trying to " + action + "; perhaps you "
                    + "should set AWS_PROFILE or -Dserverless.profile, export AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or run 'aws sso login'.", e);
        }
        if (text.contains("Profile file contained no credentials for profile") || text.contains("profile file")
                && text.contains("profile")) {
            return new DeployException("The AWS profile '" + settings.profile() + "' has no usable credentials; "
                    + "perhaps you should check ~/.aws/config and ~/.aws/credentials or choose another "
                    + "-Dserverless.profile.", e);
        }
        if (hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)
                || hasCause(e, SocketTimeoutException.class)) {
            String where = settings.endpoint() != null ? settings.endpoint().toString()
                    : "AWS in region " + settings.region();
            return new DeployException("Cannot reach " + where + " while trying to " + action
                    + "; perhaps you should check the network"
                    + (settings.endpoint() != null ? " and that the emulator is running (serverless.endpoint / "
                            + "AWS_ENDPOINT_URL)." : ", a proxy, or the region name."), e);
        }
        return new DeployException("Could not " + action + ": " + firstLine(text), e);
    }

    /** AWS's message without the SDK's "(Service: ..., Request ID: ...)" suffix. */
    public static String awsMessage(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        String fromBody = fromRawBody(e, "Message");
        if (fromBody != null) {
            return fromBody;
        }
        String text = String.valueOf(e.getMessage());
        int suffix = text.indexOf("(Service:");
        return suffix > 0 ? text.substring(0, suffix).trim() : suffix == 0 ? "HTTP " + e.statusCode() : text;
    }

    /** The error code, also when the SDK could not parse the body (some emulators answer in another format). */
    public static String errorCode(SdkException e) {
        if (!(e instanceof AwsServiceException s)) {
            return null;
        }
        if (s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null) {
            return s.awsErrorDetails().errorCode();
        }
        return fromRawBody(s, "Code");
    }

    private static String fromRawBody(AwsServiceException e, String element) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().rawResponse() == null) {
            return null;
        }
        String body = e.awsErrorDetails().rawResponse().asUtf8String();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + element + ">([^<]*)</" + element + ">")
                .matcher(body);
        return m.find() && !m.group(1).isBlank() ? m.group(1).trim() : null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline > 0 ? text.substring(0, newline) : text;
    }
}
