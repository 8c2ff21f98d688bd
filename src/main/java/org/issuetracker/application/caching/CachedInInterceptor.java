package org.issuetracker.application.caching;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
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

    @Inject
    SingleFlight singleFlight;

    @Inject
    RequestMemo memo;

    @AroundInvoke
    public Object readThrough(InvocationContext call) throws Exception {
        CacheRegion region = regionOf(call);
        String rawKey = CacheKeys.readKey(region, call);
        RequestMemo memo = activeMemo();
        if (memo != null && memo.recording() != null) {
            caches.recordStamps(memo.recording(), region, rawKey, aspectOf(call));
        }
        String memoKey = RequestMemo.key(region, call.getMethod().getName(), rawKey);
        if (memo != null) {
            Object known = memo.get(memoKey);
            if (known != null) {
                return known; // not counted: the region's hit ratio is Redis' (it is what the TTL advice is about)
            }
        }
        Object value = read(call, region, rawKey);
        if (memo != null && value != null && caches.enabled()) {
            memo.put(memoKey, value);
        }
        return value;
    }

    private Object read(InvocationContext call, CacheRegion region, String rawKey) throws Exception {
        String aspect = aspectOf(call);
        Lookup lookup = caches.lookup(region, rawKey, aspect, true);
        if (lookup.outcome() == Lookup.Outcome.HIT) {
            try {
                Object value = codec.read(lookup.value(), call.getMethod().getGenericReturnType());
                metrics.hit(region);
                return value;
            } catch (RuntimeException unreadable) {
                // An entry this version cannot read (written by an older one): load it again and replace it.
                LOG.log(Level.FINE, "Unreadable cache entry " + lookup.key() + " in " + region, unreadable);
                lookup = Lookup.miss(lookup.key(), lookup.value());
            }
        }
        if (lookup.outcome() == Lookup.Outcome.UNAVAILABLE) {
            return call.proceed();
        }
        metrics.miss(region);
        // many misses on one key at once: one loads and stores, the others wait for it
        // Only requests that found the same thing share a load: one that saw a write's invalidation marker must not
        // be handed a value loaded before that write.
        Lookup missed = lookup;
        String flight = region.regionName() + "|" + lookup.key() + "|" + lookup.found();
        return singleFlight.load(region, flight, () -> {
            // a request that missed just before another's load was stored finds it now instead of loading again
            Lookup again = caches.lookup(region, rawKey, aspect, false);
            if (again.outcome() == Lookup.Outcome.HIT) {
                try {
                    return codec.read(again.value(), call.getMethod().getGenericReturnType());
                } catch (RuntimeException unreadable) {
                    LOG.log(Level.FINE, "Unreadable cache entry " + again.key() + " in " + region, unreadable);
                }
            }
            Object result = call.proceed();
            if (result != null) {
                caches.storeLoaded(
                        region, again.outcome() == Lookup.Outcome.MISS ? again : missed, codec.write(result));
            }
            return result;
        });
    }

    /** This request's memo, or null outside a request (start-up, background work). */
    private RequestMemo activeMemo() {
        try {
            memo.get(""); // touches the proxy: throws if no request is active
            return memo;
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }

    /** The aspect a query method's results also depend on ({@link CachedIn#aspect}), or null. */
    private static String aspectOf(InvocationContext call) {
        CachedIn binding = call.getMethod().getAnnotation(CachedIn.class);
        return binding == null || binding.aspect().isEmpty() ? null : binding.aspect();
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
