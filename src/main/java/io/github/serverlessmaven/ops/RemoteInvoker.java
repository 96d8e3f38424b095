package io.github.serverlessmaven.ops;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** {@code serverless invoke}: Lambda Invoke of the deployed function, with the response and the log tail. */
public final class RemoteInvoker {

    /** What Lambda answered. {@code logTail} is the decoded last 4 KB of the log, or null when not asked for. */
    public record Result(int statusCode, String payload, String functionError, String logTail) {

        public boolean failed() {
            return functionError != null && !functionError.isBlank();
        }
    }

    private final AwsClients aws;

    public RemoteInvoker(AwsClients aws) {
        this.aws = aws;
    }

    /**
     * @param type {@code RequestResponse}, {@code Event} (asynchronous) or {@code DryRun}
     */
    public Result invoke(Service service, String functionKey, String payload, String type, boolean withLog) {
        FunctionDef fn = DeployedFunctions.named(service, functionKey);
        String invocationType = type == null || type.isBlank() ? "RequestResponse" : type;
        if (!invocationType.equals("RequestResponse") && !invocationType.equals("Event")
                && !invocationType.equals("DryRun")) {
            throw new DeployException("The invocation type '" + type + "' is not one Lambda knows; perhaps you "
                    + "should write -Dserverless.type=RequestResponse, Event or DryRun.");
        }
        try {
            InvokeResponse response = aws.lambda().invoke(r -> r.functionName(fn.name())
                    .invocationType(invocationType)
                    .logType(withLog && invocationType.equals("RequestResponse") ? LogType.TAIL : LogType.NONE)
                    .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8)));
            String tail = decodeLog(response.logResult());
            String body = response.payload() == null ? "" : response.payload().asUtf8String();
            return new Result(response.statusCode(), body, response.functionError(), tail);
        } catch (ResourceNotFoundException e) {
            throw DeployedFunctions.notDeployed(service, fn, e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "invoke function " + fn.name(), aws.settings());
        }
    }

    /** Lambda's LogResult: the last 4 KB of the log, base64-encoded; null when Lambda sent none. */
    static String decodeLog(String logResult) {
        return logResult == null || logResult.isBlank() ? null
                : new String(Base64.getDecoder().decode(logResult.trim()), StandardCharsets.UTF_8);
    }

    /** Like {@link #invoke}, but a function error becomes a failure that shows the error payload. */
    public Result invokeOrFail(Service service, String functionKey, String payload, String type, boolean withLog) {
        Result result = invoke(service, functionKey, payload, type, withLog);
        // Only a synchronous call carries the function's outcome; an accepted Event has none to report.
        if (result.failed() && result.statusCode() != 202 && result.statusCode() != 204) {
            throw new DeployException("Function " + functionKey + " failed (" + result.functionError() + "): "
                    + result.payload().trim() + (result.logTail() == null ? "" : "\n" + result.logTail()));
        }
        return result;
    }
}
