package org.issuetracker.application.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.issuetracker.domain.user.ApiToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token's last use is written at most once a minute, however many requests it signs. */
class TokenUseTest {

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    MemoryTokens tokens = new MemoryTokens();
    TokenUse use = new TokenUse();
    TokenGrant grant;

    @BeforeEach
    void oneToken() {
        use.tokens = tokens;
        ApiToken token = tokens.add(new ApiToken("a".repeat(24), "alice", "ci", "d".repeat(64), START, null, null));
        grant = TokenGrant.of(token);
    }

    @Test
    void aThousandRequestsInAMinuteWriteTheLastUseOnce() {
        for (int i = 0; i < 1_000; i++) {
            at(START.plusMillis(i * 50L));
            use.used(grant);
        }
        assertThat(tokens.touches).isEqualTo(1);
        assertThat(tokens.byId.get(grant.id()).lastUsedAt()).isEqualTo(START);

        at(START.plus(Duration.ofSeconds(61)));
        use.used(grant);
        assertThat(tokens.touches).isEqualTo(2);
        assertThat(tokens.byId.get(grant.id()).lastUsedAt()).isEqualTo(START.plusSeconds(61));
    }

    @Test
    void aFailedWriteDoesNotFailTheRequest() {
        use.tokens = new MemoryTokens() {
            @Override
            public void touch(String id, Instant at, Instant notBefore) {
                throw new IllegalStateException("MongoDB is gone");
            }
        };
        at(START);
        use.used(grant); // no exception
    }

    private void at(Instant now) {
        use.clock = Clock.fixed(now, ZoneOffset.UTC);
    }
}
