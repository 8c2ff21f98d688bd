package org.issuetracker.application.caching;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * This write makes entries of the given regions wrong; they are invalidated once it has returned normally (a
 * write that throws has changed nothing). For an ENTITY region the {@link CacheKey} parameter names the entity;
 * a QUERY region starts a new generation. Meant for methods (on a type it only serves the interceptor's binding).
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface InvalidatesCache {

    @Nonbinding
    CacheRegion[] value();

    /**
     * Only this aspect of the data changed (say {@code votes}): in query regions, only the entries read with the same
     * {@link CachedIn#aspect} are invalidated. Entity regions are invalidated as always.
     */
    @Nonbinding
    String aspect() default "";
}
