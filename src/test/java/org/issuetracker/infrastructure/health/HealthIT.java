package org.issuetracker.infrastructure.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.support.HealthProbes.check;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.HealthProbes;
import org.issuetracker.support.Http;
import org.issuetracker.support.RedisServers;
import org.issuetracker.support.TestServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three probes as an orchestrator and a load balancer see them, with each dependency up, down and back. */
class HealthIT extends ArquillianIT {

    @Test
    void allProbesAreUpWithTheirChecks() {
        JsonObject started = probe("started", 200);
        assertThat(check(started, "mongodb").getString("status")).isEqualTo("UP");
        assertThat(check(started, "redis").getString("status")).isEqualTo("UP");

        JsonObject ready = probe("ready", 200);
        assertThat(check(ready, "mongodb").getJsonObject("data").containsKey("latencyMs"))
                .isTrue();
        assertThat(check(ready, "redis").getJsonObject("data").getString("redis"))
                .isEqualTo("UP");

        JsonObject live = probe("live", 200);
        assertThat(live.getJsonArray("checks")).hasSize(2);
        assertThat(check(live, "process").getString("status")).isEqualTo("UP");
        assertThat(check(live, "cluster").getString("status"))
                .as("a member that never rejoined after a split")
                .isEqualTo("UP");
    }

    @Test
    void redisOutageOnlyDegradesReadiness() {
        TestServices.redis().stop();
        try {
            JsonObject ready = probe("ready", 200);
            JsonObject redis = check(ready, "redis");
            assertThat(redis.getString("status")).isEqualTo("UP");
            assertThat(redis.getJsonObject("data").getString("redis")).isEqualTo("DEGRADED");
            assertThat(redis.getJsonObject("data").getString("error")).isNotBlank();
            probe("live", 200);
            probe("started", 200);
        } finally {
            TestServices.redis().start();
        }
        await("Redis reported UP again", Duration.ofSeconds(20), () -> "UP"
                .equals(check(Http.json(http.get("/health/ready")), "redis")
                        .getJsonObject("data")
                        .getString("redis")));
    }

    @Test
    void aHungRedisNeverMakesReadinessHang() {
        String port = String.valueOf(Integer.getInteger("it.redis.port"));
        // Redis accepts connections but answers no command for 8 s: a hung dependency, not a refused one
        RedisServers.cli("-p", port, "CLIENT", "PAUSE", "8000", "ALL");
        try {
            long start = System.nanoTime();
            JsonObject ready = probe("ready", 200);
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();

            JsonObject redis = check(ready, "redis");
            assertThat(redis.getJsonObject("data").getString("redis")).isEqualTo("DEGRADED");
            // the Redis client's own command timeout (redis.timeout, 300 ms) or the check's (3 s), whichever first
            assertThat(redis.getJsonObject("data").getString("error")).containsAnyOf("timeout", "no answer within");
            assertThat(took)
                    .as("readiness answered within the 3 s check timeout, ms")
                    .isLessThan(4500);
            probe("live", 200);
            probe("started", 200);
        } finally {
            RedisServers.cli("-p", port, "CLIENT", "UNPAUSE");
        }
        await("Redis reported UP again", Duration.ofSeconds(30), () -> "UP"
                .equals(check(Http.json(http.get("/health/ready")), "redis")
                        .getJsonObject("data")
                        .getString("redis")));
    }

    @Test
    void mongoOutageFailsReadinessInTimeButNeverLiveness() {
        TestServices.mongo().stop();
        try {
            long start = System.nanoTime();
            JsonObject ready = probe("ready", 503);
            long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(check(ready, "mongodb").getString("status")).isEqualTo("DOWN");
            assertThat(check(ready, "mongodb").getJsonObject("data").getString("error"))
                    .isNotBlank();
            assertThat(took)
                    .as("readiness answered within the 3 s check timeout, ms")
                    .isLessThan(4500);
            probe("live", 200);
        } finally {
            TestServices.mongo().start();
        }
        await(
                "MongoDB ready again",
                Duration.ofSeconds(30),
                () -> http.get("/health/ready").statusCode() == 200);
    }

    /** Kubernetes polls the startup probe first, until it answers 200; so do these tests. */
    @BeforeEach
    void started() {
        await(
                "started",
                Duration.ofSeconds(30),
                () -> http.get("/health/started").statusCode() == 200);
    }

    private JsonObject probe(String name, int status) {
        return HealthProbes.probe(http, name, status);
    }
}
