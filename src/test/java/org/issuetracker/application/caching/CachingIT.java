package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.TestServices;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The cache interceptors against a real Redis: reads are answered from the cache, writes invalidate what they
 * change, and a Redis outage costs neither a request nor a write, only speed, until Redis is back.
 */
class CachingIT extends ArquillianIT {

    Tracker tracker;
    Http alice;

    @BeforeEach
    void user() {
        tracker = new Tracker(http);
        alice = tracker.newUser("cache").http();
    }

    /** What a request may cost at most while Redis is gone: one Redis timeout (300 ms) plus ordinary work. */
    static final Duration OUTAGE_BOUND = Duration.ofMillis(1000);

    @Test
    void secondReadOfAnIssueIsTheAnswerKeptInMemory() {
        String id =
                tracker.filePublic(alice, "Cache me twice " + UUID.randomUUID()).getString("id");
        double hits = cacheCounter("hits", "issues");
        double misses = cacheCounter("misses", "issues");
        double kept = keptAnswers("hits", "issue");
        double finds = mongoFinds("issues");

        HttpResponse<String> first = alice.get("api/issues/" + id);
        HttpResponse<String> second = alice.get("api/issues/" + id);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag"))
                .isEqualTo(first.headers().firstValue("ETag"));
        assertThat(mongoFinds("issues")).as("MongoDB read once").isEqualTo(finds + 1);
        assertThat(cacheCounter("misses", "issues")).isEqualTo(misses + 1);
        assertThat(cacheCounter("hits", "issues"))
                .as("the second read did not ask for the issue")
                .isEqualTo(hits);
        assertThat(keptAnswers("hits", "issue")).isEqualTo(kept + 1);

        // another reader gets their own answer (votedByMe is theirs), built from the shared cache
        assertThat(http.get("api/issues/" + id).statusCode()).isEqualTo(200);
        assertThat(keptAnswers("hits", "issue")).isEqualTo(kept + 1);
        assertThat(cacheCounter("hits", "issues")).isEqualTo(hits + 1);
        assertThat(mongoFinds("issues")).isEqualTo(finds + 1);
    }

    @Test
    void aKeptAnswerAnswersIfNoneMatchWith304AndFollowsEveryWrite() {
        String id = tracker.filePublic(alice, "Conditional reads of a kept answer " + UUID.randomUUID())
                .getString("id");
        HttpResponse<String> first = alice.get("api/issues/" + id);
        String tag = first.headers().firstValue("ETag").orElseThrow();
        alice.get("api/issues/" + id);
        double kept = keptAnswers("hits", "issue");

        assertThat(alice.get("api/issues/" + id, "If-None-Match", tag).statusCode())
                .isEqualTo(304);
        assertThat(keptAnswers("hits", "issue")).isEqualTo(kept + 1);

        HttpResponse<String> voted = tracker.newUser("kept").http().postEmpty("api/issues/" + id + "/votes");
        assertThat(voted.statusCode()).isEqualTo(200);
        HttpResponse<String> after = alice.get("api/issues/" + id, "If-None-Match", tag);
        assertThat(after.statusCode()).as("the old tag after a vote").isEqualTo(200);
        assertThat(Http.json(after).getInt("votes")).isEqualTo(1);
        assertThat(after.headers().firstValue("ETag")).isEqualTo(voted.headers().firstValue("ETag"));
    }

    @Test
    void aListPageAsksRedisOncePerReferenceKindAndAuthor() {
        Http bob = tracker.newUser("memo").http();
        for (int i = 0; i < 6; i++) {
            tracker.filePublic(i % 2 == 0 ? alice : bob, "Memo " + i);
        }
        assertThat(http.get("api/issues?size=6").statusCode()).isEqualTo(200); // loads what was not cached yet
        double reference = cacheCounter("hits", "reference") + cacheCounter("misses", "reference");
        double users = cacheCounter("hits", "users") + cacheCounter("misses", "users");

        // another address than the first read's: a page built from the cache again, not the answer kept in memory
        assertThat(http.get("api/issues?size=6&page=0").statusCode()).isEqualTo(200);

        // six rows, each naming a category, a status and an author: without the request's memo, 12 reads of
        // reference data and 6 of users; with it, one per kind and one per author
        assertThat(cacheCounter("hits", "reference") + cacheCounter("misses", "reference") - reference)
                .isEqualTo(2);
        assertThat(cacheCounter("hits", "users") + cacheCounter("misses", "users") - users)
                .isEqualTo(2);
    }

    @Test
    void filingAnIssueInvalidatesTheCachedLists() {
        alice.get("api/issues?size=5");
        double hits = keptAnswers("hits", "list");
        alice.get("api/issues?size=5");
        assertThat(keptAnswers("hits", "list")).as("the page is kept").isEqualTo(hits + 1);

        String title = "Fresh " + UUID.randomUUID();
        fileIssue(title);

        assertThat(firstTitle()).isEqualTo(title);
    }

    @Test
    void aVoteShowsAtOnceInListsOfEveryOrderAndOnlyThoseSortedByVotesAreLoadedAgain() {
        String label = "voted-" + UUID.randomUUID().toString().substring(0, 8);
        String older = tracker.filePublic(alice, "Older, voted for " + UUID.randomUUID(), label)
                .getString("id");
        String newer = tracker.filePublic(alice, "Newer, no votes " + UUID.randomUUID(), label)
                .getString("id");
        String newest = "api/issues?label=" + label + "&sort=newest";
        String byVotes = "api/issues?label=" + label + "&sort=votes";
        assertThat(ids(http.get(newest))).containsExactly(newer, older);
        http.get(byVotes);
        double queryMisses = cacheCounter("misses", "issue-queries");

        assertThat(tracker.newUser("lists")
                        .http()
                        .postEmpty("api/issues/" + older + "/votes")
                        .statusCode())
                .isEqualTo(200);

        JsonObject page = Http.json(http.get(newest));
        assertThat(ids(page)).containsExactly(newer, older);
        assertThat(page.getJsonArray("items").getJsonObject(1).getInt("votes"))
                .as("the vote in a list sorted by date, right after it")
                .isEqualTo(1);
        assertThat(ids(http.get(byVotes))).as("the vote moves the issue up").containsExactly(older, newer);
        assertThat(cacheCounter("misses", "issue-queries"))
                .as("only the page sorted by votes was searched again")
                .isEqualTo(queryMisses + 1);
    }

    private static List<String> ids(HttpResponse<String> response) {
        return ids(Http.json(response));
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id"))
                .toList();
    }

    @Test
    void noQueryCanPutItsAnswerUnderAnotherQuerysKey() {
        String x = "x" + UUID.randomUUID().toString().substring(0, 8);
        String y = "y" + UUID.randomUUID().toString().substring(0, 8);
        String title = "On the home page after a write " + UUID.randomUUID();
        tracker.filePublic(alice, title, x, y); // a write: every query is loaded afresh

        // an anonymous visitor asks first for look-alikes of other readers' queries, which match nothing
        assertThat(http.get("index.xhtml?q=null").statusCode()).isEqualTo(200);
        assertThat(Http.json(http.get("api/issues?label=" + x + ",%20" + y)).getInt("total"))
                .as("the one label 'x, y'")
                .isZero();

        assertThat(http.get("index.xhtml").body())
                .as("everyone's home page still lists the new issue")
                .contains(title);
        assertThat(Http.json(http.get("api/issues?label=" + x + "&label=" + y)).getInt("total"))
                .as("the two labels x and y")
                .isEqualTo(1);
    }

    @Test
    void redisOutageCostsNoRequestAndCachingResumesWithoutStaleEntries() {
        String id = fileIssue("Readable without Redis");
        firstTitle(); // the list is now cached
        alice.get("api/issues/" + id);

        TestServices.redis().stop();
        try {
            String duringOutage = "Filed while Redis is down " + UUID.randomUUID();
            long slowest = 0;
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                assertThat(alice.get("api/issues/" + id).statusCode()).isEqualTo(200);
                slowest = Math.max(
                        slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
            long start = System.nanoTime();
            String filed = fileIssue(duringOutage);
            slowest = Math.max(
                    slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());

            assertThat(slowest).as("slowest request while Redis is down, ms").isLessThan(OUTAGE_BOUND.toMillis());
            assertThat(firstTitle()).isEqualTo(duringOutage);
            assertThat(alice.get("api/issues/" + filed).statusCode()).isEqualTo(200);
            assertThat(cacheCounter("errors", "issues")).isPositive();
        } finally {
            TestServices.redis().start();
        }

        await("caching resumes after Redis is back", Duration.ofSeconds(20), () -> {
            double hits = cacheCounter("hits", "issues") + keptAnswers("hits", "issue");
            alice.get("api/issues/" + id);
            alice.get("api/issues/" + id);
            return cacheCounter("hits", "issues") + keptAnswers("hits", "issue") > hits;
        });
        String afterOutage = "Filed after Redis came back " + UUID.randomUUID();
        fileIssue(afterOutage);
        assertThat(firstTitle()).isEqualTo(afterOutage);
    }

    @Test
    void manyConcurrentMissesOnOneKeyLoadItFromMongoDbOnce() throws Exception {
        String id = tracker.filePublic(alice, "Read by a hundred at once " + UUID.randomUUID())
                .getString("id");
        double finds = mongoFinds("issues");
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return new Http(deployment).get("api/issues/" + id).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(mongoFinds("issues") - finds)
                .as("finds on the issues collection")
                .isEqualTo(1);
    }

    @Test
    void aWriteEvictsExactlyTheEntriesItCanHaveMadeWrong() {
        String a = tracker.filePublic(alice, "Evicted by a vote " + UUID.randomUUID())
                .getString("id");
        String b = tracker.filePublic(alice, "Left alone by that vote " + UUID.randomUUID())
                .getString("id");
        http.get("api/issues/" + a);
        http.get("api/issues/" + b);
        http.get("api/issues/" + a + "/comments");
        http.get("api/issues/" + b + "/comments");
        http.get("api/issues?q=vote");
        try (RedisPeek redis = new RedisPeek()) {
            assertThat(redis.keys("issues")).contains(issueKey(a), issueKey(b));
            assertThat(redis.keys("comments")).contains(issueKey(a));
            String generation = redis.generation("issue-queries");
            String votesGeneration = redis.generation("issue-queries#votes");
            String reportsGeneration = redis.generation("reports");
            String referenceGeneration = redis.generation("reference");

            tracker.newUser("voter").http().postEmpty("api/issues/" + a + "/votes");

            assertThat(redis.value("issues", issueKey(a)))
                    .as("a's entry is replaced by an invalidation marker")
                    .startsWith("\u0000invalidated:");
            assertThat(redis.value("issues", issueKey(b)))
                    .as("b's entry is untouched (a signed value)")
                    .startsWith("s1.");
            assertThat(redis.value("comments", issueKey(a)))
                    .as("a vote does not touch comments (still a signed value, not a marker)")
                    .startsWith("s1.");
            assertThat(redis.generation("issue-queries#votes"))
                    .as("lists sorted by votes start again")
                    .isNotEqualTo(votesGeneration);
            assertThat(redis.generation("issue-queries"))
                    .as("lists in any other order keep their entries (their rows are read through issues)")
                    .isEqualTo(generation);
            assertThat(redis.generation("reports"))
                    .as("the reports count no votes")
                    .isEqualTo(reportsGeneration);
            assertThat(redis.generation("reference"))
                    .as("reference data is untouched")
                    .isEqualTo(referenceGeneration);

            alice.postJson("api/issues/" + b + "/comments", "{\"body\":\"A comment on b\"}");
            assertThat(redis.value("comments", issueKey(b)))
                    .as("a comment on b invalidates b's comments")
                    .startsWith("\u0000invalidated:");
            assertThat(redis.value("comments", issueKey(a))).as("and not a's").startsWith("s1.");
            assertThat(redis.value("issues", issueKey(b)))
                    .as("nor the issue b itself")
                    .startsWith("s1.");
        }
    }

    /**
     * Whoever can write to Redis cannot make themselves an administrator: a profile written there by hand, or the
     * administrator's own (signed) profile copied under another user's key, does not verify and is read from MongoDB.
     */
    @Test
    void aProfileForgedOrCopiedInRedisGrantsNoRole() {
        Tracker.User mallory = tracker.newUser("mallory");
        Http admin = tracker.admin();
        assertThat(mallory.http().get("api/admin/operations").statusCode()).isEqualTo(403);
        assertThat(admin.get("api/admin/operations").statusCode()).isEqualTo(200);
        try (RedisPeek redis = new RedisPeek()) {
            String malloryKey = userKey(redis, mallory.username());
            String adminEntry = redis.value("users", userKey(redis, "admin"));
            String forged = "{\"active\":true,\"displayName\":\"Mallory\",\"passwordChangeRequired\":false,"
                    + "\"roles\":[\"ADMIN\",\"USER\"],\"username\":\"" + mallory.username() + "\"}";
            String copied = adminEntry.replace("\"username\":\"admin\"", "\"username\":\"" + mallory.username() + "\"");
            for (String entry : new String[] {forged, adminEntry, copied}) {
                double rejected = cacheCounter("rejected", "users");
                redis.put("users", malloryKey, entry);

                assertThat(mallory.http().get("api/admin/operations").statusCode())
                        .as("an admin endpoint with %s in Redis", entry)
                        .isEqualTo(403);
                assertThat(Http.json(mallory.http().get("api/me"))
                                .getJsonArray("roles")
                                .toString())
                        .doesNotContain("ADMIN");
                assertThat(cacheCounter("rejected", "users")).isEqualTo(rejected + 1);
                assertThat(redis.value("users", malloryKey))
                        .as("the bad entry is replaced by the profile loaded from MongoDB")
                        .startsWith("s1.")
                        .doesNotContain("ADMIN");
            }
        }
    }

    private static JsonObject issuesRegion(JsonObject cache) {
        return cache.getJsonArray("regions").getValuesAs(JsonObject.class).stream()
                .filter(region -> region.getString("region").equals("issues"))
                .findFirst()
                .orElseThrow();
    }

    /** The users region's key of a username's profile (the username), checked to be there after a read of it. */
    private static String userKey(RedisPeek redis, String username) {
        assertThat(redis.keys("users"))
                .as("the users region after a read of " + username)
                .contains(username);
        return username;
    }

    @Test
    void theTtlAdvisorShowsEveryRegionAndRedisMemoryToAdminsOnly() {
        String id = tracker.filePublic(alice, "Read often " + UUID.randomUUID()).getString("id");
        JsonObject before = issuesRegion(Http.json(tracker.admin().get("api/admin/cache")));
        for (int i = 0; i < 120; i++) {
            // each at another address, so each answer is built from Redis rather than the one kept in memory
            http.get("api/issues/" + id + "?read=" + i);
        }

        HttpResponse<String> response = tracker.admin().get("api/admin/cache");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject cache = Http.json(response);
        JsonObject issues = issuesRegion(cache);
        assertThat(cache.getJsonArray("regions")).hasSize(CacheRegion.values().length);
        assertThat(issues.getString("ttl")).isEqualTo("PT30M");
        long hits = issues.getJsonNumber("hits").longValue();
        long misses = issues.getJsonNumber("misses").longValue();
        assertThat(hits - before.getJsonNumber("hits").longValue()).isGreaterThanOrEqualTo(119);
        assertThat(misses - before.getJsonNumber("misses").longValue()).isLessThanOrEqualTo(1);
        assertThat(issues.getJsonNumber("hitRatio").doubleValue())
                .as("the ratio since the application started")
                .isCloseTo((double) hits / (hits + misses), org.assertj.core.data.Offset.offset(1e-9))
                .isGreaterThan(before.getJsonNumber("hitRatio").doubleValue());
        // what the rule says of a ratio is TtlAdvisorTest's; here: the counts since start are enough to judge by
        assertThat(issues.getString("verdict")).isNotEqualTo("TOO_FEW_READS");
        if (issues.getJsonNumber("hitRatio").doubleValue() >= 0.8) {
            assertThat(issues.getString("verdict")).isEqualTo("KEEP");
        }
        JsonObject redis = cache.getJsonObject("redis");
        assertThat(redis.getJsonNumber("usedMemoryBytes").longValue()).isPositive();
        assertThat(redis.getJsonNumber("keys").longValue()).isPositive();
        assertThat(redis.getInt("primaries")).isEqualTo(1);
        assertThat(redis.containsKey("evictedKeys")).isTrue();

        assertThat(http.get("api/admin/cache").statusCode()).isEqualTo(401);
        assertThat(alice.get("api/admin/cache").statusCode()).isEqualTo(403);
    }

    @Test
    void eachRegionsEntriesExpireAfterItsOwnTtl() {
        String id = tracker.filePublic(alice, "Its TTL is the region's " + UUID.randomUUID())
                .getString("id");
        http.get("api/issues/" + id);
        http.get("api/issues/" + id + "/comments");
        try (RedisPeek redis = new RedisPeek()) {
            assertThat(redis.expiresIn("issues", issueKey(id)))
                    .as("issues: PT30M")
                    .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
            assertThat(redis.expiresIn("comments", issueKey(id)))
                    .as("comments: PT30M")
                    .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        }

        // the reports region runs with a 3 s TTL in the tests (arquillian.xml): gone after it, even without writes
        double misses = cacheCounter("misses", "reports");
        http.get("api/reports/summary");
        double hits = cacheCounter("hits", "reports");
        http.get("api/reports/summary");
        assertThat(cacheCounter("hits", "reports")).isEqualTo(hits + 1);
        await("the report expires", Duration.ofSeconds(10), () -> {
            double before = cacheCounter("misses", "reports");
            http.get("api/reports/summary");
            return cacheCounter("misses", "reports") > before;
        });
        assertThat(cacheCounter("misses", "reports")).isGreaterThanOrEqualTo(misses + 2);
    }

    private static String issueKey(String id) {
        return id; // IssueId prints as its value
    }

    /** A counter of the answers kept in memory; it appears with the first answer of its kind (0 before). */
    private double keptAnswers(String counter, String representation) {
        try {
            return metrics()
                    .value("cache_representation_" + counter + "_total", Map.of("representation", representation));
        } catch (AssertionError notYet) {
            return 0;
        }
    }

    private double mongoFinds(String collection) {
        return metrics()
                .value(
                        "mongodb_command_seconds_count",
                        Map.of("command", "find", "collection", collection, "outcome", "success"));
    }

    /** Looks into the test's Redis directly: which keys a region holds, a query region's generation. */
    static final class RedisPeek implements AutoCloseable {

        private final RedissonClient client;

        RedisPeek() {
            Config config = new Config();
            config.setCodec(StringCodec.INSTANCE);
            config.useSingleServer().setAddress("redis://127.0.0.1:" + Integer.getInteger("it.redis.port"));
            client = Redisson.create(config);
        }

        /** How long until the region's entry expires, from the expiry time Redisson's JCache keeps in Redis. */
        Duration expiresIn(String region, String key) {
            Double expiry = client.getScoredSortedSet("jcache_timeout_set:{issuetracker:" + region + "}")
                    .getScore(key);
            assertThat(expiry).as("an expiry for " + key + " in " + region).isNotNull();
            return Duration.ofMillis(expiry.longValue() - System.currentTimeMillis());
        }

        void put(String region, String key, String value) {
            client.<String, String>getMap("issuetracker:" + region).put(key, value);
        }

        String value(String region, String key) {
            return client.<String, String>getMap("issuetracker:" + region).get(key);
        }

        java.util.Set<String> keys(String region) {
            return client.<String, String>getMap("issuetracker:" + region).keySet();
        }

        String generation(String region) {
            return client.<String, String>getMap("issuetracker:generations").get(region);
        }

        @Override
        public void close() {
            client.shutdown();
        }
    }

    @Test
    void metricsAreValidPrometheusTextWithCounterPerRegion() {
        var scrape = metrics(); // parsing checks every line against the text format
        for (String region : new String[] {"issues", "issue-queries", "comments", "reference", "users", "reports"}) {
            for (String counter : new String[] {"hits", "misses", "errors"}) {
                assertThat(scrape.value("cache_" + counter + "_total", Map.of("cache", region)))
                        .isGreaterThanOrEqualTo(0);
            }
        }
    }

    private String fileIssue(String title) {
        return tracker.file(alice, title).getString("id");
    }

    /** The newest issue the author sees: their own, pending ones included. */
    private String firstTitle() {
        HttpResponse<String> response = alice.get("api/issues?size=5");
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response)
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .get(0)
                .getString("title");
    }
}
