package org.issuetracker.application.caching;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts what the cache does, per region ({@code cache} tag): hits, misses and errors reaching the cache. All
 * counters are registered at start-up so that they are exported (at 0) before the first request.
 */
@ApplicationScoped
public class CacheMetrics {

    private final Map<CacheRegion, Counter> hits = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> misses = new EnumMap<>(CacheRegion.class);
    private final Map<CacheRegion, Counter> errors = new EnumMap<>(CacheRegion.class);

    @Inject
    MetricRegistry registry;

    /** Creates the bean, so registers the counters, when the application starts (not inside a health check). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        hits.size();
    }

    @PostConstruct
    void register() {
        for (CacheRegion region : CacheRegion.values()) {
            Tag tag = new Tag("cache", region.regionName());
            hits.put(region, registry.counter(metadata("cache.hits", "Reads answered from the cache"), tag));
            misses.put(region, registry.counter(metadata("cache.misses", "Reads the cache could not answer"), tag));
            errors.put(
                    region,
                    registry.counter(
                            metadata("cache.errors", "Cache operations that failed or were skipped as unreachable"),
                            tag));
        }
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    public void hit(CacheRegion region) {
        hits.get(region).inc();
    }

    public void miss(CacheRegion region) {
        misses.get(region).inc();
    }

    public void error(CacheRegion region) {
        errors.get(region).inc();
    }
}
