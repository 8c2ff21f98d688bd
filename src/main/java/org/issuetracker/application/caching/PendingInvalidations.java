package org.issuetracker.application.caching;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Invalidations that could not reach the cache (it was down), replayed before the cache is used again, so that no
 * entry written before an outage is served after it. Past {@link #MAX_KEYS} keys in a region the whole region is
 * cleared instead.
 */
final class PendingInvalidations {

    static final int MAX_KEYS = 10_000;

    /** What to do to the cache once it is back. */
    interface Target {
        void newGeneration(CacheRegion region);

        void evict(CacheRegion region, String key);

        void clear(CacheRegion region);
    }

    private final Set<CacheRegion> newGenerations = EnumSet.noneOf(CacheRegion.class);
    private final Map<CacheRegion, Set<String>> evictions = new EnumMap<>(CacheRegion.class);
    private final Set<CacheRegion> clears = EnumSet.noneOf(CacheRegion.class);
    private volatile boolean empty = true;

    /** Records one invalidation: a new generation (query region), an eviction or, with no key, a clear. */
    synchronized void add(CacheRegion region, String entityKey) {
        empty = false;
        if (region.kind() == CacheRegion.Kind.QUERY) {
            newGenerations.add(region);
        } else if (entityKey == null) {
            evictions.remove(region);
            clears.add(region);
        } else if (!clears.contains(region)) {
            Set<String> keys = evictions.computeIfAbsent(region, r -> new HashSet<>());
            keys.add(entityKey);
            if (keys.size() > MAX_KEYS) {
                evictions.remove(region);
                clears.add(region);
            }
        }
    }

    boolean isEmpty() {
        return empty;
    }

    /** Applies every pending invalidation; what fails stays pending (the exception propagates). */
    synchronized void replay(Target target) {
        for (var it = clears.iterator(); it.hasNext(); ) {
            target.clear(it.next());
            it.remove();
        }
        for (var it = newGenerations.iterator(); it.hasNext(); ) {
            target.newGeneration(it.next());
            it.remove();
        }
        for (var regions = evictions.entrySet().iterator(); regions.hasNext(); ) {
            var entry = regions.next();
            for (var keys = entry.getValue().iterator(); keys.hasNext(); ) {
                target.evict(entry.getKey(), keys.next());
                keys.remove();
            }
            regions.remove();
        }
        empty = true;
    }
}
