package org.issuetracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.issuetracker.infrastructure.config.MapConfig;
import org.issuetracker.infrastructure.redis.RedisSettings;
import org.issuetracker.infrastructure.redis.RedissonClientProducer;
import org.issuetracker.infrastructure.security.ThrottleLedger.Refusal;
import org.issuetracker.infrastructure.security.ThrottleRule.Kind;
import org.issuetracker.support.RedisServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * The sign-in throttle against a real Redis, as two instances would use it (each its own Redisson client and
 * memory, with the application's Redis settings): failures on one make the other wait, a success on one clears the
 * account for both, every key expires by itself, and with Redis gone each instance still throttles without waiting
 * for a hung Redis more than once per retry interval.
 */
class SignInThrottleRedisIT {

    private static final ThrottleRule ACCOUNT =
            new ThrottleRule(Kind.ACCOUNT, 3, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24));
    private static final ThrottleRule ADDRESS =
            new ThrottleRule(Kind.ADDRESS, 100, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    private final RedisServers servers = new RedisServers("signin-throttle");
    private final List<RedissonClient> clients = new ArrayList<>();
    private int port;

    private Process redis;

    @BeforeEach
    void start() {
        port = RedisServers.freePort();
        redis = servers.server("redis", port, List.of());
    }

    @AfterEach
    void stop() {
        clients.forEach(RedissonClient::shutdown);
        servers.close();
    }

    @Test
    void failuresOnOneInstanceMakeTheAccountWaitOnTheOther() {
        ThrottleLedger first = instance();
        ThrottleLedger second = instance();

        for (int i = 0; i < 3; i++) {
            first.attempt("alice", "10.0.0.1").failed();
        }
        assertThat(second.attempt("alice", "10.0.0.2").refusal()).isEmpty();
        second.attempt("alice", "10.0.0.2").failed();

        assertThat(first.attempt("alice", "10.0.0.3").refusal())
                .map(Refusal::kind)
                .hasValue(Kind.ACCOUNT);
        assertThat(second.attempt("alice", "10.0.0.3").refusal())
                .map(Refusal::kind)
                .hasValue(Kind.ACCOUNT);
        assertThat(first.attempt("bob", "10.0.0.3").refusal())
                .as("another account")
                .isEmpty();
    }

    @Test
    void aRightPasswordOnOneInstanceClearsTheAccountOnBoth() {
        ThrottleLedger first = instance();
        ThrottleLedger second = instance();
        for (int i = 0; i < 3; i++) {
            first.attempt("carol", "10.0.0.1").failed();
        }

        second.attempt("carol", "10.0.0.2").succeeded();
        assertThat(keys()).as("only the address' failures are left").hasSize(1);
        first.attempt("carol", "10.0.0.1").failed();

        assertThat(first.attempt("carol", "10.0.0.1").refusal()).isEmpty();
    }

    @Test
    void everyKeyInRedisExpiresByItselfAndNamesNoAccountOrAddress() {
        ThrottleLedger ledger = instance();
        for (int i = 0; i < 4; i++) {
            ledger.attempt("dave", "192.0.2.44").failed();
        }

        List<String> keys = keys();
        assertThat(keys).hasSize(3); // the account's count and wait, the address' count
        for (String key : keys) {
            assertThat(key).doesNotContain("dave", "192.0.2.44");
            long ttl = Long.parseLong(RedisServers.cli("-p", String.valueOf(port), "PTTL", key));
            assertThat(ttl)
                    .as(key)
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofHours(24).toMillis());
        }
    }

    @Test
    void withRedisHungEachInstanceStillThrottlesAndWaitsForRedisOnlyOnce() throws Exception {
        ThrottleLedger ledger = instance();
        ledger.attempt("erin", "10.0.0.1").failed();
        // hung rather than gone: a refused connection fails at once, a hung server only after the timeout
        signal("STOP");

        long[] millis = new long[4];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            ledger.attempt("erin", "10.0.0.1").failed();
            millis[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
        long start = System.nanoTime();
        var refusal = ledger.attempt("erin", "10.0.0.1").refusal();
        long refusedInMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        signal("CONT");
        System.out.println("Attempts with Redis hung took " + Arrays.toString(millis) + " ms, the refusal "
                + refusedInMillis + " ms");
        assertThat(refusal)
                .as("four failures in this instance's memory")
                .map(Refusal::kind)
                .hasValue(Kind.ACCOUNT);
        assertThat(ledger.sharedUnavailable()).isTrue();
        assertThat(millis[0]).as("the first pays Redis' timeout once").isLessThan(2_000);
        assertThat(Arrays.stream(millis).skip(1))
                .as("the others do not wait for Redis")
                .allMatch(ms -> ms < 100);
        assertThat(refusedInMillis).isLessThan(100);
    }

    private void signal(String name) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, String.valueOf(redis.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }

    private ThrottleLedger instance() {
        RedisSettings settings = new RedisSettings(new MapConfig(Map.of(
                "redis.mode", "single",
                "redis.address", "redis://127.0.0.1:" + port,
                "redis.read-from", "primary",
                "redis.timeout", "PT0.3S",
                "redis.connect-timeout", "PT0.5S",
                "redis.retry-attempts", "0",
                "redis.netty-threads", "2")));
        RedissonClient redisson = Redisson.create(RedissonClientProducer.configuration(settings));
        clients.add(redisson);
        return new ThrottleLedger(
                ACCOUNT,
                ADDRESS,
                new LocalFailureCounts(Clock.systemUTC(), 1000),
                new RedisFailureCounts(redisson),
                Duration.ofSeconds(5),
                System::nanoTime);
    }

    private List<String> keys() {
        String listed = RedisServers.cli("-p", String.valueOf(port), "--scan", "--pattern", "issuetracker:signin:*");
        return listed.isBlank() ? List.of() : List.of(listed.split("\\s+"));
    }
}
