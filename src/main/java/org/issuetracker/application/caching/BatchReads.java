package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads many entities of an entity region at once, for the rows of a page: one Redis round trip for all of them
 * (rather than one {@link CachedIn} read each), then one load for those the cache did not have, which are stored as
 * {@link CachedIn} stores them (never over a newer write's invalidation).
 */
@ApplicationScoped
public class BatchReads {

    @Inject
    RegionCaches caches;

    @Inject
    CacheCodec codec;

    @Inject
    CacheMetrics metrics;

    @Inject
    RequestMemo memo;

    /**
     * The entities of {@code keys}, in that order, leaving out those {@code load} does not find; {@code load} is
     * given the keys the cache could not answer and returns what it found by key.
     */
    public <T> List<T> readAll(
            CacheRegion region, List<String> keys, Type type, Function<List<String>, Map<String, T>> load) {
        StampRecording recording = recording();
        if (recording != null) {
            caches.recordStamps(recording, region, keys);
        }
        List<Lookup> lookups = new ArrayList<>(caches.lookupAll(region, keys));
        List<Object> values = new ArrayList<>(keys.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Lookup lookup = lookups.get(i);
            Object value = null;
            if (lookup.outcome() == Lookup.Outcome.HIT) {
                try {
                    value = codec.read(lookup.value(), type);
                    metrics.hit(region);
                } catch (RuntimeException unreadable) {
                    lookups.set(i, Lookup.miss(lookup.key(), lookup.value())); // written by an older version
                }
            }
            if (value == null) {
                missing.add(i);
            }
            values.add(value);
        }
        if (!missing.isEmpty()) {
            Map<String, T> loaded = load.apply(missing.stream().map(keys::get).toList());
            for (int i : missing) {
                T value = loaded.get(keys.get(i));
                values.set(i, value);
                Lookup lookup = lookups.get(i);
                if (lookup.outcome() != Lookup.Outcome.UNAVAILABLE) {
                    metrics.miss(region);
                    if (value != null) {
                        caches.storeLoaded(region, lookup, codec.write(value));
                    }
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<T> found =
                (List<T>) values.stream().filter(java.util.Objects::nonNull).toList();
        return found;
    }

    private StampRecording recording() {
        try {
            return memo.recording();
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }
}
