package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.issuetracker.infrastructure.redis.RedissonRegionCacheFactory;
import org.issuetracker.infrastructure.redis.RedissonStampStore;
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

            @Override
            public void representationHit(String kind) {}

            @Override
            public void representationMiss(String kind) {}
        };
        RedissonStampStore stamps = new RedissonStampStore();
        var client = RedissonStampStore.class.getDeclaredField("redisson");
        client.setAccessible(true);
        client.set(stamps, redisson);
        caches.stamps = stamps;
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

    // The answers kept in memory (RepresentationCache), checked by their stamps: the same races one level up.

    /** A representation cache of this "instance" on the shared Redis, outside any server (no request scope). */
    private RepresentationCache representations() {
        RepresentationCache cache = new RepresentationCache();
        cache.caches = caches;
        cache.memo = new RequestMemo();
        cache.settings = caches.settings;
        cache.metrics = caches.metrics;
        return cache;
    }

    /** What a build does through CachedInInterceptor: the stamps of what it reads, before reading it. */
    private String build(RepresentationCache cache, String key, AtomicInteger builds, Runnable whileBuilding) {
        return cache.get("test", "answer-" + key, CacheRegion.ISSUES, () -> {
            caches.recordStamps(cache.memo.recording(), CacheRegion.ISSUES, key, null);
            whileBuilding.run();
            return "built " + builds.incrementAndGet();
        });
    }

    @Test
    void aKeptAnswerIsServedUntilAWriteOnAnyInstanceChangesAStampItWasBuiltFrom() {
        String key = "kept-" + System.nanoTime();
        RepresentationCache one = representations();
        AtomicInteger builds = new AtomicInteger();

        assertThat(build(one, key, builds, () -> {})).isEqualTo("built 1");
        assertThat(build(one, key, builds, () -> {})).as("kept").isEqualTo("built 1");

        caches.invalidate(CacheRegion.ISSUES, key); // a write, on this or any other instance
        assertThat(build(one, key, builds, () -> {}))
                .as("built again after the write")
                .isEqualTo("built 2");
        assertThat(build(one, key, builds, () -> {})).isEqualTo("built 2");

        caches.invalidate(CacheRegion.ISSUES, null); // the whole region cleared (a restore)
        assertThat(build(one, key, builds, () -> {})).isEqualTo("built 3");
    }

    @Test
    void anAnswerBuiltWhileAWriteHappensIsNotServedAfterIt() {
        String key = "kept-race-" + System.nanoTime();
        RepresentationCache one = representations();
        AtomicInteger builds = new AtomicInteger();

        // the write lands after the build read its stamps and data, before the build is kept
        assertThat(build(one, key, builds, () -> caches.invalidate(CacheRegion.ISSUES, key)))
                .isEqualTo("built 1");

        assertThat(build(one, key, builds, () -> {}))
                .as("the answer built from the data before the write")
                .isEqualTo("built 2");
    }

    @Test
    void aLostStampCostsARebuildNeverAStaleAnswer() {
        String key = "kept-lost-" + System.nanoTime();
        RepresentationCache one = representations();
        AtomicInteger builds = new AtomicInteger();
        build(one, key, builds, () -> {});

        // Redis evicted the stamp, or restarted empty: nothing tells whether a write happened meanwhile
        redisson.getBucket(Stamps.ofEntity(CacheRegion.ISSUES, key)).delete();

        assertThat(build(one, key, builds, () -> {})).isEqualTo("built 2");
        assertThat(build(one, key, builds, () -> {})).isEqualTo("built 2");
    }

    @Test
    void aVoteLeavesListsOtherwiseOrderedAndInvalidatesThoseSortedByVotes() {
        RepresentationCache one = representations();
        AtomicInteger newest = new AtomicInteger();
        AtomicInteger byVotes = new AtomicInteger();
        java.util.function.Supplier<String> newestPage =
                () -> one.get("test", "newest", CacheRegion.ISSUE_QUERIES, () -> {
                    caches.recordStamps(one.memo.recording(), CacheRegion.ISSUE_QUERIES, "newest", null);
                    return "newest " + newest.incrementAndGet();
                });
        java.util.function.Supplier<String> votesPage =
                () -> one.get("test", "votes", CacheRegion.ISSUE_QUERIES, () -> {
                    caches.recordStamps(one.memo.recording(), CacheRegion.ISSUE_QUERIES, "votes", "votes");
                    return "votes " + byVotes.incrementAndGet();
                });
        newestPage.get();
        votesPage.get();

        caches.invalidate(CacheRegion.ISSUE_QUERIES, null, "votes");
        assertThat(newestPage.get()).isEqualTo("newest 1");
        assertThat(votesPage.get()).isEqualTo("votes 2");

        caches.invalidate(CacheRegion.ISSUE_QUERIES, null); // any other write to issues
        assertThat(newestPage.get()).isEqualTo("newest 2");
        assertThat(votesPage.get()).isEqualTo("votes 3");
    }
}
