package org.issuetracker.application.caching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stamps seen while one representation was built, each read before the data it stands for ({@link
 * CachedInInterceptor} reads it first). Stamps read just before the build, while the previous representation was
 * checked, count as read before it too ({@link #known}); they are recorded only if the build uses them.
 */
final class StampRecording {

    private final Map<String, String> known;
    private final Map<String, String> recorded = new LinkedHashMap<>();
    private Duration maxAge;
    private boolean spoiled;

    StampRecording(Map<String, String> known) {
        this.known = known;
    }

    /** The stamps among {@code keys} that are neither recorded nor known: they must be read now. */
    List<String> toRead(List<String> keys) {
        List<String> missing = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (recorded.containsKey(key)) {
                continue;
            }
            String value = known.get(key);
            if (value != null) {
                recorded.put(key, value);
            } else {
                missing.add(key);
            }
        }
        return missing;
    }

    /** What a read in a region with that TTL depends on: the representation is kept no longer than the TTL. */
    void record(List<String> keys, List<String> values, Duration ttl) {
        for (int i = 0; i < keys.size(); i++) {
            recorded.put(keys.get(i), values.get(i));
        }
        if (maxAge == null || ttl.compareTo(maxAge) < 0) {
            maxAge = ttl;
        }
    }

    /** A read went past the cache: what is being built cannot be checked later, so it is not kept. */
    void spoil() {
        spoiled = true;
    }

    boolean usable() {
        return !spoiled && !recorded.isEmpty() && maxAge != null;
    }

    List<String> keys() {
        return List.copyOf(recorded.keySet());
    }

    List<String> values() {
        return List.copyOf(recorded.values());
    }

    Duration maxAge() {
        return maxAge;
    }
}
