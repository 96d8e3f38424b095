package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.invoke.bootstrap.Bootstrap;
import io.github.serverlessmaven.invoke.bootstrap.MiniJson;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ProjectLayout;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs one function's handler on this machine, in a forked JVM with the project's runtime classpath and the
 * function's environment, and returns what it returned; the handler's stdout and stderr lines are passed on
 * as they come. Knows nothing of Maven.
 */
public final class LocalInvoker {

    /** Time the forked JVM gets on top of the function's timeout to start and report before it is killed. */
    static final long STARTUP_GRACE_MILLIS = 60_000;

    private static final List<String> FIXED_JVM_ARGS = List.of("-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private static final Pattern JAVA_RUNTIME = Pattern.compile("^java(\\d+)");

    private final Log log;
    private final Consumer<String> stdout;
    private final Consumer<String> stderr;

    public LocalInvoker(Log log, Consumer<String> stdout, Consumer<String> stderr) {
        this.log = log;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public InvokeResult invoke(InvokeRequest request) {
        Service service = request.service();
        FunctionDef fn = function(service, request.functionKey());
        checkRuntime(fn);
        ProjectLayout project = request.project();
        List<Path> classpath = classpath(project);
        String event = request.event().resolve(project.baseDir());

        int timeoutSeconds = request.timeoutSeconds() != null ? request.timeoutSeconds() : fn.timeout();
        if (timeoutSeconds < 1) {
            throw new ConfigException(Position.of("-Dserverless.timeout"), "", "the timeout must be at least 1 "
                    + "second, found " + timeoutSeconds, "pass a number of seconds, e.g. -Dserverless.timeout=900");
        }
        warnOnOlderJava(fn);

        Path workDir = project.buildDir().resolve("serverless-invoke-local");
        Path eventFile = workDir.resolve("event.json");
        Path resultFile = workDir.resolve("result.json");
        List<Path> fullClasspath = new ArrayList<>();
        try {
            Files.createDirectories(workDir);
            Files.writeString(eventFile, event, StandardCharsets.UTF_8);
            Files.deleteIfExists(resultFile);
            fullClasspath.add(BootstrapClasses.extractTo(workDir.resolve("bootstrap")));
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException(Position.of(workDir.toString()), "", "cannot prepare the invocation: "
                    + e.getMessage(), "check that the build directory is writable");
        }
        fullClasspath.addAll(classpath);

        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(FIXED_JVM_ARGS);
        command.addAll(request.jvmArgs());
        command.add("-cp");
        command.add(fullClasspath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(Bootstrap.class.getName());
        command.add(fn.handler());
        command.add(eventFile.toString());
        command.add(resultFile.toString());
        command.add(Long.toString(timeoutSeconds * 1000L));

        ProcessBuilder builder = new ProcessBuilder(command).directory(project.baseDir().toFile());
        builder.environment().putAll(LambdaEnvironment.of(service, fn, project.classesDir(),
                request.environmentOverrides(), log));
        log.info("Invoking " + fn.key() + " (" + fn.handler() + ") locally with " + request.event().source());
        log.debug("invoke-local command: " + command);

        int exitCode = run(builder, fn, timeoutSeconds);
        return interpret(fn, request.event(), project, resultFile, exitCode, timeoutSeconds);
    }

    private int run(ProcessBuilder builder, FunctionDef fn, int timeoutSeconds) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InvocationFailedException("cannot start " + builder.command().get(0) + ": " + e.getMessage());
        }
        try {
            // A handler reading System.in sees its end instead of waiting for input that never comes.
            process.getOutputStream().close();
        } catch (IOException e) {
            // the process is already gone; its result says why
        }
        Thread out = pump(process.getInputStream(), stdout, "invoke-local-stdout");
        Thread err = pump(process.getErrorStream(), stderr, "invoke-local-stderr");
        try {
            boolean ended = process.waitFor(timeoutSeconds * 1000L + STARTUP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw timedOut(fn, timeoutSeconds);
            }
            out.join(5000);
            err.join(5000);
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InvocationFailedException("invoke-local was interrupted; the handler's JVM was stopped");
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended; nothing more to pass on
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private InvokeResult interpret(FunctionDef fn, EventInput event, ProjectLayout project, Path resultFile,
            int exitCode, int timeoutSeconds) {
        if (!Files.exists(resultFile)) {
            throw new InvocationFailedException("Function '" + fn.key() + "' ended its JVM with exit code " + exitCode
                    + " before returning (did the handler call System.exit, or did the JVM crash? its output is "
                    + "above)");
        }
        Map<?, ?> result;
        try {
            result = (Map<?, ?>) MiniJson.parse(Files.readString(resultFile, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new InvocationFailedException("cannot read the result of the handler's JVM from " + resultFile
                    + ": " + e.getMessage());
        }
        String status = String.valueOf(result.get("status"));
        return switch (status) {
            case "ok" -> new InvokeResult(result.get("result"), Boolean.TRUE.equals(result.get("raw")),
                    ((Number) result.get("durationMillis")).longValue());
            case "timeout" -> throw timedOut(fn, timeoutSeconds);
            case "error" -> throw new InvocationFailedException(FailureReport.render(fn, result));
            case "event" -> throw new ConfigException(Position.of(event.source()), "", "the event cannot be passed "
                    + "to " + fn.handler() + " as " + result.get("type") + ": " + result.get("message"),
                    "pass an event of that shape, or let the handler take a Map<String, Object> or an InputStream");
            case "lookup" -> throw HandlerHints.lookupError(fn, project, result);
            default -> throw new InvocationFailedException("Function '" + fn.key() + "' could not be run: "
                    + result.get("message"));
        };
    }

    private static InvocationFailedException timedOut(FunctionDef fn, int timeoutSeconds) {
        boolean overridden = timeoutSeconds != fn.timeout();
        return new InvocationFailedException("Function '" + fn.key() + "' timed out after " + timeoutSeconds
                + " second" + (timeoutSeconds == 1 ? "" : "s") + (overridden ? " (-Dserverless.timeout)"
                : " (its timeout)") + "; the handler's JVM was stopped. Perhaps you should raise 'timeout' of "
                + fn.path() + " (or provider.timeout), or find what the handler waits for");
    }

    /** A handler compiled for the Lambda runtime's Java may not load on an older JVM; say so up front. */
    private void warnOnOlderJava(FunctionDef fn) {
        Matcher version = JAVA_RUNTIME.matcher(fn.runtime());
        if (!version.find()) {
            return;
        }
        int lambdaJava = Integer.parseInt(version.group(1));
        int here = Runtime.version().feature();
        if (lambdaJava > here) {
            log.warn("function " + fn.key() + " runs on " + fn.runtime() + " in Lambda, but invoke-local uses Java "
                    + here + " (the JVM running Maven); perhaps you should run Maven with JDK " + lambdaJava);
        }
    }

    static FunctionDef function(Service service, String key) {
        if (service.functions().isEmpty()) {
            throw new ConfigException(Position.of(service.configFile()), "functions", "the configuration has no "
                    + "functions to invoke", "add one under 'functions:', e.g. 'hello: { handler: "
                    + "com.example.Hello }'");
        }
        if (key == null || key.isBlank()) {
            throw new ConfigException(Position.of(service.configFile()), "functions", "no function was named",
                    "pass -Dserverless.function=NAME, one of " + service.functions().keySet());
        }
        FunctionDef fn = service.functions().get(key);
        if (fn == null) {
            String close = ConfigReader.closest(key, service.functions().keySet());
            throw new ConfigException(Position.of(service.configFile()), "functions", "there is no function '" + key
                    + "' (functions: " + String.join(", ", service.functions().keySet()) + ")",
                    close != null ? "write -Dserverless.function=" + close
                            : "pass one of the functions above as -Dserverless.function");
        }
        return fn;
    }

    private static void checkRuntime(FunctionDef fn) {
        if (fn.isImage()) {
            throw new ConfigException(fn.raw().get("image").position(), fn.path() + ".image", "invoke-local runs "
                    + "handlers from the project's classes, but '" + fn.key() + "' is a container image function",
                    "run the image locally (its base image includes the Lambda runtime interface emulator), or "
                            + "invoke the deployed function with serverless:invoke");
        }
        if (!fn.runtime().startsWith("java")) {
            Node at = fn.raw().get("runtime");
            throw new ConfigException(at != null ? at.position() : fn.position(), fn.path() + ".runtime",
                    "invoke-local runs Java handlers only, but this function's runtime is '" + fn.runtime() + "'",
                    "invoke a Java function");
        }
    }

    private static List<Path> classpath(ProjectLayout project) {
        List<Path> classpath = new ArrayList<>();
        if (Files.isDirectory(project.classesDir())) {
            classpath.add(project.classesDir());
        }
        classpath.addAll(project.runtimeJars());
        if (classpath.isEmpty()) {
            throw new ConfigException(Position.of(project.classesDir().toString()), "", "there are no compiled "
                    + "classes to run", "compile the project first (mvn compile serverless:invoke-local)");
        }
        return classpath;
    }

    private static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }
}
