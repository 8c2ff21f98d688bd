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
        /** A new generation of the query region, or only of that aspect of it (null: the whole region). */
        void newGeneration(CacheRegion region, String aspect);

        void evict(CacheRegion region, String key);

        void clear(CacheRegion region);
    }

    /** Per query region, the aspects to renew; the empty string stands for the whole region. */
    private final Map<CacheRegion, Set<String>> newGenerations = new EnumMap<>(CacheRegion.class);

    private final Map<CacheRegion, Set<String>> evictions = new EnumMap<>(CacheRegion.class);
    private final Set<CacheRegion> clears = EnumSet.noneOf(CacheRegion.class);
    private volatile boolean empty = true;

    /**
     * Records one invalidation: a new generation (query region; {@code key} is then the aspect, or null for the
     * whole region), an eviction or, with no key, a clear.
     */
    synchronized void add(CacheRegion region, String entityKey) {
        empty = false;
        if (region.kind() == CacheRegion.Kind.QUERY) {
            newGenerations.computeIfAbsent(region, r -> new HashSet<>()).add(entityKey == null ? "" : entityKey);
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
        for (var regions = newGenerations.entrySet().iterator(); regions.hasNext(); ) {
            var entry = regions.next();
            for (var aspects = entry.getValue().iterator(); aspects.hasNext(); ) {
                String aspect = aspects.next();
                target.newGeneration(entry.getKey(), aspect.isEmpty() ? null : aspect);
                aspects.remove();
            }
            regions.remove();
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
