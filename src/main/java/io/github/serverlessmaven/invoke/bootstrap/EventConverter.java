package io.github.serverlessmaven.invoke.bootstrap;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns parsed event JSON into the handler's parameter type, as the AWS Java runtime's serializer does:
 * untyped values become maps and lists, scalars coerce to the target type, beans are filled through their
 * setters, and immutable classes (records, AWS event models such as {@code S3EventNotification}) through their
 * constructors. JSON names match properties ignoring case and punctuation ({@code Records}, {@code
 * eventSourceARN}, {@code detail-type}); unknown properties are ignored, as the runtime ignores them.
 */
public final class EventConverter {

    /** The event cannot become the requested type; the message names the JSON path and both types. */
    public static final class ConversionException extends RuntimeException {
        public ConversionException(String message) {
            super(message);
        }
    }

    public Object convert(Object json, Type type) {
        return convert(json, type, "$");
    }

    Object convert(Object json, Type type, String path) {
        if (type instanceof Class<?> c) {
            return convertToClass(json, c, type, path);
        }
        if (type instanceof ParameterizedType p) {
            return convertToClass(json, (Class<?>) p.getRawType(), p, path);
        }
        if (type instanceof GenericArrayType g) {
            return toArray(json, rawClass(g.getGenericComponentType()), g.getGenericComponentType(), path);
        }
        if (type instanceof WildcardType w) {
            return convert(json, w.getUpperBounds()[0], path);
        }
        if (type instanceof TypeVariable<?> v) {
            return convert(json, v.getBounds()[0], path);
        }
        return untyped(json);
    }

    private Object convertToClass(Object json, Class<?> c, Type generic, String path) {
        if (json == null) {
            return c.isPrimitive() ? primitiveDefault(c) : c == Optional.class ? Optional.empty() : null;
        }
        if (c == Object.class) {
            return untyped(json);
        }
        if (c == String.class || c == CharSequence.class) {
            return text(json, c, path);
        }
        if (c.isPrimitive() || Number.class.isAssignableFrom(c) || c == Boolean.class || c == Character.class) {
            return scalar(json, c, path);
        }
        if (c.isEnum()) {
            return enumValue(json, c, path);
        }
        if (c == Optional.class) {
            return Optional.ofNullable(convert(json, typeArgument(generic, 0), path));
        }
        if (Map.class.isAssignableFrom(c)) {
            return toMap(json, c, typeArgument(generic, 0), typeArgument(generic, 1), path);
        }
        if (Collection.class.isAssignableFrom(c) || c == Iterable.class) {
            return toCollection(json, c, typeArgument(generic, 0), path);
        }
        if (c == byte[].class || c == ByteBuffer.class) {
            if (!(json instanceof String s)) {
                throw mismatch(json, c, path);
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw new ConversionException("at " + path + ": expected base64 text for " + c.getSimpleName()
                        + " but found '" + abbreviate(s) + "'");
            }
            return c == byte[].class ? bytes : ByteBuffer.wrap(bytes);
        }
        if (c.isArray()) {
            return toArray(json, c.getComponentType(), c.getComponentType(), path);
        }
        if (c == Date.class) {
            return toDate(json, path);
        }
        if (json instanceof Map<?, ?> m) {
            return c.isRecord() ? toRecord(m, c, path) : toBean(m, c, path);
        }
        return fromScalar(json, c, path);
    }

    /** Plain JSON values as an untyped Java target receives them (Jackson's defaults: Double for fractions). */
    static Object untyped(Object json) {
        if (json instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), untyped(v)));
            return out;
        }
        if (json instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(untyped(v)));
            return out;
        }
        if (json instanceof BigDecimal d) {
            return d.doubleValue();
        }
        return json;
    }

    private Object text(Object json, Class<?> c, String path) {
        if (json instanceof String s) {
            return s;
        }
        if (json instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (json instanceof Number || json instanceof Boolean) {
            return String.valueOf(json);
        }
        throw mismatch(json, c, path);
    }

    private Object scalar(Object json, Class<?> c, String path) {
        Class<?> boxed = box(c);
        if (boxed == Boolean.class) {
            if (json instanceof Boolean) {
                return json;
            }
            if (json instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            throw mismatch(json, c, path);
        }
        if (boxed == Character.class) {
            if (json instanceof String s && s.length() == 1) {
                return s.charAt(0);
            }
            throw mismatch(json, c, path);
        }
        BigDecimal number;
        if (json instanceof Number n) {
            number = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        } else if (json instanceof String s) {
            try {
                number = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw mismatch(json, c, path);
            }
        } else {
            throw mismatch(json, c, path);
        }
        try {
            if (boxed == Integer.class) {
                return number.intValueExact();
            }
            if (boxed == Long.class) {
                return number.longValueExact();
            }
            if (boxed == Short.class) {
                return number.shortValueExact();
            }
            if (boxed == Byte.class) {
                return number.byteValueExact();
            }
        } catch (ArithmeticException e) {
            throw new ConversionException("at " + path + ": " + number.toPlainString() + " does not fit in "
                    + c.getSimpleName());
        }
        if (boxed == Double.class) {
            return number.doubleValue();
        }
        if (boxed == Float.class) {
            return number.floatValue();
        }
        if (boxed == BigDecimal.class || boxed == Number.class) {
            return number;
        }
        if (boxed == BigInteger.class) {
            try {
                return number.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new ConversionException("at " + path + ": " + number.toPlainString()
                        + " is not a whole number");
            }
        }
        throw mismatch(json, c, path);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumValue(Object json, Class<?> c, String path) {
        if (!(json instanceof String s)) {
            throw mismatch(json, c, path);
        }
        for (Object constant : EnumSet.allOf((Class<Enum>) c)) {
            if (((Enum<?>) constant).name().equals(s)) {
                return constant;
            }
        }
        for (Object constant : EnumSet.allOf((Class<Enum>) c)) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(s) || constant.toString().equals(s)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (Object constant : c.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        throw new ConversionException("at " + path + ": '" + s + "' is not one of " + names + " (" + c.getName()
                + ")");
    }

    private Object toMap(Object json, Class<?> c, Type keyType, Type valueType, String path) {
        if (!(json instanceof Map<?, ?> m)) {
            throw mismatch(json, c, path);
        }
        Map<Object, Object> out = newMap(c, path);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object convertedKey = keyType == Object.class ? key : convert(key, keyType, path + "." + key);
            out.put(convertedKey, convert(e.getValue(), valueType, path + "." + key));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> newMap(Class<?> c, String path) {
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            return SortedMap.class.isAssignableFrom(c) ? new TreeMap<>() : new LinkedHashMap<>();
        }
        return (Map<Object, Object>) instantiate(c, path);
    }

    @SuppressWarnings("unchecked")
    private Object toCollection(Object json, Class<?> c, Type elementType, String path) {
        List<?> items = json instanceof List<?> l ? l : List.of(json);
        Collection<Object> out;
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            out = SortedSet.class.isAssignableFrom(c) ? new TreeSet<>()
                    : Set.class.isAssignableFrom(c) ? new LinkedHashSet<>() : new ArrayList<>();
        } else {
            out = (Collection<Object>) instantiate(c, path);
        }
        for (int i = 0; i < items.size(); i++) {
            out.add(convert(items.get(i), elementType, path + "[" + i + "]"));
        }
        return out;
    }

    private Object toArray(Object json, Class<?> component, Type genericComponent, String path) {
        List<?> items = json instanceof List<?> l ? l : List.of(json);
        Object array = Array.newInstance(component, items.size());
        for (int i = 0; i < items.size(); i++) {
            Array.set(array, i, convert(items.get(i), genericComponent, path + "[" + i + "]"));
        }
        return array;
    }

    private Date toDate(Object json, String path) {
        if (json instanceof BigDecimal seconds) {
            return new Date(seconds.movePointRight(3).longValue());
        }
        if (json instanceof Number n) {
            long value = n.longValue();
            // AWS event models carry epoch seconds; plain POJOs (Jackson) carry epoch milliseconds.
            return new Date(Math.abs(value) < 100_000_000_000L ? value * 1000 : value);
        }
        if (json instanceof String s) {
            try {
                return Date.from(Instant.parse(s));
            } catch (RuntimeException e) {
                throw new ConversionException("at " + path + ": '" + abbreviate(s) + "' is not an ISO-8601 instant "
                        + "(like 2024-01-31T12:00:00Z)");
            }
        }
        throw mismatch(json, Date.class, path);
    }

    private Object toRecord(Map<?, ?> json, Class<?> c, String path) {
        Map<String, Object> byName = normalizedKeys(json);
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            args[i] = convert(lookup(byName, name), components[i].getGenericType(), path + "." + name);
        }
        try {
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw cannotCreate(c, path, e);
        }
    }

    private Object toBean(Map<?, ?> json, Class<?> c, String path) {
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            throw new ConversionException("at " + path + ": cannot create " + c.getName() + " because it is "
                    + (c.isInterface() ? "an interface" : "abstract") + "; use a concrete class, a Map or Object");
        }
        Map<String, List<Method>> setters = setters(c);
        Map<String, Field> fields = publicFields(c);
        Constructor<?> noArgs = noArgsConstructor(c);
        if (noArgs == null || (setters.isEmpty() && fields.isEmpty())) {
            Object immutable = viaFieldOrderConstructor(json, c, path);
            if (immutable != null) {
                return immutable;
            }
        }
        if (noArgs == null) {
            throw new ConversionException("at " + path + ": cannot create " + c.getName()
                    + ": it has no constructor without arguments (and no record form)");
        }
        Object bean;
        try {
            bean = noArgs.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw cannotCreate(c, path, e);
        }
        for (Map.Entry<?, ?> e : json.entrySet()) {
            String key = String.valueOf(e.getKey());
            String childPath = path + "." + key;
            List<Method> candidates = propertyCandidates(setters, key);
            if (candidates != null) {
                setThroughSetter(bean, candidates, e.getValue(), childPath);
                continue;
            }
            Field field = fields.get(normalize(key));
            if (field == null && normalize(key).startsWith("is")) {
                field = fields.get(normalize(key).substring(2));
            }
            if (field != null) {
                try {
                    field.set(bean, convert(e.getValue(), field.getGenericType(), childPath));
                } catch (IllegalAccessException ex) {
                    throw cannotCreate(c, childPath, ex);
                }
            }
        }
        return bean;
    }

    private static List<Method> propertyCandidates(Map<String, List<Method>> setters, String key) {
        String normalized = normalize(key);
        List<Method> candidates = setters.get(normalized);
        if (candidates == null && normalized.startsWith("is")) {
            // Lombok names the setter of a boolean field isBase64Encoded setBase64Encoded.
            candidates = setters.get(normalized.substring(2));
        }
        return candidates;
    }

    private void setThroughSetter(Object bean, List<Method> candidates, Object value, String path) {
        ConversionException first = null;
        for (Method setter : orderForValue(candidates, value)) {
            Object converted;
            try {
                converted = convert(value, setter.getGenericParameterTypes()[0], path);
            } catch (ConversionException e) {
                first = first == null ? e : first;
                continue;
            }
            try {
                setter.invoke(bean, converted);
                return;
            } catch (InvocationTargetException e) {
                throw new ConversionException("at " + path + ": " + bean.getClass().getName() + "." + setter.getName()
                        + " threw " + e.getCause());
            } catch (IllegalAccessException e) {
                throw cannotCreate(bean.getClass(), path, e);
            }
        }
        throw first;
    }

    /** Overloaded setters (a String and an enum form, say): try first the one the JSON value fits best. */
    private static List<Method> orderForValue(List<Method> candidates, Object value) {
        List<Method> ordered = new ArrayList<>(candidates);
        ordered.sort((a, b) -> Integer.compare(fit(b.getParameterTypes()[0], value),
                fit(a.getParameterTypes()[0], value)));
        return ordered;
    }

    private static int fit(Class<?> type, Object value) {
        if (value instanceof String) {
            return type == String.class ? 3 : type.isEnum() ? 2 : 0;
        }
        if (value instanceof Map) {
            return Map.class.isAssignableFrom(type) ? 2 : type.isPrimitive() || type == String.class ? 0 : 1;
        }
        if (value instanceof List) {
            return Collection.class.isAssignableFrom(type) || type.isArray() ? 2 : 0;
        }
        if (value instanceof Number) {
            return type.isPrimitive() || Number.class.isAssignableFrom(type) ? 2 : 0;
        }
        return 1;
    }

    /**
     * Immutable models (such as the S3 event records) take every field in their constructor, in declaration
     * order; their parameter names are not kept in the class files, so the fields supply them.
     */
    private Object viaFieldOrderConstructor(Map<?, ?> json, Class<?> c, String path) {
        List<Field> fields = instanceFields(c);
        if (fields.isEmpty()) {
            return null;
        }
        Constructor<?> best = null;
        int bestScore = -1;
        for (Constructor<?> ctor : c.getConstructors()) {
            if (ctor.getParameterCount() != fields.size()) {
                continue;
            }
            int score = 0;
            for (int i = 0; i < fields.size(); i++) {
                if (ctor.getParameterTypes()[i] == fields.get(i).getType()) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = ctor;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        Map<String, Object> byName = normalizedKeys(json);
        Object[] args = new Object[fields.size()];
        for (int i = 0; i < args.length; i++) {
            String name = fields.get(i).getName();
            args[i] = convert(lookup(byName, name), best.getGenericParameterTypes()[i], path + "." + name);
        }
        try {
            return best.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw cannotCreate(c, path, e);
        }
    }

    private Object fromScalar(Object json, Class<?> c, String path) {
        Object text = json instanceof BigDecimal d ? d.toPlainString() : json;
        for (String factory : List.of("parse", "valueOf", "fromValue", "fromString", "of")) {
            for (Class<?> param : List.of(String.class, CharSequence.class)) {
                try {
                    Method m = c.getMethod(factory, param);
                    if (Modifier.isStatic(m.getModifiers()) && c.isAssignableFrom(m.getReturnType())
                            && text instanceof String) {
                        return m.invoke(null, text);
                    }
                } catch (NoSuchMethodException e) {
                    // try the next form
                } catch (InvocationTargetException e) {
                    throw new ConversionException("at " + path + ": " + c.getName() + "." + factory + " rejected '"
                            + abbreviate(String.valueOf(text)) + "': " + e.getCause().getMessage());
                } catch (IllegalAccessException e) {
                    throw cannotCreate(c, path, e);
                }
            }
        }
        for (Class<?> param : List.of(json.getClass(), String.class, Object.class)) {
            try {
                Constructor<?> ctor = c.getConstructor(param);
                return ctor.newInstance(param == String.class ? String.valueOf(text) : json);
            } catch (NoSuchMethodException e) {
                // try the next form
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw cannotCreate(c, path, e);
            }
        }
        throw mismatch(json, c, path);
    }

    private static Map<String, List<Method>> setters(Class<?> c) {
        Map<String, List<Method>> out = new HashMap<>();
        for (Method m : c.getMethods()) {
            if (m.getName().length() > 3 && m.getName().startsWith("set") && m.getParameterCount() == 1
                    && !Modifier.isStatic(m.getModifiers()) && !m.isBridge()) {
                out.computeIfAbsent(normalize(m.getName().substring(3)), k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    private static Map<String, Field> publicFields(Class<?> c) {
        Map<String, Field> out = new HashMap<>();
        for (Field f : c.getFields()) {
            int mod = f.getModifiers();
            if (!Modifier.isStatic(mod) && !Modifier.isFinal(mod)) {
                out.put(normalize(f.getName()), f);
            }
        }
        return out;
    }

    private static List<Field> instanceFields(Class<?> c) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            hierarchy.add(0, k);
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> k : hierarchy) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isTransient(mod) && !f.isSynthetic()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Constructor<?> noArgsConstructor(Class<?> c) {
        try {
            Constructor<?> ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor;
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    private Object instantiate(Class<?> c, String path) {
        Constructor<?> ctor = noArgsConstructor(c);
        if (ctor == null) {
            throw new ConversionException("at " + path + ": cannot create " + c.getName()
                    + ": it has no constructor without arguments");
        }
        try {
            return ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw cannotCreate(c, path, e);
        }
    }

    private static Map<String, Object> normalizedKeys(Map<?, ?> json) {
        Map<String, Object> out = new HashMap<>();
        json.forEach((k, v) -> out.putIfAbsent(normalize(String.valueOf(k)), v));
        return out;
    }

    private static Object lookup(Map<String, Object> byNormalizedKey, String propertyName) {
        String normalized = normalize(propertyName);
        if (byNormalizedKey.containsKey(normalized)) {
            return byNormalizedKey.get(normalized);
        }
        return byNormalizedKey.get("is" + normalized);
    }

    /** Property names match ignoring case and anything but letters and digits. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.toString();
    }

    private static Type typeArgument(Type generic, int index) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }

    private static Object primitiveDefault(Class<?> c) {
        return Array.get(Array.newInstance(c, 1), 0);
    }

    private static ConversionException mismatch(Object json, Class<?> target, String path) {
        return new ConversionException("at " + path + ": cannot turn " + describe(json) + " into "
                + target.getName());
    }

    private static ConversionException cannotCreate(Class<?> c, String path, Throwable e) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return new ConversionException("at " + path + ": cannot create " + c.getName() + ": " + cause);
    }

    static String describe(Object json) {
        if (json instanceof Map) {
            return "a JSON object";
        }
        if (json instanceof List) {
            return "a JSON array";
        }
        if (json instanceof String s) {
            return "the JSON string \"" + abbreviate(s) + "\"";
        }
        if (json instanceof Boolean) {
            return "the JSON boolean " + json;
        }
        return "the JSON number " + (json instanceof BigDecimal d ? d.toPlainString() : json);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
