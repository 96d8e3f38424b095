package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.model.FunctionDef;
import java.util.List;
import java.util.Map;

/** Renders a handler's exception as a stack trace of the user's own frames, with its causes. */
final class FailureReport {

    private FailureReport() {}

    static String render(FunctionDef fn, Map<?, ?> error) {
        StringBuilder sb = new StringBuilder();
        sb.append("Function '").append(fn.key()).append("' failed");
        if ("init".equals(error.get("phase"))) {
            sb.append(" while initialising its handler ").append(fn.handler());
        }
        sb.append(": ");
        appendThrowable(sb, error);
        Object cause = error.get("cause");
        while (cause instanceof Map<?, ?> c) {
            sb.append("\nCaused by: ");
            appendThrowable(sb, c);
            cause = c.get("cause");
        }
        return sb.toString();
    }

    private static void appendThrowable(StringBuilder sb, Map<?, ?> t) {
        sb.append(t.get("errorType"));
        Object message = t.get("errorMessage");
        if (message != null) {
            sb.append(": ").append(message);
        }
        if (t.get("stackTrace") instanceof List<?> frames) {
            for (Object frame : frames) {
                sb.append("\n    at ").append(frame);
            }
        }
    }
}
