package org.issuetracker.application.caching;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What the cache does, per region ({@code cache} tag): hits, misses, puts, invalidations, errors, misses that waited
 * for another request's load (stampede protection), and the hit ratio since start; and how long Redis takes to
 * answer ({@code redis.command}, a timer in seconds). Everything is registered at start-up so that it is exported
 * (at 0) before the first request.
 */
@ApplicationScoped
public class CacheMetrics {

    private final Map<CacheRegion, Counter> hits = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> misses = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> puts = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> invalidations = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> errors = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> coalesced = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> rejected = new EnumMap<>(CacheRegion.class);
    private Timer redisCommands;

    @Inject
    MetricRegistry registry;

    /** Creates the bean, so registers the metrics, when the application starts (not inside a health check). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        hits.size();
    }

    @PostConstruct
    void register() {
        for (CacheRegion region : CacheRegion.values()) {
            Tag tag = new Tag("cache", region.regionName());
            hits.put(region, counter("cache.hits", "Reads answered from the cache", tag));
            misses.put(region, counter("cache.misses", "Reads the cache could not answer (then loaded)", tag));
            puts.put(region, counter("cache.puts", "Values written to the cache", tag));
            invalidations.put(
                    region,
                    counter(
                            "cache.invalidations",
                            "Evictions by writes: one entry (entity regions) or a new generation (query regions)",
                            tag));
            errors.put(
                    region,
                    counter("cache.errors", "Cache operations that failed or were skipped as unreachable", tag));
            coalesced.put(
                    region,
                    counter("cache.coalesced", "Misses that waited for another request's load of the same key", tag));
            rejected.put(
                    region,
                    counter(
                            "cache.rejected",
                            "Entries whose signature did not verify (not written by this deployment, or too old):"
                                    + " treated as misses",
                            tag));
            registry.gauge(
                    Metadata.builder()
                            .withName("cache.hit.ratio")
                            .withDescription("Hits / (hits + misses) since the application started (NaN before)")
                            .build(),
                    region,
                    this::hitRatio,
                    tag);
        }
        redisCommands = registry.timer(Metadata.builder()
                .withName("redis.command")
                .withDescription("How long Redis took to answer a cache operation (failures included)")
                .withUnit(MetricUnits.SECONDS)
                .build());
    }

    private Counter counter(String name, String description, Tag tag) {
        return registry.counter(
                Metadata.builder().withName(name).withDescription(description).build(), tag);
    }

    private final Map<String, Counter> representationHits = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Counter> representationMisses = new java.util.concurrent.ConcurrentHashMap<>();

    /** A finished answer served from this instance's memory after its stamps were checked. */
    public void representationHit(String kind) {
        representationHits
                .computeIfAbsent(
                        kind,
                        k -> counter(
                                "cache.representation.hits",
                                "Answers served from this instance's memory, their stamps unchanged in Redis",
                                new Tag("representation", k)))
                .inc();
    }

    /** An answer built again: none kept, too old, or one of its stamps had changed. */
    public void representationMiss(String kind) {
        representationMisses
                .computeIfAbsent(
                        kind,
                        k -> counter(
                                "cache.representation.misses",
                                "Answers built again (none kept, or something they were built from has changed)",
                                new Tag("representation", k)))
                .inc();
    }

    public void hit(CacheRegion region) {
        hits.get(region).inc();
    }

    public void miss(CacheRegion region) {
        misses.get(region).inc();
    }

    public void put(CacheRegion region) {
        puts.get(region).inc();
    }

    public void invalidation(CacheRegion region) {
        invalidations.get(region).inc();
    }

    public void error(CacheRegion region) {
        errors.get(region).inc();
    }

    public void coalesced(CacheRegion region) {
        coalesced.get(region).inc();
    }

    /** An entry whose signature did not verify ({@link EntrySeal}): someone else writes to Redis, or the key changed. */
    public void rejected(CacheRegion region) {
        rejected.get(region).inc();
    }

    public void redisCommand(Duration took) {
        redisCommands.update(took);
    }

    /** The counts of a region since start, for the TTL advisor. */
    public RegionCounts counts(CacheRegion region) {
        return new RegionCounts(
                hits.get(region).getCount(),
                misses.get(region).getCount(),
                puts.get(region).getCount(),
                invalidations.get(region).getCount(),
                errors.get(region).getCount());
    }

    private double hitRatio(CacheRegion region) {
        return counts(region).hitRatio();
    }

    /** A region's counters at one moment. */
    public record RegionCounts(long hits, long misses, long puts, long invalidations, long errors) {

        /** Hits / reads, or NaN before the first read. */
        public double hitRatio() {
            long reads = hits + misses;
            return reads == 0 ? Double.NaN : (double) hits / reads;
        }
    }
}
