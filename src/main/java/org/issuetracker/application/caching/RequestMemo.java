package org.issuetracker.application.caching;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.util.HashMap;
import java.util.Map;

/**
 * What this request has already read through the cache, so that it asks Redis once per key: a list page of twenty
 * issues names the same categories, statuses and authors again and again. A write's invalidation forgets the region
 * at once, so a request still reads its own writes. Only requests have one: elsewhere every read goes to Redis.
 */
@RequestScoped
public class RequestMemo {

    private final Map<String, Object> values = new HashMap<>();
    private StampRecording recording;

    public Object get(String key) {
        return values.get(key);
    }

    public void put(String key, Object value) {
        values.put(key, value);
    }

    /**
     * From now on, every read through the cache records its stamps first ({@link RepresentationCache}). What was
     * read before is forgotten: its stamps were not read before it.
     */
    void startRecording(StampRecording recording) {
        values.clear();
        this.recording = recording;
    }

    void stopRecording() {
        recording = null;
    }

    /** The recording under way, or null. */
    StampRecording recording() {
        return recording;
    }

    /** Notified only when this request has a memo already (nothing to forget otherwise). */
    void forget(@Observes(notifyObserver = Reception.IF_EXISTS) CacheInvalidation invalidation) {
        String prefix = invalidation.region().regionName() + "|";
        values.keySet().removeIf(key -> key.startsWith(prefix));
    }

    static String key(CacheRegion region, String method, String rawKey) {
        return region.regionName() + "|" + method + "|" + rawKey;
    }
}
