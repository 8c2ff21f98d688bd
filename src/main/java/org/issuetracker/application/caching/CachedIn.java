package org.issuetracker.application.caching;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The result of this read is kept in the given region. In an {@link CacheRegion.Kind#ENTITY ENTITY} region the
 * method takes exactly the entity's id; in a {@link CacheRegion.Kind#QUERY QUERY} region the key is made of the
 * method and all its arguments (which must have a stable {@code toString}, as records do). Results are stored as
 * JSON, so the return type must be JSON-B mappable; {@code null} is never cached and exceptions pass through.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface CachedIn {

    @Nonbinding
    CacheRegion value();

    /**
     * In a query region: the results also depend on this aspect of the data (say {@code votes}), so a write that
     * changes only that aspect ({@link InvalidatesCache#aspect}) invalidates them, and no others.
     */
    @Nonbinding
    String aspect() default "";
}
