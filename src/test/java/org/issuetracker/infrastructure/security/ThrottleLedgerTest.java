package org.issuetracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.issuetracker.infrastructure.config.ConfigValues;
import org.issuetracker.infrastructure.config.InvalidConfigurationException;
import org.issuetracker.infrastructure.config.MapConfig;
import org.issuetracker.infrastructure.security.ThrottleLedger.Refusal;
import org.issuetracker.infrastructure.security.ThrottleRule.Kind;
import org.junit.jupiter.api.Test;

class ThrottleLedgerTest {

    private static final ThrottleRule ACCOUNT =
            new ThrottleRule(Kind.ACCOUNT, 3, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24));
    private static final ThrottleRule ADDRESS =
            new ThrottleRule(Kind.ADDRESS, 10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

    private final TestClock clock = new TestClock();

    @Test
    void anAccountFailsItsFreeFailuresThenWaitsTheFirstDelayAndTwiceAsLongAfterEachFurtherOne() {
        ThrottleLedger ledger = ledger(null);

        fail(ledger, "alice", "10.0.0.1", 3);
        assertThat(ledger.attempt("alice", "10.0.0.1").refusal()).isEmpty();

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ledger.attempt("alice", "10.0.0.1").failed();
            Duration wait = refusal(ledger, "alice", "10.0.0.1").orElseThrow().retryAfter();
            waits.add(wait);
            clock.advance(wait);
        }

        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void theWaitNeverGrowsPastItsCapAndEndsByItself() {
        ThrottleLedger ledger = ledger(null);
        for (int i = 0; i < 60; i++) {
            ledger.attempt("alice", "10.0.0.1").failed();
            clock.advance(Duration.ofMinutes(16));
        }
        ledger.attempt("alice", "10.0.0.1").failed();

        assertThat(refusal(ledger, "alice", "10.0.0.1")).hasValue(new Refusal(Kind.ACCOUNT, Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(refusal(ledger, "alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresAreForgottenAWhileAfterTheLatestOne() {
        ThrottleLedger ledger = ledger(null);
        fail(ledger, "alice", "10.0.0.1", 3);

        clock.advance(Duration.ofHours(24));
        ledger.attempt("alice", "10.0.0.1").failed();

        assertThat(refusal(ledger, "alice", "10.0.0.1"))
                .as("a first failure again")
                .isEmpty();
    }

    @Test
    void aRightPasswordForgetsTheAccountsFailuresButNotTheAddresses() {
        ThrottleLedger ledger = ledger(null);
        fail(ledger, "alice", "10.0.0.1", 3);
        fail(ledger, "bob", "10.0.0.1", 7);

        ledger.attempt("alice", "10.0.0.1").succeeded();
        fail(ledger, "alice", "10.0.0.2", 3);
        assertThat(refusal(ledger, "alice", "10.0.0.3"))
                .as("alice starts again from zero")
                .isEmpty();

        ledger.attempt("carol", "10.0.0.1").failed();
        assertThat(refusal(ledger, "dave", "10.0.0.1"))
                .as("the address' eleventh failure")
                .hasValue(new Refusal(Kind.ADDRESS, Duration.ofSeconds(1)));
    }

    @Test
    void anAddressTryingManyAccountsWaitsWhileItsAccountsDoNotElsewhere() {
        ThrottleLedger ledger = ledger(null);
        for (int i = 0; i < 11; i++) {
            ledger.attempt("user" + i, "198.51.100.7").failed();
        }

        assertThat(refusal(ledger, "someone", "198.51.100.7"))
                .map(Refusal::kind)
                .hasValue(Kind.ADDRESS);
        assertThat(refusal(ledger, "user1", "203.0.113.9"))
                .as("the account from another address")
                .isEmpty();
    }

    @Test
    void aUsernameCountsTheSameWhateverItsCaseAndSurroundingSpaces() {
        ThrottleLedger ledger = ledger(null);
        ledger.attempt("Alice", "10.0.0.1").failed();
        ledger.attempt(" alice ", "10.0.0.2").failed();
        ledger.attempt("ALICE", "10.0.0.3").failed();
        ledger.attempt("alice", "10.0.0.4").failed();

        assertThat(refusal(ledger, "aLiCe", "10.0.0.5")).map(Refusal::kind).hasValue(Kind.ACCOUNT);
    }

    @Test
    void theAddressesOfOneIpv6NetworkCountAsOne() {
        assertThat(ThrottleLedger.network("2001:db8:1:2::1")).isEqualTo(ThrottleLedger.network("2001:db8:1:2:ffff::9"));
        assertThat(ThrottleLedger.network("[2001:DB8:1:2::1]")).isEqualTo("20010db800010002::/64");
        assertThat(ThrottleLedger.network("2001:db8:1:3::1")).isNotEqualTo(ThrottleLedger.network("2001:db8:1:2::1"));
        assertThat(ThrottleLedger.network("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ThrottleLedger.network("not:an:address:at:all")).isEqualTo("not:an:address:at:all");
    }

    @Test
    void anotherInstanceWaitsForFailuresItNeverSawThroughTheSharedCounts() {
        LocalFailureCounts redis = new LocalFailureCounts(clock, 1000);
        ThrottleLedger first = ledger(redis);
        ThrottleLedger second = ledger(redis);

        fail(first, "alice", "10.0.0.1", 2);
        fail(second, "alice", "10.0.0.2", 2);

        assertThat(refusal(first, "alice", "10.0.0.3")).map(Refusal::kind).hasValue(Kind.ACCOUNT);
        assertThat(refusal(second, "alice", "10.0.0.3")).map(Refusal::kind).hasValue(Kind.ACCOUNT);
    }

    @Test
    void aRightPasswordOnOneInstanceClearsTheAccountOnEveryOne() {
        LocalFailureCounts redis = new LocalFailureCounts(clock, 1000);
        ThrottleLedger first = ledger(redis);
        ThrottleLedger second = ledger(redis);
        fail(first, "alice", "10.0.0.1", 3);

        second.attempt("alice", "10.0.0.2").succeeded();
        first.attempt("alice", "10.0.0.1").failed();

        assertThat(refusal(first, "alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void whenTheSharedCountsFailEachInstanceStillThrottlesAndLeavesThemAloneForAWhile() {
        Unreachable redis = new Unreachable();
        ThrottleLedger ledger = ledger(redis);

        fail(ledger, "alice", "10.0.0.1", 4);

        assertThat(refusal(ledger, "alice", "10.0.0.1")).map(Refusal::kind).hasValue(Kind.ACCOUNT);
        assertThat(redis.calls)
                .as("one failed call, then none until the retry interval")
                .isEqualTo(1);
        assertThat(ledger.sharedUnavailable()).isTrue();

        clock.advance(Duration.ofSeconds(5));
        ledger.attempt("bob", "10.0.0.1");
        assertThat(redis.calls).as("tried again once the interval is over").isEqualTo(2);
    }

    @Test
    void neitherUsernamesNorAddressesAreStoredAsSuchButHashed() {
        Recording redis = new Recording(clock);
        ThrottleLedger ledger = ledger(redis);

        ledger.attempt("alice", "192.0.2.44").failed();

        assertThat(redis.keys).isNotEmpty().allSatisfy(key -> assertThat(key)
                .matches("(account|address):[0-9a-f]{32}")
                .doesNotContain("alice", "192.0.2.44"));
    }

    @Test
    void aFullMemoryKeepsTheKeysThatWaitAndDropsTheOthers() {
        LocalFailureCounts memory = new LocalFailureCounts(clock, 3);
        memory.failed("waiting", Duration.ofHours(1));
        memory.block("waiting", Duration.ofMinutes(10));
        memory.failed("a", Duration.ofHours(1));
        memory.failed("b", Duration.ofHours(1));

        memory.failed("c", Duration.ofHours(1));

        assertThat(memory.state("waiting").blockedFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(memory.state("a").failures()).isZero();
        assertThat(memory.state("c").failures()).isEqualTo(1);
        assertThat(memory.size()).isEqualTo(2);
    }

    @Test
    void aForgetAfterShorterThanTheLongestWaitIsRefusedAtStartup() {
        Map<String, String> values = new HashMap<>(Map.of(
                "security.throttle.account.free-failures", "5",
                "security.throttle.account.forget-after", "PT10M",
                "security.throttle.first-delay", "PT1S",
                "security.throttle.max-delay", "PT15M"));
        ConfigValues config = new ConfigValues(new MapConfig(values));
        ThrottleRule.configured(config, Kind.ACCOUNT);

        assertThatThrownBy(config::validate)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("security.throttle.account.forget-after");
    }

    private ThrottleLedger ledger(FailureCounts shared) {
        return new ThrottleLedger(
                ACCOUNT, ADDRESS, new LocalFailureCounts(clock, 1000), shared, Duration.ofSeconds(5), clock::nanoTime);
    }

    private static void fail(ThrottleLedger ledger, String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            ledger.attempt(username, address).failed();
        }
    }

    private static Optional<Refusal> refusal(ThrottleLedger ledger, String username, String address) {
        return ledger.attempt(username, address).refusal();
    }

    /** Redis gone: every call fails. */
    private static final class Unreachable implements FailureCounts {
        int calls;

        @Override
        public State state(String key) {
            calls++;
            throw new IllegalStateException("connection refused");
        }

        @Override
        public long failed(String key, Duration forgetAfter) {
            calls++;
            throw new IllegalStateException("connection refused");
        }

        @Override
        public void block(String key, Duration wait) {
            calls++;
            throw new IllegalStateException("connection refused");
        }

        @Override
        public void forget(String key) {
            calls++;
            throw new IllegalStateException("connection refused");
        }
    }

    /** Shared counts that note every key they are given. */
    private static final class Recording implements FailureCounts {
        final List<String> keys = new ArrayList<>();
        final LocalFailureCounts counts;

        Recording(TestClock clock) {
            counts = new LocalFailureCounts(clock, 1000);
        }

        @Override
        public State state(String key) {
            keys.add(key);
            return counts.state(key);
        }

        @Override
        public long failed(String key, Duration forgetAfter) {
            keys.add(key);
            return counts.failed(key, forgetAfter);
        }

        @Override
        public void block(String key, Duration wait) {
            keys.add(key);
            counts.block(key, wait);
        }

        @Override
        public void forget(String key) {
            keys.add(key);
            counts.forget(key);
        }
    }
}
