package io.github.serverlessmaven.invoke.bootstrap;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a handler's return value into plain JSON values the way the AWS Java runtime's serializer shows it:
 * beans through their getters (nulls left out), records through their components, bytes as base64.
 */
public final class ResultSerializer {

    private static final int MAX_DEPTH = 64;

    private final Map<Object, Boolean> inProgress = new IdentityHashMap<>();

    public static Object toPlain(Object value) {
        return new ResultSerializer().plain(value, 0);
    }

    private Object plain(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        if (v instanceof Enum<?> constant) {
            return constant.name();
        }
        if (v instanceof Character || v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof Date d) {
            return d.getTime();
        }
        if (v instanceof Optional<?> o) {
            return plain(o.orElse(null), depth);
        }
        if (depth > MAX_DEPTH || inProgress.containsKey(v)) {
            return "<cycle: " + v.getClass().getName() + ">";
        }
        inProgress.put(v, Boolean.TRUE);
        try {
            return composite(v, depth + 1);
        } finally {
            inProgress.remove(v);
        }
    }

    private Object composite(Object v, int depth) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, value) -> out.put(String.valueOf(k), plain(value, depth)));
            return out;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(item -> out.add(plain(item, depth)));
            return out;
        }
        if (v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(plain(Array.get(v, i), depth));
            }
            return out;
        }
        if (isValueType(v.getClass())) {
            return v.toString();
        }
        if (v.getClass().isRecord()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                Object value = read(c.getAccessor(), v);
                if (value != null) {
                    out.put(c.getName(), plain(value, depth));
                }
            }
            return out;
        }
        return bean(v, depth);
    }

    private Object bean(Object v, int depth) {
        Map<String, Integer> fieldOrder = fieldOrder(v.getClass());
        Map<String, Object> properties = new TreeMap<>((a, b) -> {
            int ia = fieldOrder.getOrDefault(a.toLowerCase(Locale.ROOT), Integer.MAX_VALUE);
            int ib = fieldOrder.getOrDefault(b.toLowerCase(Locale.ROOT), Integer.MAX_VALUE);
            return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
        });
        for (Method m : v.getClass().getMethods()) {
            String property = propertyOf(m);
            if (property == null || properties.containsKey(property)) {
                continue;
            }
            Object value = read(m, v);
            if (value != null) {
                properties.put(property, plain(value, depth));
            }
        }
        for (Field f : v.getClass().getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !properties.containsKey(f.getName())) {
                try {
                    Object value = f.get(v);
                    if (value != null) {
                        properties.put(f.getName(), plain(value, depth));
                    }
                } catch (IllegalAccessException e) {
                    // not readable: left out, as a serializer would
                }
            }
        }
        if (properties.isEmpty()) {
            return v.toString();
        }
        return new LinkedHashMap<>(properties);
    }

    /** Jackson's default naming: getStatusCode is statusCode, getURL is url, isBase64Encoded is base64Encoded. */
    static String propertyOf(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                || m.isBridge() || m.getReturnType() == void.class) {
            return null;
        }
        String name = m.getName();
        String rest;
        if (name.startsWith("get") && name.length() > 3) {
            rest = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            rest = name.substring(2);
        } else {
            return null;
        }
        StringBuilder sb = new StringBuilder(rest);
        for (int i = 0; i < sb.length() && Character.isUpperCase(sb.charAt(i)); i++) {
            sb.setCharAt(i, Character.toLowerCase(sb.charAt(i)));
        }
        return sb.toString();
    }

    /** Properties are listed in field declaration order (as Jackson does), matched regardless of case. */
    private static Map<String, Integer> fieldOrder(Class<?> c) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            hierarchy.add(0, k);
        }
        Map<String, Integer> order = new HashMap<>();
        for (Class<?> k : hierarchy) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    order.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), order.size());
                }
            }
        }
        return order;
    }

    private static boolean isValueType(Class<?> c) {
        String name = c.getName();
        return name.startsWith("java.time.") || name.startsWith("org.joda.time.") || name.equals("java.util.UUID")
                || name.equals("java.net.URI") || name.equals("java.net.URL") || name.startsWith("java.nio.file.")
                || name.equals("java.io.File") || name.equals("java.util.Locale")
                || name.equals("java.util.TimeZone") || name.equals("java.util.Currency");
    }

    private static Object read(Method accessor, Object target) {
        try {
            accessor.setAccessible(true);
            return accessor.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
