package org.issuetracker.infrastructure.redis;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.issuetracker.application.caching.RegionCacheFactory;
import org.redisson.api.RedissonClient;
import org.redisson.jcache.configuration.RedissonConfiguration;

/**
 * The regions' caches from Redisson's JCache provider, on the application's own Redisson client. The provider is
 * chosen by class name because Payara ships a second one (Hazelcast), and Redisson is handed the client rather
 * than a configuration file.
 */
@ApplicationScoped
public class RedissonRegionCacheFactory implements RegionCacheFactory {

    static final String PROVIDER = "org.redisson.jcache.JCachingProvider";

    @Inject
    RedissonClient redisson;

    private final Map<String, Cache<String, String>> caches = new ConcurrentHashMap<>();
    private volatile CacheManager manager;

    @Override
    public Cache<String, String> open(String name, Optional<Duration> ttl) {
        return caches.computeIfAbsent(name, n -> create(n, ttl));
    }

    private Cache<String, String> create(String name, Optional<Duration> ttl) {
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setExpiryPolicyFactory(ttl.map(d -> CreatedExpiryPolicy.factoryOf(
                                new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, d.toMillis())))
                        .orElseGet(EternalExpiryPolicy::factoryOf));
        CacheManager cacheManager = manager();
        Cache<String, String> existing = cacheManager.getCache(name, String.class, String.class);
        return existing != null
                ? existing
                : cacheManager.createCache(name, RedissonConfiguration.fromInstance(redisson, configuration));
    }

    private synchronized CacheManager manager() {
        if (manager == null) {
            ClassLoader loader = RedissonRegionCacheFactory.class.getClassLoader();
            CachingProvider provider = Caching.getCachingProvider(PROVIDER, loader);
            manager = provider.getCacheManager(provider.getDefaultURI(), loader);
        }
        return manager;
    }

    @PreDestroy
    void close() {
        if (manager != null) {
            manager.close();
        }
    }
}
