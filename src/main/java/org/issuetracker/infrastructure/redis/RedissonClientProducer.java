package org.issuetracker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.SingleServerConfig;

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
        Config config = new Config();
        config.setLazyInitialization(true);
        config.setCodec(StringCodec.INSTANCE); // cache values are JSON text (see CacheCodec)
        config.setNettyThreads(settings.nettyThreads());
        SingleServerConfig server = config.useSingleServer()
                .setAddress(settings.address())
                .setClientName("issuetracker")
                .setTimeout((int) settings.timeout().toMillis())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setRetryAttempts(settings.retryAttempts())
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(100)))
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16);
        settings.username().ifPresent(server::setUsername);
        settings.password().ifPresent(server::setPassword);
        return Redisson.create(config);
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
    }
}
