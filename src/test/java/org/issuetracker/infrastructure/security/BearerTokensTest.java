package org.issuetracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.application.user.TokenGrant;
import org.issuetracker.application.user.TokenLookup;
import org.issuetracker.application.user.TokenSecrets;
import org.issuetracker.application.user.TokenUse;
import org.issuetracker.domain.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Bearer token signs in as its owner, with the owner's roles of now, while token and owner allow it. */
class BearerTokensTest {

    private static final Instant MADE = Instant.parse("2026-12-01T12:00:00Z");

    final Map<String, TokenGrant> grants = new HashMap<>();
    final Map<String, Person> people = new HashMap<>();
    final List<String> lookups = new ArrayList<>();
    final List<String> uses = new ArrayList<>();
    final BearerTokens bearer = new BearerTokens();
    final String secret = TokenSecrets.newSecret();

    @BeforeEach
    void wiring() {
        bearer.lookup = new TokenLookup() {
            @Override
            public TokenGrant find(String digest) {
                lookups.add(digest);
                return grants.get(digest);
            }
        };
        bearer.people = new PersonLookup() {
            @Override
            public Person find(String username) {
                return people.getOrDefault(username, Person.unknown(username));
            }
        };
        bearer.use = new TokenUse() {
            @Override
            public void used(TokenGrant grant) {
                uses.add(grant.id());
            }
        };
        at(MADE.plusSeconds(60));
        grants.put(TokenSecrets.digest(secret), new TokenGrant("t1", "alice", MADE, MADE.plus(Duration.ofDays(1))));
        people.put("alice", alice(Set.of(Role.USER), true, null));
    }

    @Test
    void aValidTokenIsItsOwnerWithTheOwnersRolesOfNow() {
        assertThat(bearer.verify(secret)).hasValue(new BearerTokens.Caller("alice", Set.of("USER")));
        people.put("alice", alice(Set.of(Role.USER, Role.ADMIN), true, null));
        assertThat(bearer.verify(secret).orElseThrow().groups()).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(uses).containsExactly("t1", "t1");
    }

    @Test
    void aMalformedTokenIsRefusedWithoutALookup() {
        assertThat(bearer.verify("itk_short")).isEmpty();
        assertThat(bearer.verify("alice:password")).isEmpty();
        assertThat(lookups).isEmpty();
    }

    @Test
    void anUnknownOrRevokedTokenIsRefused() {
        assertThat(bearer.verify(TokenSecrets.newSecret())).isEmpty();
        grants.clear(); // revoked
        assertThat(bearer.verify(secret)).isEmpty();
        assertThat(uses).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedFromItsExpiryOn() {
        at(MADE.plus(Duration.ofDays(1)).minusMillis(1));
        assertThat(bearer.verify(secret)).isPresent();
        at(MADE.plus(Duration.ofDays(1)));
        assertThat(bearer.verify(secret)).isEmpty();
    }

    @Test
    void aDeactivationOrAPasswordChangeAfterTheTokenWasMadeEndsIt() {
        people.put("alice", alice(Set.of(Role.USER), false, MADE.plusSeconds(30)));
        assertThat(bearer.verify(secret)).as("deactivated").isEmpty();
        people.put("alice", alice(Set.of(Role.USER), true, MADE.plusSeconds(30)));
        assertThat(bearer.verify(secret))
                .as("reactivated: the old token stays over")
                .isEmpty();
        people.put("alice", alice(Set.of(Role.USER), true, MADE.minusSeconds(30)));
        assertThat(bearer.verify(secret))
                .as("a password change before the token was made")
                .isPresent();
        people.remove("alice");
        assertThat(bearer.verify(secret)).as("an owner who no longer exists").isEmpty();
    }

    private void at(Instant now) {
        bearer.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static Person alice(Set<Role> roles, boolean active, Instant credentialsChangedAt) {
        return new Person("alice", "Alice", "alice@example.com", roles, active, false, credentialsChangedAt);
    }
}
