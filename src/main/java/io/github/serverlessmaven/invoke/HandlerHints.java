package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.invoke.bootstrap.HandlerMethod;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.project.ProjectLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The closest-match hints for a handler whose class or method does not exist, pointing at 'handler:'. */
final class HandlerHints {

    private HandlerHints() {}

    static ConfigException lookupError(FunctionDef fn, ProjectLayout project, Map<?, ?> result) {
        Node handlerNode = fn.raw().get("handler");
        Position at = handlerNode != null ? handlerNode.position() : fn.position();
        String path = fn.path() + ".handler";
        String kind = String.valueOf(result.get("kind"));
        List<String> candidates = new ArrayList<>();
        if (result.get("candidates") instanceof List<?> list) {
            list.forEach(c -> candidates.add(String.valueOf(c)));
        }
        String className = HandlerMethod.className(fn.handler());
        String methodName = HandlerMethod.methodName(fn.handler());
        String message = String.valueOf(result.get("message"));
        switch (kind) {
            case "CLASS_NOT_FOUND" -> {
                if (!candidates.isEmpty()) {
                    return new ConfigException(at, path, message + "; '" + fn.handler() + "' names a method "
                            + "with '.'", "write 'handler: " + candidates.get(0) + "'");
                }
                List<String> known = ClassIndex.classNames(project.classesDir());
                String close = ClassIndex.closest(className, known);
                String fix;
                if (close != null) {
                    fix = "write 'handler: " + close + (fn.handler().contains("::") ? "::" + methodName : "")
                            + "' (the closest class in " + classesDisplay(project) + ")";
                } else if (known.isEmpty()) {
                    fix = "compile the project first (mvn compile serverless:invoke-local)";
                } else {
                    fix = "use one of the classes in " + classesDisplay(project)
                            + ": " + String.join(", ", known.subList(0, Math.min(10, known.size())))
                            + (known.size() > 10 ? ", ..." : "");
                }
                return new ConfigException(at, path, "handler class " + className + " was not found in the "
                        + "compiled classes or the runtime dependencies", fix);
            }
            case "METHOD_NOT_FOUND" -> {
                String close = ConfigReader.closest(methodName, candidates);
                String fix;
                if (candidates.contains(methodName)) {
                    fix = "give " + methodName + " one of those parameter lists";
                } else if (message.endsWith(" is not public")) {
                    fix = "make " + methodName + " public";
                } else if (close != null) {
                    fix = "write 'handler: " + className + "::" + close + "'";
                } else if (candidates.isEmpty()) {
                    fix = "add a public method " + methodName + " to " + className;
                } else {
                    fix = "name one of its public methods: " + String.join(", ", candidates);
                }
                return new ConfigException(at, path, message, fix);
            }
            default -> {
                String fix;
                if (message.contains("NoClassDefFoundError")) {
                    fix = "add the library that holds the missing class to the project's dependencies (compile or "
                            + "runtime scope, not provided or test)";
                } else if (message.contains("UnsupportedClassVersionError")) {
                    fix = "run Maven with the JDK the classes were compiled for (this is Java "
                            + Runtime.version().feature() + ")";
                } else {
                    fix = "make the handler a public, concrete class with a public constructor without arguments";
                }
                return new ConfigException(at, path, message, fix);
            }
        }
    }

    private static String classesDisplay(ProjectLayout project) {
        Path classes = project.classesDir();
        return classes.startsWith(project.baseDir()) ? project.baseDir().relativize(classes).toString()
                : classes.toString();
    }
}
