package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.invoke.EventInput;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.ops.RemoteInvoker;
import io.github.serverlessmaven.pipeline.PackageRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Invokes a deployed function in AWS Lambda, as {@code serverless invoke} does, and prints its response. The
 * event comes from {@code -Dserverless.data}, {@code -Dserverless.path} or a sample ({@code -Dserverless.event}).
 * Fails the build, showing the error payload, when the function reports an error.
 */
@Mojo(name = "invoke", requiresProject = false, threadSafe = true)
public class InvokeMojo extends AbstractAwsMojo {

    /** The function to invoke: its key under {@code functions:}. */
    @Parameter(property = "serverless.function", required = true)
    private String function;

    /** The event as inline JSON (text that is not JSON is sent as a JSON string). */
    @Parameter(property = "serverless.data")
    private String data;

    /** The event as a JSON (or .yml/.yaml) file, relative to the project directory. */
    @Parameter(property = "serverless.path")
    private String path;

    /** A sample event shipped with the plugin: http, httpApi, sqs, sns, s3, schedule, eventBridge, dynamodb, kinesis. */
    @Parameter(property = "serverless.event")
    private String event;

    /** The invocation type: RequestResponse (wait for the result), Event (asynchronous) or DryRun. */
    @Parameter(property = "serverless.type", defaultValue = "RequestResponse")
    private String type;

    /** Also prints the end of the function's log for this invocation (the last 4 KB Lambda returns). */
    @Parameter(property = "serverless.log", defaultValue = "false")
    private boolean log;

    @Override
    protected String goal() {
        return "invoke";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline(), request, variables);
            String payload = new EventInput(blankToNull(data), blankToNull(path), blankToNull(event))
                    .resolve(request.project().baseDir());
            try (AwsClients aws = clients(service)) {
                RemoteInvoker.Result result = new RemoteInvoker(aws).invokeOrFail(service, function, payload, type,
                        log);
                if (result.statusCode() == 202) {
                    getLog().info("Event accepted by function " + function + " (asynchronous invocation)");
                } else {
                    System.out.println(result.payload());
                }
                if (result.logTail() != null) {
                    System.out.println("--------------------------------------------------------------------");
                    System.out.println(result.logTail());
                }
            }
        }
    }
}
