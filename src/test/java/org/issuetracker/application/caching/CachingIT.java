package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.TestServices;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    void secondReadOfAnIssueIsACacheHit() {
        String id = fileIssue("Cache me twice");
        double hits = cacheCounter("hits", "issues");
        double misses = cacheCounter("misses", "issues");

        assertThat(alice.get("api/issues/" + id).statusCode()).isEqualTo(200);
        assertThat(alice.get("api/issues/" + id).statusCode()).isEqualTo(200);

        assertThat(cacheCounter("misses", "issues")).isEqualTo(misses + 1);
        assertThat(cacheCounter("hits", "issues")).isEqualTo(hits + 1);
    }

    @Test
    void filingAnIssueInvalidatesTheCachedLists() {
        alice.get("api/issues?size=5");
        double hits = cacheCounter("hits", "issue-queries");
        alice.get("api/issues?size=5");
        assertThat(cacheCounter("hits", "issue-queries")).isEqualTo(hits + 1);

        String title = "Fresh " + UUID.randomUUID();
        fileIssue(title);

        assertThat(firstTitle()).isEqualTo(title);
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
            double hits = cacheCounter("hits", "issues");
            alice.get("api/issues/" + id);
            alice.get("api/issues/" + id);
            return cacheCounter("hits", "issues") > hits;
        });
        String afterOutage = "Filed after Redis came back " + UUID.randomUUID();
        fileIssue(afterOutage);
        assertThat(firstTitle()).isEqualTo(afterOutage);
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
