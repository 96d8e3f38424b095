package io.github.serverlessmaven.invoke.bootstrap;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the method a handler string ({@code com.example.Handler::handleRequest}, or just the class, meaning
 * {@code handleRequest}) names, among the shapes the AWS Java runtime accepts: {@code (InputStream, OutputStream,
 * Context)}, {@code (InputStream, OutputStream)}, {@code (Event, Context)}, {@code (Event)} and {@code ()}.
 */
public final class HandlerMethod {

    public static final String CONTEXT_TYPE = "com.amazonaws.services.lambda.runtime.Context";
    public static final String DEFAULT_METHOD = "handleRequest";

    /** Why the handler cannot be called; {@code kind} tells the plugin which hint to give. */
    public static final class LookupException extends Exception {
        public enum Kind { CLASS_NOT_FOUND, METHOD_NOT_FOUND, NOT_CALLABLE }

        private final Kind kind;
        private final List<String> candidates;

        public LookupException(Kind kind, String message, List<String> candidates) {
            super(message);
            this.kind = kind;
            this.candidates = candidates;
        }

        public Kind kind() {
            return kind;
        }

        /** Public method names of the class (for METHOD_NOT_FOUND), or a corrected handler string. */
        public List<String> candidates() {
            return candidates;
        }
    }

    public record Target(Class<?> handlerClass, Method method) {
        public boolean isStatic() {
            return Modifier.isStatic(method.getModifiers());
        }

        public boolean writesToStream() {
            for (Class<?> p : method.getParameterTypes()) {
                if (p == OutputStream.class) {
                    return true;
                }
            }
            return false;
        }
    }

    private HandlerMethod() {}

    public static String className(String handler) {
        int sep = handler.indexOf("::");
        return (sep < 0 ? handler : handler.substring(0, sep)).trim();
    }

    public static String methodName(String handler) {
        int sep = handler.indexOf("::");
        return sep < 0 ? DEFAULT_METHOD : handler.substring(sep + 2).trim();
    }

    public static Target find(String handler, ClassLoader loader) throws LookupException {
        String className = className(handler);
        String methodName = methodName(handler);
        Class<?> type;
        try {
            type = load(className, loader);
        } catch (LinkageError e) {
            throw new LookupException(LookupException.Kind.NOT_CALLABLE, "class " + className + " cannot be loaded: "
                    + e, List.of());
        }
        if (type == null) {
            // "com.example.Handler.handle" is a common slip for "com.example.Handler::handle".
            int dot = className.lastIndexOf('.');
            List<String> corrected = new ArrayList<>();
            if (dot > 0 && !handler.contains("::") && loadQuietly(className.substring(0, dot), loader) != null) {
                corrected.add(className.substring(0, dot) + "::" + className.substring(dot + 1));
            }
            throw new LookupException(LookupException.Kind.CLASS_NOT_FOUND, "class " + className
                    + " was not found on the classpath", corrected);
        }
        Method[] methods;
        try {
            methods = type.getMethods();
        } catch (LinkageError e) {
            // Typically a type in a method signature whose library is not on the runtime classpath.
            throw new LookupException(LookupException.Kind.NOT_CALLABLE, "class " + className + " cannot be loaded: "
                    + e, List.of());
        }
        List<Method> named = new ArrayList<>();
        for (Method m : methods) {
            if (m.getName().equals(methodName) && !m.isBridge() && !m.isSynthetic()
                    && m.getDeclaringClass() != Object.class) {
                named.add(m);
            }
        }
        List<Method> usable = new ArrayList<>();
        for (Method m : named) {
            if (shapeRank(m) >= 0) {
                usable.add(m);
            }
        }
        if (usable.isEmpty()) {
            throw missingMethod(type, methods, methodName, named);
        }
        usable.sort(Comparator.comparingInt(HandlerMethod::shapeRank)
                .thenComparing(m -> m.getDeclaringClass() == type ? 0 : 1));
        Method chosen = usable.get(0);
        if (!Modifier.isStatic(chosen.getModifiers())
                && (type.isInterface() || Modifier.isAbstract(type.getModifiers()))) {
            throw new LookupException(LookupException.Kind.NOT_CALLABLE, "class " + type.getName() + " is "
                    + (type.isInterface() ? "an interface" : "abstract") + "; the handler must be a concrete class",
                    List.of());
        }
        if (!Modifier.isStatic(chosen.getModifiers())) {
            try {
                type.getConstructor();
            } catch (NoSuchMethodException e) {
                throw new LookupException(LookupException.Kind.NOT_CALLABLE, "class " + type.getName()
                        + " has no public constructor without arguments, which Lambda needs to create it",
                        List.of());
            }
        }
        return new Target(type, chosen);
    }

    private static LookupException missingMethod(Class<?> type, Method[] methods, String methodName,
            List<Method> named) {
        Set<String> publicMethods = new TreeSet<>();
        for (Method m : methods) {
            if (m.getDeclaringClass() != Object.class && !m.isSynthetic()) {
                publicMethods.add(m.getName());
            }
        }
        if (!named.isEmpty()) {
            return new LookupException(LookupException.Kind.METHOD_NOT_FOUND, "method " + methodName + " of "
                    + type.getName() + " takes " + describe(named.get(0)) + "; a handler takes (event), (event, "
                    + "Context), (InputStream, OutputStream) or (InputStream, OutputStream, Context)",
                    List.copyOf(publicMethods));
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(methodName)) {
                return new LookupException(LookupException.Kind.METHOD_NOT_FOUND, "method " + methodName + " of "
                        + type.getName() + " is not public", List.copyOf(publicMethods));
            }
        }
        return new LookupException(LookupException.Kind.METHOD_NOT_FOUND, "class " + type.getName()
                + " has no public method " + methodName, List.copyOf(publicMethods));
    }

    /** Lower is preferred; -1 is not a handler shape. */
    static int shapeRank(Method m) {
        Class<?>[] p = m.getParameterTypes();
        boolean lastIsContext = p.length > 0 && p[p.length - 1].getName().equals(CONTEXT_TYPE);
        if (p.length == 3 && p[0] == InputStream.class && p[1] == OutputStream.class && lastIsContext) {
            return 0;
        }
        if (p.length == 2 && p[0] == InputStream.class && p[1] == OutputStream.class) {
            return 1;
        }
        if (p.length == 2 && lastIsContext) {
            return 2;
        }
        if (p.length == 1) {
            return 3;
        }
        if (p.length == 0) {
            return 4;
        }
        return -1;
    }

    private static String describe(Method m) {
        List<String> names = new ArrayList<>();
        for (Class<?> p : m.getParameterTypes()) {
            names.add(p.getSimpleName());
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static Class<?> load(String name, ClassLoader loader) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Class<?> loadQuietly(String name, ClassLoader loader) {
        try {
            return load(name, loader);
        } catch (LinkageError e) {
            return null;
        }
    }
}
