package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;

/** How long each health check may wait for its dependency ({@code health.*} properties). */
@ApplicationScoped
public class HealthSettings {

    private Duration mongoTimeout;
    private Duration redisTimeout;
    private Duration monitorInterval;

    @Inject
    public HealthSettings(Config config) {
        ConfigValues values = new ConfigValues(config);
        mongoTimeout = values.duration("health.mongodb.timeout");
        redisTimeout = values.duration("health.redis.timeout");
        monitorInterval = values.duration("health.monitor.interval");
        values.validate();
    }

    /**
     * Creates the bean, so reads and checks the values, while the application starts: a malformed value stops the
     * deployment, and the values are read with the application's class loader (Payara runs health checks under its
     * default web module, where the application's microprofile-config.properties is not visible).
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        mongoTimeout.hashCode();
    }

    /** CDI needs a no-argument constructor for the client proxy. */
    protected HealthSettings() {}

    public Duration mongoTimeout() {
        return mongoTimeout;
    }

    public Duration redisTimeout() {
        return redisTimeout;
    }

    public Duration monitorInterval() {
        return monitorInterval;
    }
}
