package org.issuetracker.application.caching;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.cache.Cache;
import org.issuetracker.application.Tracing;

/**
 * The regions' caches, used so that the cache can never fail a request: every operation goes through the
 * {@link CacheCircuitBreaker}, a failure is counted and answered as "no cache", and invalidations that could not
 * reach the cache are replayed before it is used again.
 *
 * <p>Query regions are invalidated by generation: their keys start with the region's current generation token
 * (kept in the cache itself, so every instance sees the same one), and a write stores a new token, which makes all
 * older entries unreachable at once; they expire with their TTL.
 *
 * <p>Every value is stored signed ({@link EntrySeal}); one whose signature does not hold for its key is a miss.
 */
@ApplicationScoped
public class RegionCaches {

    static final String GENERATIONS_CACHE = "issuetracker:generations";

    /** What an invalidated entity entry holds: never the start of a cached value (those are JSON). */
    static final String INVALIDATED = "\u0000invalidated:";

    @Inject
    RegionCacheFactory factory;

    @Inject
    CacheCircuitBreaker breaker;

    @Inject
    CacheMetrics metrics;

    @Inject
    CacheSettings settings;

    @Inject
    EntrySeal seal;

    /** Spans for the Redis calls (none when built by hand, as in tests). */
    @Inject
    Tracing tracing = Tracing.none();

    private final Map<CacheRegion, Cache<String, String>> caches = new ConcurrentHashMap<>();
    private final PendingInvalidations pending = new PendingInvalidations();
    private PendingInvalidations.Target replayTarget;

    @PostConstruct
    void init() {
        replayTarget = new PendingInvalidations.Target() {
            @Override
            public void newGeneration(CacheRegion region) {
                startNewGeneration(region);
            }

            @Override
            public void evict(CacheRegion region, String key) {
                cache(region).put(key, INVALIDATED + newToken());
            }

            @Override
            public void clear(CacheRegion region) {
                cache(region).clear();
            }
        };
    }

    /** Opens the caches while the application starts, so that the first user does not pay for connecting. */
    void openAtStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        for (CacheRegion region : CacheRegion.values()) {
            attempt(region, () -> cache(region));
        }
    }

    /** Whether the cache is on ({@code cache.enabled}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Looks a value up under the key made of {@code rawKey} (and, in a query region, the current generation). */
    Lookup lookup(CacheRegion region, String rawKey) {
        return lookup(region, rawKey, true);
    }

    /**
     * The same, a second time within one read ({@code firstLook} false): an entry that does not verify was counted
     * as rejected the first time.
     */
    Lookup lookup(CacheRegion region, String rawKey, boolean firstLook) {
        if (!settings.enabled() || !seal.ready()) {
            return Lookup.unavailable();
        }
        return attempt(region, () -> {
                    String key = region.kind() == CacheRegion.Kind.QUERY ? generation(region) + "|" + rawKey : rawKey;
                    String stored = cache(region).get(key);
                    if (stored == null || stored.startsWith(INVALIDATED)) {
                        return Lookup.miss(key, stored);
                    }
                    Optional<String> value = seal.open(region.cacheName(), key, stored, maxAge(region));
                    if (value.isEmpty()) {
                        if (firstLook) {
                            metrics.rejected(region);
                        }
                        return Lookup.miss(key, stored); // replaced by the value loaded now
                    }
                    return Lookup.hit(key, value.get());
                })
                .orElseGet(Lookup::unavailable);
    }

    /** How old a signed entry may be: the region's TTL (entries older than that are an attacker's replay). */
    private Duration maxAge(CacheRegion region) {
        return settings.ttl(region);
    }

    /**
     * Stores a value loaded after {@code lookup} missed, unless a write invalidated the entry meanwhile: a reader
     * that loaded the old value before a write and stores it after the write's invalidation must not bring the old
     * value back. Hence a conditional store (atomic in Redis): into an empty place only if it is still empty, over
     * an invalidation marker only if it is still the same marker.
     */
    void storeLoaded(CacheRegion region, Lookup lookup, String value) {
        if (!settings.enabled() || !seal.ready()) {
            return;
        }
        String sealed = seal.seal(region.cacheName(), lookup.key(), value);
        attempt(
                        region,
                        () -> lookup.found() == null
                                ? cache(region).putIfAbsent(lookup.key(), sealed)
                                : cache(region).replace(lookup.key(), lookup.found(), sealed))
                .filter(Boolean::booleanValue)
                .ifPresent(stored -> metrics.put(region));
    }

    /** Stores a value whatever is there (data that lives only in the cache, such as preferences). */
    void put(CacheRegion region, String key, String value) {
        if (!settings.enabled() || !seal.ready()) {
            return;
        }
        String sealed = seal.seal(region.cacheName(), key, value);
        attempt(region, () -> {
                    cache(region).put(key, sealed);
                    return key;
                })
                .ifPresent(stored -> metrics.put(region));
    }

    /** Before the application stops: invalidations Redis missed during an outage are not left behind if it is back. */
    @jakarta.annotation.PreDestroy
    void replayPendingBeforeStopping() {
        if (!pending.isEmpty()) {
            attempt(CacheRegion.ISSUES, () -> Boolean.TRUE); // replays them first, if the cache answers
        }
    }

    /** Applies what a successful write announced it made wrong (see {@link CacheInvalidation}). */
    void on(@Observes CacheInvalidation invalidation) {
        invalidate(invalidation.region(), invalidation.entityKey());
    }

    /**
     * Makes what a write changed unreachable: in a query region, every entry (new generation); in an entity region,
     * the entity's entry, or every entry when no key is given. Kept for later if the cache cannot be reached.
     */
    void invalidate(CacheRegion region, String entityKey) {
        boolean done = attempt(region, () -> {
                    if (region.kind() == CacheRegion.Kind.QUERY) {
                        startNewGeneration(region);
                    } else if (entityKey == null) {
                        cache(region).clear();
                    } else {
                        // a marker, not a removal: see storeLoaded (it expires with the region's TTL)
                        cache(region).put(entityKey, INVALIDATED + newToken());
                    }
                    return region;
                })
                .isPresent();
        if (done) {
            metrics.invalidation(region);
        } else {
            pending.add(region, entityKey);
        }
    }

    private <T> Optional<T> attempt(CacheRegion region, Supplier<T> operation) {
        if (!breaker.allowsCalls()) {
            metrics.error(region);
            return Optional.empty();
        }
        long start = System.nanoTime();
        Span span = tracing.start("redis " + region.regionName(), SpanKind.CLIENT);
        span.setAttribute("db.system", "redis");
        span.setAttribute("cache.region", region.regionName());
        try (Scope scope = span.makeCurrent()) {
            if (!pending.isEmpty()) {
                pending.replay(replayTarget);
            }
            T result = operation.get();
            breaker.recordSuccess();
            return Optional.of(result);
        } catch (RuntimeException e) {
            breaker.recordFailure(e);
            metrics.error(region);
            Tracing.failed(span, e);
            return Optional.empty();
        } catch (Error e) {
            breaker.recordFailure(new IllegalStateException(e));
            Tracing.failed(span, e);
            throw e;
        } finally {
            span.end();
            metrics.redisCommand(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Cache<String, String> cache(CacheRegion region) {
        return caches.computeIfAbsent(region, r -> factory.open(r.cacheName(), Optional.of(settings.ttl(r))));
    }

    private Cache<String, String> generations() {
        return factory.open(GENERATIONS_CACHE, Optional.empty());
    }

    private String generation(CacheRegion region) {
        Cache<String, String> generations = generations();
        String current = generations.get(region.regionName());
        if (current != null) {
            return current;
        }
        String fresh = newToken();
        return generations.putIfAbsent(region.regionName(), fresh) ? fresh : generations.get(region.regionName());
    }

    private void startNewGeneration(CacheRegion region) {
        generations().put(region.regionName(), newToken());
    }

    /** Unique across instances and restarts: a token is never reused, so an old entry can never match again. */
    private static String newToken() {
        return Long.toString(System.currentTimeMillis(), 36)
                + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }
}
