package org.issuetracker.application.caching;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** After a write has succeeded, announces (as {@link CacheInvalidation} events) what it declared it makes wrong. */
@InvalidatesCache(CacheRegion.ISSUES) // any regions: the member is @Nonbinding
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class InvalidatesCacheInterceptor {

    @Inject
    Event<CacheInvalidation> invalidations;

    @AroundInvoke
    public Object invalidateAfter(InvocationContext call) throws Exception {
        Object result = call.proceed(); // a write that throws has changed nothing
        InvalidatesCache declared = call.getMethod().getAnnotation(InvalidatesCache.class);
        String entityKey = CacheKeys.entityKey(call);
        String aspect = declared.aspect().isEmpty() ? null : declared.aspect();
        for (CacheRegion region : declared.value()) {
            invalidations.fire(
                    region.kind() == CacheRegion.Kind.ENTITY
                            ? new CacheInvalidation(region, entityKey)
                            : new CacheInvalidation(region, null, aspect));
        }
        return result;
    }
}
