package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finished answers kept in this instance's memory, in front of the shared cache: what a request would build again
 * from several cached reads (an issue, its category and status, its author, its comments), kept whole, with the
 * stamps ({@link Stamps}) of everything it was built from. Using one costs a single Redis round trip that reads
 * those stamps: if they all still hold the values they had before the build, no write on any instance has touched
 * what the answer was built from, and it is served as it is; otherwise it is built again, through the cache as
 * before. Hence the same guarantee as the shared cache alone: a write on one instance is never followed by a stale
 * answer on another, and while Redis cannot be reached nothing kept here is used.
 *
 * <p>A representation may only be built from reads through the cache ({@link CachedIn} methods): a read straight
 * from MongoDB leaves no stamp behind, so a write to it would not be noticed. At most
 * {@code cache.representations.max-entries} are kept (then arbitrary ones are dropped), each no longer than the
 * shortest TTL of the regions it was built from.
 */
@ApplicationScoped
public class RepresentationCache {

    @Inject
    RegionCaches caches;

    @Inject
    RequestMemo memo;

    @Inject
    CacheSettings settings;

    @Inject
    CacheMetrics metrics;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Object value, List<String> stampKeys, List<String> stampValues, long expiresAt) {}

    /**
     * The representation kept under {@code key} (which must name everything the answer depends on besides the data:
     * the reader, for instance) if nothing it was built from has changed, else the one {@code build} makes now, which
     * is kept. {@code region} is what the stamp reads are counted against when Redis fails, and {@code kind} names
     * the representation in the metrics. The value must be immutable.
     */
    public <T> T get(String kind, String key, CacheRegion region, Supplier<T> build) {
        if (!caches.enabled() || !requestActive()) {
            return build.get();
        }
        Check<T> check = check(kind, key, region, true);
        if (check.value() != null) {
            return check.value();
        }
        if (!check.checkable()) {
            return build.get();
        }
        StampRecording recording = new StampRecording(check.known());
        T value;
        memo.startRecording(recording);
        try {
            value = build.get();
        } finally {
            memo.stopRecording();
        }
        if (recording.usable()) {
            store(
                    key,
                    new Entry(
                            value,
                            recording.keys(),
                            recording.values(),
                            System.nanoTime() + recording.maxAge().toNanos()));
        }
        return value;
    }

    /**
     * The representation kept under {@code key} if nothing it was built from has changed; nothing is built (a miss
     * is counted by the {@link #get} that follows).
     */
    public <T> Optional<T> find(String kind, String key, CacheRegion region) {
        if (!caches.enabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(this.<T>check(kind, key, region, false).value());
    }

    /**
     * What checking the kept representation found: it (still right), or the stamps as they are now (known to have
     * been read before a build that starts now); not checkable when Redis cannot be reached.
     */
    private record Check<T>(T value, Map<String, String> known, boolean checkable) {}

    @SuppressWarnings("unchecked")
    private <T> Check<T> check(String kind, String key, CacheRegion region, boolean countMiss) {
        Entry entry = entries.get(key);
        if (entry == null || System.nanoTime() - entry.expiresAt() >= 0) {
            if (countMiss) {
                metrics.representationMiss(kind);
            }
            return new Check<>(null, Map.of(), true);
        }
        Optional<List<String>> current = caches.readStamps(region, entry.stampKeys());
        if (current.isEmpty()) {
            return new Check<>(null, Map.of(), false); // Redis cannot tell whether it is still right
        }
        if (current.get().equals(entry.stampValues())) {
            metrics.representationHit(kind);
            return new Check<>((T) entry.value(), Map.of(), true);
        }
        if (countMiss) {
            metrics.representationMiss(kind);
        }
        Map<String, String> known = new HashMap<>();
        for (int i = 0; i < entry.stampKeys().size(); i++) {
            if (current.get().get(i) != null) {
                known.put(entry.stampKeys().get(i), current.get().get(i));
            }
        }
        return new Check<>(null, known, true);
    }

    private void store(String id, Entry entry) {
        int max = settings.representationsMaxEntries();
        if (max == 0) {
            return;
        }
        if (entries.size() >= max) {
            Iterator<String> oldest = entries.keySet().iterator();
            for (int dropped = 0; dropped < Math.max(1, max / 10) && oldest.hasNext(); dropped++) {
                oldest.next();
                oldest.remove();
            }
        }
        entries.put(id, entry);
    }

    /** How many are kept now (for the operations page). */
    public int size() {
        return entries.size();
    }

    private boolean requestActive() {
        try {
            memo.recording();
            return true;
        } catch (ContextNotActiveException noRequest) {
            return false;
        }
    }
}
