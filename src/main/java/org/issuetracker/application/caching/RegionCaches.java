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
import java.util.List;
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

    @Inject
    StampStore stamps;

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
            public void newGeneration(CacheRegion region, String aspect) {
                if (aspect == null) {
                    startNewGeneration(region.regionName());
                    renewStamp(region, Stamps.ofRegion(region));
                } else {
                    startNewGeneration(aspectName(region, aspect));
                    renewStamp(region, Stamps.ofAspect(region, aspect));
                }
            }

            @Override
            public void evict(CacheRegion region, String key) {
                cache(region).put(key, INVALIDATED + newToken());
                renewStamp(region, Stamps.ofEntity(region, key));
            }

            @Override
            public void clear(CacheRegion region) {
                cache(region).clear();
                renewStamp(region, Stamps.ofRegion(region));
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
        return lookup(region, rawKey, null, true);
    }

    /**
     * The same, a second time within one read ({@code firstLook} false): an entry that does not verify was counted
     * as rejected the first time.
     */
    Lookup lookup(CacheRegion region, String rawKey, String aspect, boolean firstLook) {
        if (!settings.enabled() || !seal.ready()) {
            return Lookup.unavailable();
        }
        return attempt(region, () -> {
                    String key = region.kind() == CacheRegion.Kind.QUERY
                            ? generation(region.regionName())
                                    + (aspect == null ? "" : "." + generation(aspectName(region, aspect)))
                                    + "|" + rawKey
                            : rawKey;
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

    /**
     * Looks up many keys of an entity region in one round trip; the lookups are in the order of {@code keys}, all
     * unavailable when the cache cannot be reached.
     */
    List<Lookup> lookupAll(CacheRegion region, List<String> keys) {
        if (region.kind() != CacheRegion.Kind.ENTITY) {
            throw new IllegalArgumentException(region + " is a query region");
        }
        if (!settings.enabled() || !seal.ready()) {
            return keys.stream().map(key -> Lookup.unavailable()).toList();
        }
        return attempt(region, () -> {
                    Map<String, String> found = cache(region).getAll(new java.util.HashSet<>(keys));
                    return keys.stream()
                            .map(key -> {
                                String stored = found.get(key);
                                if (stored == null || stored.startsWith(INVALIDATED)) {
                                    return Lookup.miss(key, stored);
                                }
                                return seal.open(region.cacheName(), key, stored, maxAge(region))
                                        .map(value -> Lookup.hit(key, value))
                                        .orElseGet(() -> {
                                            metrics.rejected(region);
                                            return Lookup.miss(key, stored);
                                        });
                            })
                            .toList();
                })
                .orElseGet(() -> keys.stream().map(key -> Lookup.unavailable()).toList());
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
        invalidate(invalidation.region(), invalidation.entityKey(), invalidation.aspect());
    }

    /**
     * Makes what a write changed unreachable: in a query region, every entry (new generation); in an entity region,
     * the entity's entry, or every entry when no key is given. Kept for later if the cache cannot be reached.
     */
    void invalidate(CacheRegion region, String entityKey) {
        invalidate(region, entityKey, null);
    }

    /** The same; in a query region with an {@code aspect}, only the entries that depend on it. */
    void invalidate(CacheRegion region, String entityKey, String aspect) {
        boolean done = attempt(region, () -> {
                    // the data first, then its stamp: whoever reads the new stamp finds the new data
                    if (region.kind() == CacheRegion.Kind.QUERY) {
                        replayTarget.newGeneration(region, aspect);
                    } else if (entityKey == null) {
                        replayTarget.clear(region);
                    } else {
                        // a marker, not a removal: see storeLoaded (it expires with the region's TTL)
                        replayTarget.evict(region, entityKey);
                    }
                    return region;
                })
                .isPresent();
        if (done) {
            metrics.invalidation(region);
        } else {
            pending.add(region, region.kind() == CacheRegion.Kind.QUERY ? aspect : entityKey);
        }
    }

    /**
     * The current values of these stamps, in one round trip; empty when the cache is off or cannot be reached (then
     * nothing built from it may be used).
     */
    Optional<List<String>> readStamps(CacheRegion onBehalfOf, List<String> keys) {
        if (!settings.enabled() || !seal.ready()) {
            return Optional.empty();
        }
        return attempt(STAMPS, onBehalfOf, () -> stamps.read(keys));
    }

    /**
     * The same, creating the stamps that do not exist yet (the values are then never null): read before the data
     * they stand for, so that a write after this read changes a stamp that was recorded.
     */
    Optional<List<String>> readOrCreateStamps(CacheRegion onBehalfOf, List<String> keys) {
        if (!settings.enabled() || !seal.ready()) {
            return Optional.empty();
        }
        return attempt(STAMPS, onBehalfOf, () -> stamps.readOrCreate(keys, RegionCaches::newToken, stampTtl()));
    }

    /**
     * Reads and records the stamps of what is about to be read, before it is read, for the representation being
     * built ({@link StampRecording}); a stamp that cannot be read spoils the recording.
     */
    void recordStamps(StampRecording recording, CacheRegion region, String rawKey, String aspect) {
        recordStampKeys(recording, region, Stamps.of(region, rawKey, aspect));
    }

    /** The same for several entities of an entity region, in one round trip. */
    void recordStamps(StampRecording recording, CacheRegion region, List<String> rawKeys) {
        java.util.Set<String> stampKeys = new java.util.LinkedHashSet<>();
        rawKeys.forEach(key -> stampKeys.addAll(Stamps.of(region, key, null)));
        recordStampKeys(recording, region, List.copyOf(stampKeys));
    }

    private void recordStampKeys(StampRecording recording, CacheRegion region, List<String> stampKeys) {
        List<String> missing = recording.toRead(stampKeys);
        if (missing.isEmpty()) {
            recording.record(missing, missing, settings.ttl(region));
            return;
        }
        readOrCreateStamps(region, missing)
                .ifPresentOrElse(values -> recording.record(missing, values, settings.ttl(region)), recording::spoil);
    }

    /**
     * How long a stamp nobody writes lives: twice the longest TTL, longer than anything built from it may be kept
     * (an expired stamp only costs a rebuild).
     */
    private Duration stampTtl() {
        Duration longest = Duration.ZERO;
        for (CacheRegion region : CacheRegion.values()) {
            Duration ttl = settings.ttl(region);
            if (ttl.compareTo(longest) > 0) {
                longest = ttl;
            }
        }
        return longest.multipliedBy(2);
    }

    private void renewStamp(CacheRegion region, String key) {
        stamps.renew(key, newToken(), stampTtl());
    }

    /** The name under which stamp calls are traced (their failures count for the region they were made for). */
    private static final String STAMPS = "stamps";

    private <T> Optional<T> attempt(CacheRegion region, Supplier<T> operation) {
        return attempt(region.regionName(), region, operation);
    }

    private <T> Optional<T> attempt(String what, CacheRegion region, Supplier<T> operation) {
        if (!breaker.allowsCalls()) {
            metrics.error(region);
            return Optional.empty();
        }
        long start = System.nanoTime();
        Span span = tracing.start("redis " + what, SpanKind.CLIENT);
        span.setAttribute("db.system", "redis");
        span.setAttribute("cache.region", what);
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

    /** The generation of a query region ({@code issue-queries}) or of one aspect of it ({@code issue-queries#votes}). */
    private String generation(String name) {
        Cache<String, String> generations = generations();
        String current = generations.get(name);
        if (current != null) {
            return current;
        }
        String fresh = newToken();
        return generations.putIfAbsent(name, fresh) ? fresh : generations.get(name);
    }

    private static String aspectName(CacheRegion region, String aspect) {
        return region.regionName() + "#" + aspect;
    }

    private void startNewGeneration(String name) {
        generations().put(name, newToken());
    }

    /** Unique across instances and restarts: a token is never reused, so an old entry can never match again. */
    private static String newToken() {
        return Long.toString(System.currentTimeMillis(), 36)
                + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }
}
