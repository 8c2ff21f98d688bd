package org.issuetracker.application.caching;

import java.util.HashMap;
import java.util.Map;
import org.issuetracker.infrastructure.config.MapConfig;

/** Complete {@code cache.*} settings for tests that build the caching beans by hand. */
public final class TestCacheSettings {

    private TestCacheSettings() {}

    /** Every region at {@code ttl}, the breaker open for {@code openFor}; a mutable map, to change one value. */
    public static Map<String, String> values(String ttl, String openFor) {
        Map<String, String> values = new HashMap<>();
        for (CacheRegion region : CacheRegion.values()) {
            values.put(region.ttlProperty(), ttl);
        }
        values.put("cache.circuit.open-for", openFor);
        values.put("cache.load-wait", "PT10S");
        values.put("cache.enabled", "true");
        values.put("cache.representations.max-entries", "1000");
        return values;
    }

    public static CacheSettings of(String ttl, String openFor) {
        return new CacheSettings(new MapConfig(values(ttl, openFor)));
    }
}
