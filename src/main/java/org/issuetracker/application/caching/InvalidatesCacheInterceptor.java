package org.issuetracker.application.caching;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** After a write has succeeded, invalidates what it declared it makes wrong. */
@InvalidatesCache(CacheRegion.ISSUES) // any regions: the member is @Nonbinding
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class InvalidatesCacheInterceptor {

    @Inject
    RegionCaches caches;

    @AroundInvoke
    public Object invalidateAfter(InvocationContext call) throws Exception {
        Object result = call.proceed(); // a write that throws has changed nothing
        CacheRegion[] regions =
                call.getMethod().getAnnotation(InvalidatesCache.class).value();
        String entityKey = CacheKeys.entityKey(call);
        for (CacheRegion region : regions) {
            caches.invalidate(region, region.kind() == CacheRegion.Kind.ENTITY ? entityKey : null);
        }
        return result;
    }
}
