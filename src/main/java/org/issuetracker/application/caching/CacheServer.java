package org.issuetracker.application.caching;

import java.util.Optional;

/** What the cache's server says about itself: its memory, against its limit, and what it evicted to stay there. */
public interface CacheServer {

    /** The figures now, or empty when the server cannot be asked (down, or the circuit breaker is open). */
    Optional<Memory> memory();

    /**
     * Summed over the primaries (one, or a Cluster's shards). {@code maxMemory} 0 means no limit; {@code policy} is
     * what Redis does at the limit ({@code allkeys-lru} in the production configuration).
     */
    record Memory(long usedBytes, long maxBytes, String policy, long evictedKeys, long keys, int primaries) {

        /** Used / limit, or NaN without a limit. */
        public double usedRatio() {
            return maxBytes == 0 ? Double.NaN : (double) usedBytes / maxBytes;
        }
    }
}
