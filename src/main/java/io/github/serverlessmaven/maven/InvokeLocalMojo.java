package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.invoke.EventInput;
import io.github.serverlessmaven.invoke.InvocationFailedException;
import io.github.serverlessmaven.invoke.InvokeRequest;
import io.github.serverlessmaven.invoke.InvokeResult;
import io.github.serverlessmaven.invoke.LocalInvoker;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs one function's handler on this machine, as {@code serverless invoke local} does: in a forked JVM with
 * the project's runtime classpath and the function's environment, printing its output and its result. Compiles
 * the project first. Needs no AWS access.
 */
@Mojo(name = "invoke-local", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class InvokeLocalMojo extends AbstractServerlessMojo {

    private static final String ENV_PREFIX = "serverless.env.";

    /** The function to run: its key under {@code functions:}. */
    @Parameter(property = "serverless.function", required = true)
    private String function;

    /** The event as inline JSON (text that is not JSON is passed as a JSON string). */
    @Parameter(property = "serverless.data")
    private String data;

    /** The event as a JSON (or .yml/.yaml) file, relative to the project directory. */
    @Parameter(property = "serverless.path")
    private String path;

    /** A sample event shipped with the plugin: http, httpApi, sqs, sns, s3, schedule, eventBridge, dynamodb, kinesis. */
    @Parameter(property = "serverless.event")
    private String event;

    /** Arguments for the forked JVM, separated by spaces (e.g. a debugger agent). */
    @Parameter(property = "serverless.jvmArgs", defaultValue = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
    private String jvmArgs;

    /** Seconds before the handler is stopped; replaces the function's timeout (useful in a debugger). */
    @Parameter(property = "serverless.timeout")
    private Integer timeout;

    /** Maven resolved the runtime classpath for this goal (requiresDependencyResolution): the forked JVM runs on it. */
    @Override
    protected Collection<Artifact> dependencyArtifacts() {
        return project.getArtifacts();
    }

    @Override
    protected String goal() {
        return "invoke-local";
    }

    @Override
    protected void run() throws MojoFailureException {
        PackageRequest request = packageRequest();
        Service service = pipeline().load(request);
        EventInput eventInput = new EventInput(blankToNull(data), blankToNull(path), blankToNull(event));
        InvokeRequest invoke = new InvokeRequest(service, request.project(), function, eventInput,
                environmentOverrides(), splitArgs(jvmArgs), timeout);
        try {
            InvokeResult result = new LocalInvoker(coreLog(), System.out::println, System.err::println).invoke(invoke);
            System.out.println(result.render());
        } catch (InvocationFailedException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** {@code -Dserverless.env.NAME=value} on the command line. */
    private Map<String, String> environmentOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (session != null) {
            session.getUserProperties().forEach((k, v) -> {
                String key = String.valueOf(k);
                if (key.startsWith(ENV_PREFIX) && key.length() > ENV_PREFIX.length()) {
                    overrides.put(key.substring(ENV_PREFIX.length()), String.valueOf(v));
                }
            });
        }
        return overrides;
    }

    static List<String> splitArgs(String args) {
        if (args == null || args.isBlank()) {
            return List.of();
        }
        return Arrays.stream(args.trim().split("\\s+")).toList();
    }
}
