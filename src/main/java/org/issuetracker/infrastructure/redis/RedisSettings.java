package org.issuetracker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;

/**
 * Where Redis is, in which topology, and how long to wait for it ({@code redis.*} properties). The timeouts are
 * short on purpose: Redis is only a cache, and a request must not wait long for a cache that is gone.
 *
 * <p>The topology is configuration only ({@code redis.mode}): {@code single} ({@code redis.address}),
 * {@code replicated} (primary first, then replicas, in {@code redis.addresses}), {@code sentinel} (the sentinels in
 * {@code redis.addresses}, the primary's name in {@code redis.sentinel.master}) or {@code cluster} (seed nodes in
 * {@code redis.addresses}). {@code rediss://} addresses use TLS, trusting {@code redis.tls.truststore} (a PKCS12 or
 * JKS file) if given, else the JVM's trusted certificates.
 */
@ApplicationScoped
public class RedisSettings {

    /** How the application finds Redis. */
    public enum Mode {
        SINGLE,
        REPLICATED,
        SENTINEL,
        CLUSTER
    }

    /** Where reads go in the replicated, Sentinel and Cluster modes. */
    public enum ReadFrom {
        PRIMARY,
        REPLICA,
        PRIMARY_AND_REPLICAS
    }

    private Mode mode;
    private String address;
    private List<String> addresses;
    private Optional<String> sentinelMaster;
    private ReadFrom readFrom;
    private Optional<String> username;
    private Optional<String> password;
    private Optional<String> truststore;
    private Optional<String> truststorePassword;
    private boolean verifyHostname;
    private Duration timeout;
    private Duration connectTimeout;
    private int retryAttempts;
    private int nettyThreads;

    @Inject
    public RedisSettings(Config config) {
        ConfigValues values = new ConfigValues(config);
        mode = Mode.valueOf(values.oneOf("redis.mode", "single", "replicated", "sentinel", "cluster")
                .toUpperCase(java.util.Locale.ROOT));
        address = values.uri("redis.address", "redis", "rediss").toString();
        addresses = values.uris("redis.addresses", "redis", "rediss").stream()
                .map(URI::toString)
                .toList();
        sentinelMaster = values.optionalString("redis.sentinel.master");
        readFrom = ReadFrom.valueOf(values.oneOf("redis.read-from", "primary", "replica", "primary-and-replicas")
                .toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_'));
        username = values.optionalString("redis.username");
        password = values.optionalString("redis.password");
        truststore = values.optionalString("redis.tls.truststore");
        truststorePassword = values.optionalString("redis.tls.truststore-password");
        verifyHostname = !"false"
                .equalsIgnoreCase(
                        values.optionalString("redis.tls.verify-hostname").orElse("true"));
        timeout = values.duration("redis.timeout");
        connectTimeout = values.duration("redis.connect-timeout");
        retryAttempts = values.integer("redis.retry-attempts", 0, 10);
        nettyThreads = values.integer("redis.netty-threads", 1, 64);
        if (mode != Mode.SINGLE && addresses.isEmpty()) {
            values.problem("redis.addresses must list the nodes when redis.mode is "
                    + mode.name().toLowerCase());
        }
        if (mode == Mode.REPLICATED && addresses.size() < 2) {
            values.problem(
                    "redis.addresses must list the primary and at least one replica when redis.mode is replicated");
        }
        if (mode == Mode.SENTINEL && sentinelMaster.isEmpty()) {
            values.problem("redis.sentinel.master must name the primary when redis.mode is sentinel");
        }
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

    public Mode mode() {
        return mode;
    }

    public String address() {
        return address;
    }

    public List<String> addresses() {
        return addresses;
    }

    public Optional<String> sentinelMaster() {
        return sentinelMaster;
    }

    public ReadFrom readFrom() {
        return readFrom;
    }

    public Optional<String> username() {
        return username;
    }

    public Optional<String> password() {
        return password;
    }

    public Optional<String> truststore() {
        return truststore;
    }

    public Optional<String> truststorePassword() {
        return truststorePassword;
    }

    public boolean verifyHostname() {
        return verifyHostname;
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
