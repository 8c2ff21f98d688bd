package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.issuetracker.infrastructure.redis.RedissonRegionCacheFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The read-through race, played step by step against a real Redis: a reader misses and loads the old value from
 * MongoDB, a writer changes it and invalidates the entry, then the reader stores what it loaded. The old value must
 * not come back (it would be served until the TTL runs out); the next reader's load is stored.
 */
class RegionCachesRaceIT {

    private RedissonClient redisson;
    private RegionCaches caches;

    @BeforeEach
    void caches() throws ReflectiveOperationException {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + Integer.getInteger("it.redis.port"));
        redisson = Redisson.create(config);
        RedissonRegionCacheFactory factory = new RedissonRegionCacheFactory();
        var field = RedissonRegionCacheFactory.class.getDeclaredField("redisson");
        field.setAccessible(true);
        field.set(factory, redisson);
        CacheSettings settings = TestCacheSettings.of("PT5M", "PT1S");
        caches = new RegionCaches();
        caches.factory = factory;
        caches.settings = settings;
        caches.breaker = new CacheCircuitBreaker(settings);
        caches.seal = new EntrySeal(new byte[32]);
        caches.metrics = new CacheMetrics() {
            @Override
            public void put(CacheRegion region) {}

            @Override
            public void invalidation(CacheRegion region) {}

            @Override
            public void error(CacheRegion region) {}

            @Override
            public void redisCommand(Duration took) {}
        };
        caches.init();
    }

    @AfterEach
    void close() {
        javax.cache.Caching.getCachingProvider("org.redisson.jcache.JCachingProvider")
                .close();
        redisson.shutdown();
    }

    @Test
    void aValueLoadedBeforeAWriteIsNotStoredAfterTheWritesInvalidation() {
        String key = "race-" + System.nanoTime();
        Lookup reader = caches.lookup(CacheRegion.ISSUES, key);
        assertThat(reader.outcome()).isEqualTo(Lookup.Outcome.MISS);

        caches.invalidate(CacheRegion.ISSUES, key); // the writer, between the reader's load and its store
        caches.storeLoaded(CacheRegion.ISSUES, reader, "{\"title\":\"old\"}");

        Lookup next = caches.lookup(CacheRegion.ISSUES, key);
        assertThat(next.outcome()).as("the old value did not come back").isEqualTo(Lookup.Outcome.MISS);
        caches.storeLoaded(CacheRegion.ISSUES, next, "{\"title\":\"new\"}");
        assertThat(caches.lookup(CacheRegion.ISSUES, key).value()).isEqualTo("{\"title\":\"new\"}");
    }

    @Test
    void aSecondWriteDuringTheLoadAlsoKeepsTheLoadOut() {
        String key = "race-" + System.nanoTime();
        caches.invalidate(CacheRegion.ISSUES, key);
        Lookup reader = caches.lookup(CacheRegion.ISSUES, key); // misses on the first write's marker

        caches.invalidate(CacheRegion.ISSUES, key); // another write while it loads
        caches.storeLoaded(CacheRegion.ISSUES, reader, "{\"title\":\"between the writes\"}");

        assertThat(caches.lookup(CacheRegion.ISSUES, key).outcome()).isEqualTo(Lookup.Outcome.MISS);
    }

    @Test
    void withoutAWriteTheLoadIsStored() {
        String key = "race-" + System.nanoTime();
        Lookup reader = caches.lookup(CacheRegion.ISSUES, key);

        caches.storeLoaded(CacheRegion.ISSUES, reader, "{\"title\":\"loaded\"}");

        assertThat(caches.lookup(CacheRegion.ISSUES, key).outcome()).isEqualTo(Lookup.Outcome.HIT);
    }
}
