package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Data that lives only in the cache's {@link CacheRegion#SESSIONS} region (no database behind it), such as a user's
 * preferences. Like every region it can fail: then {@link #find} finds nothing and {@link #put} is dropped, and
 * callers fall back to defaults.
 */
@ApplicationScoped
public class SessionData {

    @Inject
    RegionCaches caches;

    @Inject
    CacheCodec codec;

    @Inject
    CacheMetrics metrics;

    public <T> Optional<T> find(String key, Class<T> type) {
        Lookup lookup = caches.lookup(CacheRegion.SESSIONS, key);
        return switch (lookup.outcome()) {
            case HIT -> {
                try {
                    Optional<T> value = Optional.of(type.cast(codec.read(lookup.value(), type)));
                    metrics.hit(CacheRegion.SESSIONS);
                    yield value;
                } catch (RuntimeException unreadable) { // written by another version: as good as absent
                    metrics.miss(CacheRegion.SESSIONS);
                    yield Optional.empty();
                }
            }
            case MISS -> {
                metrics.miss(CacheRegion.SESSIONS);
                yield Optional.empty();
            }
            case UNAVAILABLE -> Optional.empty();
        };
    }

    public void put(String key, Object value) {
        caches.put(CacheRegion.SESSIONS, key, codec.write(value));
    }
}
