package org.issuetracker.application.caching;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Reads through the cache: answers from the region when it can, else calls the method and keeps its result. */
@CachedIn(CacheRegion.ISSUES) // any region: the member is @Nonbinding
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CachedInInterceptor {

    private static final Logger LOG = Logger.getLogger(CachedInInterceptor.class.getName());

    @Inject
    RegionCaches caches;

    @Inject
    CacheCodec codec;

    @Inject
    CacheMetrics metrics;

    @AroundInvoke
    public Object readThrough(InvocationContext call) throws Exception {
        CacheRegion region = regionOf(call);
        Lookup lookup = caches.lookup(region, CacheKeys.readKey(region, call));
        if (lookup.outcome() == Lookup.Outcome.HIT) {
            try {
                Object value = codec.read(lookup.value(), call.getMethod().getGenericReturnType());
                metrics.hit(region);
                return value;
            } catch (RuntimeException unreadable) {
                // An entry this version cannot read (written by an older one): load it again and overwrite it.
                LOG.log(Level.FINE, "Unreadable cache entry " + lookup.key() + " in " + region, unreadable);
            }
        }
        if (lookup.outcome() != Lookup.Outcome.UNAVAILABLE) {
            metrics.miss(region);
        }
        Object result = call.proceed();
        if (result != null && lookup.outcome() != Lookup.Outcome.UNAVAILABLE) {
            caches.store(region, lookup.key(), codec.write(result));
        }
        return result;
    }

    private static CacheRegion regionOf(InvocationContext call) {
        CachedIn binding = call.getMethod().getAnnotation(CachedIn.class);
        return binding != null
                ? binding.value()
                : call.getMethod()
                        .getDeclaringClass()
                        .getAnnotation(CachedIn.class)
                        .value();
    }
}
