package io.github.serverlessmaven.invoke.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The main class of the JVM that {@code serverless:invoke-local} forks: calls one handler once, with the
 * user's classpath, and writes what happened as JSON to a result file (the handler keeps stdout and stderr to
 * itself). Uses only the JDK, so it can run next to any library the user has.
 *
 * <p>Arguments: handler, event file (JSON text), result file, timeout in milliseconds. The function's name,
 * memory, region and log names come from the Lambda environment variables the plugin sets.
 */
public final class Bootstrap {

    public static final int EXIT_OK = 0;
    public static final int EXIT_HANDLER_ERROR = 1;
    public static final int EXIT_SETUP_ERROR = 2;
    public static final int EXIT_TIMEOUT = 3;

    private static final List<String> HIDDEN_FRAME_PREFIXES = List.of(Bootstrap.class.getPackageName() + ".",
            "jdk.internal.reflect.", "java.lang.reflect.", "sun.reflect.");
    private static final int MAX_FRAMES = 60;
    private static final int MAX_CAUSES = 8;

    private final Path resultFile;
    private final AtomicBoolean finished = new AtomicBoolean();

    private Bootstrap(Path resultFile) {
        this.resultFile = resultFile;
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: Bootstrap <handler> <event file> <result file> <timeout millis>");
            System.exit(EXIT_SETUP_ERROR);
        }
        Bootstrap bootstrap = new Bootstrap(Path.of(args[2]));
        int code = bootstrap.run(args[0], Path.of(args[1]), Long.parseLong(args[3]));
        if (code < 0) {
            // The timeout watchdog won the race and is ending the JVM itself.
            code = EXIT_TIMEOUT;
        }
        System.out.flush();
        System.err.flush();
        // The handler may leave non-daemon threads behind; Lambda freezes them, here the JVM simply ends.
        Runtime.getRuntime().halt(code);
    }

    private int run(String handler, Path eventFile, long timeoutMillis) {
        byte[] eventBytes;
        try {
            eventBytes = Files.readAllBytes(eventFile);
        } catch (IOException e) {
            return finish(EXIT_SETUP_ERROR, Map.of("status", "setup", "message", "cannot read the event file "
                    + eventFile + ": " + e.getMessage()));
        }
        HandlerMethod.Target target;
        try {
            target = HandlerMethod.find(handler, Thread.currentThread().getContextClassLoader());
        } catch (HandlerMethod.LookupException e) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", "lookup");
            result.put("kind", e.kind().name());
            result.put("message", e.getMessage());
            result.put("candidates", e.candidates());
            return finish(EXIT_SETUP_ERROR, result);
        }
        Object instance = null;
        if (!target.isStatic()) {
            try {
                instance = target.handlerClass().getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                return finish(EXIT_HANDLER_ERROR, error(e.getCause(), "init"));
            } catch (ExceptionInInitializerError e) {
                return finish(EXIT_HANDLER_ERROR, error(e.getCause() != null ? e.getCause() : e, "init"));
            } catch (ReflectiveOperationException | LinkageError e) {
                return finish(EXIT_HANDLER_ERROR, error(e, "init"));
            }
        }
        long start = System.nanoTime();
        long deadline = start + timeoutMillis * 1_000_000;
        startWatchdog(timeoutMillis);

        Method method = target.method();
        Class<?>[] types = method.getParameterTypes();
        Type[] genericTypes = method.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == InputStream.class) {
                args[i] = new ByteArrayInputStream(eventBytes);
            } else if (types[i] == OutputStream.class) {
                args[i] = output;
            } else if (types[i].getName().equals(HandlerMethod.CONTEXT_TYPE)) {
                args[i] = LocalContext.create(types[i], facts(deadline), System.err);
            } else {
                try {
                    Object json = MiniJson.parse(new String(eventBytes, StandardCharsets.UTF_8));
                    args[i] = new EventConverter().convert(json, genericTypes[i]);
                } catch (MiniJson.ParseException | EventConverter.ConversionException e) {
                    return finish(EXIT_SETUP_ERROR, Map.of("status", "event", "type", genericTypes[i].getTypeName(),
                            "message", e.getMessage()));
                }
            }
        }
        Object returned;
        try {
            method.setAccessible(true);
            returned = method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            return finish(EXIT_HANDLER_ERROR, error(e.getCause(), "invoke"));
        } catch (ExceptionInInitializerError e) {
            // A static handler's class is initialised by the call itself.
            return finish(EXIT_HANDLER_ERROR, error(e.getCause() != null ? e.getCause() : e, "init"));
        } catch (LinkageError e) {
            return finish(EXIT_HANDLER_ERROR, error(e, "init"));
        } catch (IllegalAccessException | RuntimeException e) {
            return finish(EXIT_SETUP_ERROR, Map.of("status", "setup", "message", "cannot call " + method + ": " + e));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "ok");
        result.put("durationMillis", (System.nanoTime() - start) / 1_000_000);
        if (target.writesToStream()) {
            String text = output.toString(StandardCharsets.UTF_8);
            Object parsed = parseOrNull(text);
            result.put("raw", parsed == null);
            result.put("result", parsed == null ? text : parsed);
        } else {
            result.put("raw", false);
            try {
                result.put("result", ResultSerializer.toPlain(returned));
            } catch (RuntimeException e) {
                return finish(EXIT_HANDLER_ERROR, error(e, "serialize"));
            }
        }
        return finish(EXIT_OK, result);
    }

    private static Object parseOrNull(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return MiniJson.parse(text);
        } catch (MiniJson.ParseException e) {
            return null;
        }
    }

    private void startWatchdog(long timeoutMillis) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeoutMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (finish(EXIT_TIMEOUT, Map.of("status", "timeout", "timeoutMillis", timeoutMillis)) == EXIT_TIMEOUT) {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(EXIT_TIMEOUT);
            }
        }, "invoke-local-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static LocalContext.Facts facts(long deadlineNanos) {
        String name = env("AWS_LAMBDA_FUNCTION_NAME", "local-function");
        String region = env("AWS_REGION", "us-east-1");
        String requestId = UUID.randomUUID().toString();
        int memory;
        try {
            memory = Integer.parseInt(env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        } catch (NumberFormatException e) {
            memory = 1024;
        }
        return new LocalContext.Facts(requestId, name, env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                "arn:aws:lambda:" + region + ":000000000000:function:" + name,
                env("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name),
                env("AWS_LAMBDA_LOG_STREAM_NAME", "local"), memory, deadlineNanos);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** The error in the shape Lambda reports it: errorType, errorMessage, stackTrace, plus causes. */
    static Map<String, Object> error(Throwable t, String phase) {
        Map<String, Object> result = describe(t, 0);
        result.put("status", "error");
        result.put("phase", phase);
        return result;
    }

    private static Map<String, Object> describe(Throwable t, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("errorType", t.getClass().getName());
        out.put("errorMessage", t.getMessage());
        out.put("stackTrace", userFrames(t.getStackTrace()));
        Throwable cause = t.getCause();
        if (cause != null && cause != t && depth < MAX_CAUSES) {
            out.put("cause", describe(cause, depth + 1));
        }
        return out;
    }

    static List<String> userFrames(StackTraceElement[] frames) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            if (out.size() >= MAX_FRAMES) {
                break;
            }
            String className = frame.getClassName();
            if (HIDDEN_FRAME_PREFIXES.stream().noneMatch(className::startsWith)) {
                out.add(frame.toString());
            }
        }
        return out;
    }

    private int finish(int code, Map<String, Object> result) {
        if (!finished.compareAndSet(false, true)) {
            return -1;
        }
        try {
            Path tmp = resultFile.resolveSibling(resultFile.getFileName() + ".tmp");
            Files.writeString(tmp, MiniJson.write(result, false), StandardCharsets.UTF_8);
            Files.move(tmp, resultFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("invoke-local: cannot write the result file " + resultFile + ": " + e);
        }
        return code;
    }
}
