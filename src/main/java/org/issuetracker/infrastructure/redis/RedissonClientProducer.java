package org.issuetracker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.MasterSlaveServersConfig;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SslVerificationMode;

/**
 * The one Redisson client of the application. It connects lazily, so that the application starts (and serves from
 * MongoDB) while Redis is down, and reconnects by itself when Redis is back.
 */
@ApplicationScoped
public class RedissonClientProducer {

    @Inject
    RedisSettings settings;

    /**
     * {@code @Singleton}, not {@code @ApplicationScoped}: Redisson's JCache configuration casts the client to its
     * implementation class, which a CDI client proxy is not.
     */
    @Produces
    @Singleton
    RedissonClient redisson() {
        return Redisson.create(configuration(settings));
    }

    /** The Redisson configuration for the configured topology (see {@link RedisSettings}). */
    public static Config configuration(RedisSettings settings) {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.setCodec(StringCodec.INSTANCE); // cache values are JSON text (see CacheCodec)
        config.setNettyThreads(settings.nettyThreads());
        switch (settings.mode()) {
            case SINGLE ->
                common(
                        config.useSingleServer()
                                .setAddress(settings.address())
                                .setConnectionMinimumIdleSize(2)
                                .setConnectionPoolSize(16),
                        settings);
            case REPLICATED -> {
                MasterSlaveServersConfig replicated = config.useMasterSlaveServers()
                        .setMasterAddress(settings.addresses().get(0));
                settings.addresses().stream().skip(1).forEach(replicated::addSlaveAddress);
                common(primaryAndReplicas(replicated, settings), settings);
            }
            case SENTINEL -> {
                SentinelServersConfig sentinel = config.useSentinelServers()
                        .setMasterName(settings.sentinelMaster().orElseThrow())
                        // the sentinels' list as configured: they may announce addresses this client cannot reach
                        .setCheckSentinelsList(false);
                settings.addresses().forEach(sentinel::addSentinelAddress);
                // the shipped sentinels know the same ACL user as the servers (docker/sentinel-entrypoint.sh); without
                // a user name Redisson would authenticate to them as the default user, which is off there
                settings.username().ifPresent(sentinel::setSentinelUsername);
                common(primaryAndReplicas(sentinel, settings), settings);
            }
            case CLUSTER -> {
                ClusterServersConfig cluster = config.useClusterServers();
                settings.addresses().forEach(cluster::addNodeAddress);
                common(primaryAndReplicas(cluster, settings), settings);
            }
        }
        return config;
    }

    private static <T extends BaseMasterSlaveServersConfig<T>> T primaryAndReplicas(T servers, RedisSettings settings) {
        return servers.setReadMode(
                        switch (settings.readFrom()) {
                            case PRIMARY -> ReadMode.MASTER;
                            case REPLICA -> ReadMode.SLAVE;
                            case PRIMARY_AND_REPLICAS -> ReadMode.MASTER_SLAVE;
                        })
                .setMasterConnectionMinimumIdleSize(2)
                .setMasterConnectionPoolSize(16)
                .setSlaveConnectionMinimumIdleSize(2)
                .setSlaveConnectionPoolSize(16);
    }

    /** What every topology shares: short timeouts, no retries (by default), credentials, TLS trust. */
    private static <T extends BaseConfig<T>> void common(T servers, RedisSettings settings) {
        servers.setClientName("issuetracker")
                .setTimeout((int) settings.timeout().toMillis())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setRetryAttempts(settings.retryAttempts())
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(100)));
        settings.username().ifPresent(servers::setUsername);
        settings.password().ifPresent(servers::setPassword);
        settings.truststore().ifPresent(file -> {
            try {
                servers.setSslTruststore(Path.of(file).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("redis.tls.truststore is not a file path: " + file, e);
            }
            settings.truststorePassword().ifPresent(servers::setSslTruststorePassword);
        });
        servers.setSslVerificationMode(
                settings.verifyHostname() ? SslVerificationMode.STRICT : SslVerificationMode.CA_ONLY);
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
    }
}
