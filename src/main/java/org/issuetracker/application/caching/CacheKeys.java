package org.issuetracker.application.caching;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How cache keys are made from a method call. */
final class CacheKeys {

    private CacheKeys() {}

    /** An entity region's key is the entity's id; a query region's is the method and its arguments. */
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
        return method.getName() + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
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
}
