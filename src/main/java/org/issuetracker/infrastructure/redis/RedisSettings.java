package org.issuetracker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;

/**
 * Where Redis is and how long to wait for it ({@code redis.*} properties). The timeouts are short on purpose:
 * Redis is only a cache, and a request must not wait long for a cache that is gone.
 */
@ApplicationScoped
public class RedisSettings {

    private String address;
    private Optional<String> username;
    private Optional<String> password;
    private Duration timeout;
    private Duration connectTimeout;
    private int retryAttempts;
    private int nettyThreads;

    @Inject
    public RedisSettings(Config config) {
        ConfigValues values = new ConfigValues(config);
        address = values.uri("redis.address", "redis", "rediss").toString();
        username = values.optionalString("redis.username");
        password = values.optionalString("redis.password");
        timeout = values.duration("redis.timeout");
        connectTimeout = values.duration("redis.connect-timeout");
        retryAttempts = values.integer("redis.retry-attempts", 0, 10);
        nettyThreads = values.integer("redis.netty-threads", 1, 64);
        values.validate();
    }

    /**
     * Creates the bean, so reads and checks the values, while the application starts: a malformed value stops the
     * deployment, and the values are read with the application's class loader (Payara runs health checks under its
     * default web module, where the application's microprofile-config.properties is not visible).
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        address.hashCode();
    }

    /** CDI needs a no-argument constructor for the client proxy. */
    protected RedisSettings() {}

    public String address() {
        return address;
    }

    public Optional<String> username() {
        return username;
    }

    public Optional<String> password() {
        return password;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public int retryAttempts() {
        return retryAttempts;
    }

    public int nettyThreads() {
        return nettyThreads;
    }
}
