package org.issuetracker.application.caching;

import java.time.Duration;
import java.util.Optional;
import javax.cache.Cache;

/** Opens the JCache caches behind the regions. The cache technology (Redis, through Redisson) implements it. */
public interface RegionCacheFactory {

    /**
     * The cache of that name, created if needed, whose entries expire {@code ttl} after they were written (never
     * when empty).
     */
    Cache<String, String> open(String name, Optional<Duration> ttl);
}
