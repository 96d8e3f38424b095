package io.github.serverlessmaven.invoke.bootstrap;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * The invocation's {@code com.amazonaws.services.lambda.runtime.Context}, made as a dynamic proxy of the
 * interface the handler itself declares, so the plugin needs no compile-time dependency on aws-lambda-java-core.
 * Its logger prints to stderr.
 */
public final class LocalContext {

    /** The facts a Context reports; {@code deadlineNanos} is on the {@link System#nanoTime()} clock. */
    public record Facts(String requestId, String functionName, String functionVersion, String invokedFunctionArn,
            String logGroupName, String logStreamName, int memoryLimitInMb, long deadlineNanos) {

        public int remainingMillis() {
            return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
        }
    }

    private LocalContext() {}

    public static Object create(Class<?> contextInterface, Facts facts, PrintStream log) {
        Class<?> loggerInterface = loggerInterface(contextInterface);
        Object logger = loggerInterface == null ? null : Proxy.newProxyInstance(loggerInterface.getClassLoader(),
                new Class<?>[] {loggerInterface}, logger(log));
        return Proxy.newProxyInstance(contextInterface.getClassLoader(), new Class<?>[] {contextInterface},
                (proxy, method, args) -> {
                    Object common = objectMethod(proxy, method, args, "LocalContext[" + facts.requestId() + "]");
                    if (common != NOT_HANDLED) {
                        return common;
                    }
                    return switch (method.getName()) {
                        case "getAwsRequestId" -> facts.requestId();
                        case "getFunctionName" -> facts.functionName();
                        case "getFunctionVersion" -> facts.functionVersion();
                        case "getInvokedFunctionArn" -> facts.invokedFunctionArn();
                        case "getLogGroupName" -> facts.logGroupName();
                        case "getLogStreamName" -> facts.logStreamName();
                        case "getMemoryLimitInMB" -> facts.memoryLimitInMb();
                        case "getRemainingTimeInMillis" -> facts.remainingMillis();
                        case "getLogger" -> logger;
                        default -> fallback(proxy, method, args);
                    };
                });
    }

    private static Class<?> loggerInterface(Class<?> contextInterface) {
        try {
            Class<?> type = contextInterface.getMethod("getLogger").getReturnType();
            return type.isInterface() ? type : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static InvocationHandler logger(PrintStream log) {
        return (proxy, method, args) -> {
            Object common = objectMethod(proxy, method, args, "LocalLambdaLogger");
            if (common != NOT_HANDLED) {
                return common;
            }
            if (!method.getName().equals("log") || args == null || args.length == 0) {
                return fallback(proxy, method, args);
            }
            String level = args.length > 1 && args[1] != null ? "[" + args[1] + "] " : "";
            String message = args[0] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(args[0]);
            synchronized (log) {
                log.print(level + message);
                if (!message.endsWith("\n")) {
                    log.println();
                }
                log.flush();
            }
            return null;
        };
    }

    private static final Object NOT_HANDLED = new Object();

    private static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
        if (method.getDeclaringClass() != Object.class) {
            return NOT_HANDLED;
        }
        return switch (method.getName()) {
            case "toString" -> description;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> NOT_HANDLED;
        };
    }

    /** Methods added to the interfaces in later versions: their default body, else an empty answer. */
    private static Object fallback(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        Class<?> type = method.getReturnType();
        if (type == boolean.class) {
            return false;
        }
        if (type.isPrimitive() && type != void.class) {
            return type == long.class ? 0L : type == double.class ? 0d : type == float.class ? 0f : 0;
        }
        return null;
    }
}
