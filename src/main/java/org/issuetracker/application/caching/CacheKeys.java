package org.issuetracker.application.caching;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * How cache keys are made from a method call. A query region's key is a canonical, typed encoding of the method and
 * its arguments: every value is tagged with its kind and every text is prefixed with its length, so that two calls
 * share a key only when their arguments are equal. Keys built from {@code toString()} let one reader's query answer
 * another's ({@code q=null} was no {@code q}, the label {@code "a, b"} was the labels {@code a} and {@code b}); the
 * encoding is prefix-free, so no choice of text can spell another call's key.
 */
final class CacheKeys {

    private CacheKeys() {}

    /** An entity region's key is the entity's id; a query region's is the method and its arguments, encoded. */
    static String readKey(CacheRegion region, InvocationContext call) {
        Method method = call.getMethod();
        Object[] args = call.getParameters();
        if (region.kind() == CacheRegion.Kind.ENTITY) {
            if (args.length != 1) {
                throw new IllegalStateException(
                        method + " reads the entity region " + region + " and so must take exactly the entity's id");
            }
            return String.valueOf(args[0]);
        }
        return queryKey(method.getName(), args);
    }

    /** The key of a call to {@code method} with these arguments in a query region. */
    static String queryKey(String method, Object... args) {
        StringBuilder key = new StringBuilder(method);
        encode(key, Arrays.asList(args));
        return key.toString();
    }

    /** The value of the write's {@link CacheKey} parameter, or {@code null} when it has none. */
    static String entityKey(InvocationContext call) {
        Parameter[] parameters = call.getMethod().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(CacheKey.class)) {
                return String.valueOf(call.getParameters()[i]);
            }
        }
        return null;
    }

    /**
     * Appends one value: {@code ~} for null, {@code T}/{@code F}, {@code s<length>:<text>}, {@code v<length>:<type>:<
     * value>} for numbers, enums, dates and ids of the JDK, {@code l<size>[...]} for lists and {@code r<length>:<type>
     * {...}} for records, component by component. A type it does not know is refused rather than guessed at: its
     * {@code toString()} may not tell equal from unequal.
     */
    private static void encode(StringBuilder key, Object value) {
        if (value == null) {
            key.append('~');
        } else if (value instanceof Boolean flag) {
            key.append(flag ? 'T' : 'F');
        } else if (value instanceof CharSequence text) {
            text(key, 's', text.toString());
        } else if (value instanceof Enum<?> constant) {
            text(key, 'v', constant.getDeclaringClass().getName() + ":" + constant.name());
        } else if (value instanceof Number || value instanceof TemporalAccessor || value instanceof UUID) {
            text(key, 'v', value.getClass().getName() + ":" + value);
        } else if (value instanceof List<?> list) {
            key.append('l').append(list.size()).append('[');
            list.forEach(element -> encode(key, element));
            key.append(']');
        } else if (value instanceof Record record) {
            text(key, 'r', record.getClass().getName());
            key.append('{');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                encode(key, component(record, component));
            }
            key.append('}');
        } else {
            throw new IllegalArgumentException("No canonical cache key for a "
                    + value.getClass().getName() + ": use strings, numbers, enums, dates, lists or records of them");
        }
    }

    private static void text(StringBuilder key, char tag, String text) {
        key.append(tag).append(text.length()).append(':').append(text);
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
        }
    }
}
