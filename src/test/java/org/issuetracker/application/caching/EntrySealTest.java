package org.issuetracker.application.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EntrySealTest {

    static final Duration TTL = Duration.ofMinutes(30);
    static final String PROFILE = "{\"roles\":[\"USER\"],\"username\":\"mallory\"}";

    final EntrySeal seal = at(new EntrySeal(key(1)), Instant.parse("2026-12-01T12:00:00Z"));

    @Test
    void aSealedValueOpensUnderItsOwnKeyAndCache() {
        String stored = seal.seal("issuetracker:users", "mallory", PROFILE);

        assertThat(stored).startsWith("s1.").endsWith(PROFILE);
        assertThat(seal.open("issuetracker:users", "mallory", stored, TTL)).contains(PROFILE);
    }

    @Test
    void anUnsignedOrAlteredValueDoesNotOpen() {
        String stored = seal.seal("issuetracker:users", "mallory", PROFILE);

        assertThat(seal.open("issuetracker:users", "mallory", PROFILE, TTL)).isEmpty();
        assertThat(seal.open("issuetracker:users", "mallory", stored.replace("USER", "ADMIN"), TTL))
                .isEmpty();
        assertThat(seal.open("issuetracker:users", "mallory", stored.replace("s1.", "s1.x"), TTL))
                .isEmpty();
        assertThat(seal.open("issuetracker:users", "mallory", "s1..", TTL)).isEmpty();
        assertThat(seal.open("issuetracker:users", "mallory", "s1.zz.", TTL)).isEmpty();
    }

    @Test
    void aValueCopiedUnderAnotherKeyOrIntoAnotherCacheDoesNotOpen() {
        String admins = seal.seal("issuetracker:users", "admin", "{\"roles\":[\"ADMIN\"],\"username\":\"admin\"}");

        assertThat(seal.open("issuetracker:users", "mallory", admins, TTL)).isEmpty();
        assertThat(seal.open("issuetracker:sessions", "admin", admins, TTL)).isEmpty();
        // the key's and the cache's bytes are length-prefixed: moving a character across the boundary changes the MAC
        String split = seal.seal("issuetracker:users", "ab", PROFILE);
        assertThat(seal.open("issuetracker:user", "sab", split, TTL)).isEmpty();
    }

    @Test
    void aValueSignedWithAnotherKeyDoesNotOpen() {
        String stored = at(new EntrySeal(key(2)), Instant.parse("2026-12-01T12:00:00Z"))
                .seal("issuetracker:users", "mallory", PROFILE);

        assertThat(seal.open("issuetracker:users", "mallory", stored, TTL)).isEmpty();
    }

    @Test
    void aValueOlderThanTheTtlAndAMinuteDoesNotOpenSoAnOldEntryCannotBeReplayed() {
        String stored = seal.seal("issuetracker:users", "mallory", PROFILE);

        at(seal, Instant.parse("2026-12-01T12:30:59Z"));
        assertThat(seal.open("issuetracker:users", "mallory", stored, TTL)).contains(PROFILE);
        at(seal, Instant.parse("2026-12-01T12:31:01Z"));
        assertThat(seal.open("issuetracker:users", "mallory", stored, TTL)).isEmpty();
    }

    @Test
    void aValueSignedInTheFutureDoesNotOpen() {
        String stored = at(new EntrySeal(key(1)), Instant.parse("2026-12-01T13:00:00Z"))
                .seal("issuetracker:users", "mallory", PROFILE);

        assertThat(seal.open("issuetracker:users", "mallory", stored, TTL)).isEmpty();
    }

    @Test
    void withoutItsKeyTheSealIsNotReadyAndAsksAgainOnlyAfterAPause() {
        int[] asked = {0};
        EntrySeal unkeyed = at(new EntrySeal(), Instant.parse("2026-12-01T12:00:00Z"));
        unkeyed.keySource = () -> {
            asked[0]++;
            if (asked[0] == 1) {
                throw new IllegalStateException("MongoDB is down");
            }
            return key(3);
        };

        assertThat(unkeyed.ready()).isFalse();
        assertThat(unkeyed.ready()).isFalse();
        assertThat(asked[0]).isEqualTo(1);
        at(unkeyed, Instant.parse("2026-12-01T12:00:06Z"));
        assertThat(unkeyed.ready()).isTrue();
        assertThat(asked[0]).isEqualTo(2);
    }

    private static EntrySeal at(EntrySeal seal, Instant now) {
        seal.clock = Clock.fixed(now, ZoneOffset.UTC);
        return seal;
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
