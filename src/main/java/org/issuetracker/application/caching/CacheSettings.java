package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;

/** The cache's configuration: a TTL per region and how long to leave an unreachable cache alone. */
@ApplicationScoped
public class CacheSettings {

    private final Map<CacheRegion, Duration> ttls = new EnumMap<>(CacheRegion.class);
    private Duration circuitOpenFor;
    private Duration loadWait;
    private boolean enabled;
    private int representationsMaxEntries;

    @Inject
    public CacheSettings(Config config) {
        ConfigValues values = new ConfigValues(config);
        for (CacheRegion region : CacheRegion.values()) {
            ttls.put(region, values.duration(region.ttlProperty()));
        }
        circuitOpenFor = values.duration("cache.circuit.open-for");
        loadWait = values.duration("cache.load-wait");
        enabled = "true".equals(values.oneOf("cache.enabled", "true", "false"));
        representationsMaxEntries = values.integer("cache.representations.max-entries", 0, 1_000_000);
        values.validate();
    }

    /** CDI needs a no-argument constructor for the client proxy. */
    protected CacheSettings() {}

    /**
     * Creates the bean, so reads and checks the values, while the application starts (see MongoSettings for why it
     * matters beyond failing fast).
     */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        ttls.size();
    }

    public Duration ttl(CacheRegion region) {
        return ttls.get(region);
    }

    public Duration circuitOpenFor() {
        return circuitOpenFor;
    }

    /** False: every read goes to MongoDB and Redis is not used (for measuring, or while Redis is rebuilt). */
    public boolean enabled() {
        return enabled;
    }

    /** How many finished answers an instance keeps in memory ({@link RepresentationCache}); 0 keeps none. */
    public int representationsMaxEntries() {
        return representationsMaxEntries;
    }

    /** How long a miss waits for the load of the same key already in flight (stampede protection). */
    public Duration loadWait() {
        return loadWait;
    }
}
