package org.issuetracker.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.issuetracker.application.RequestValidation;
import org.issuetracker.application.caching.CacheInvalidator;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.AuthenticationRequiredException;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.NotFoundException;
import org.issuetracker.domain.user.NewApiToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of personal API tokens: what may be made, who sees and revokes them, and what a revoke evicts. */
class ApiTokenServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Actor ALICE = new Actor("alice", Set.of(Actor.ROLE_USER));
    private static final Actor BOB = new Actor("bob", Set.of(Actor.ROLE_USER));
    private static final Actor ADMIN = new Actor("admin", Set.of(Actor.ROLE_USER, Actor.ROLE_ADMIN));

    MemoryTokens tokens = new MemoryTokens();
    List<String> evicted = new ArrayList<>();
    ApiTokenService service = new ApiTokenService();

    @BeforeEach
    void service() {
        service.tokens = tokens;
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.validation = new RequestValidation() {
            @Override
            public <T> T check(T value, String what) {
                return value; // Bean Validation runs in the container (ReferenceAndUserApiIT)
            }
        };
        service.invalidator = new CacheInvalidator() {
            @Override
            public void evict(CacheRegion region, Object key) {
                evicted.add(region.regionName() + ":" + key);
            }
        };
    }

    @Test
    void aNewTokenIsStoredAsItsDigestAndItsSecretOnlyHandedBack() {
        IssuedToken issued = service.create(new NewApiToken("  deploy bot ", NOW.plus(Duration.ofDays(30))), ALICE);

        assertThat(issued.token().owner()).isEqualTo("alice");
        assertThat(issued.token().name()).isEqualTo("deploy bot");
        assertThat(issued.token().digest()).isEqualTo(TokenSecrets.digest(issued.secret()));
        assertThat(tokens.byId.values().toString()).doesNotContain(issued.secret());
    }

    @Test
    void anExpiryIsInTheFutureAndAtMostAYearAndADayAway() {
        assertThatThrownBy(() -> service.create(new NewApiToken("old", NOW), ALICE))
                .isInstanceOfSatisfying(InvalidReferenceException.class, e -> assertThat(e.field())
                        .isEqualTo("expiresAt"));
        assertThatThrownBy(() -> service.create(new NewApiToken("far", NOW.plus(Duration.ofDays(367))), ALICE))
                .isInstanceOfSatisfying(InvalidReferenceException.class, e -> assertThat(e.field())
                        .isEqualTo("expiresAt"));
        assertThat(service.create(new NewApiToken("year", NOW.plus(Duration.ofDays(366))), ALICE))
                .isNotNull();
        assertThat(service.create(new NewApiToken("forever", null), ALICE)).isNotNull();
    }

    @Test
    void anAccountHasAtMostFiftyTokens() {
        for (int i = 0; i < ApiTokenService.MAX_PER_USER; i++) {
            service.create(new NewApiToken("token " + i, null), ALICE);
        }
        assertThatThrownBy(() -> service.create(new NewApiToken("one more", null), ALICE))
                .isInstanceOf(ConflictException.class);
        assertThat(service.create(new NewApiToken("bob's first", null), BOB)).isNotNull();
    }

    @Test
    void anonymousCallersMakeNoneAndOthersSeeNoneOfMine() {
        assertThatThrownBy(() -> service.create(new NewApiToken("x", null), Actor.ANONYMOUS))
                .isInstanceOf(AuthenticationRequiredException.class);
        service.create(new NewApiToken("mine", null), ALICE);
        assertThatThrownBy(() -> service.list("alice", BOB)).isInstanceOf(AccessDeniedException.class);
        assertThat(service.list("alice", ADMIN)).hasSize(1);
    }

    @Test
    void aRevokeRemovesTheTokenAndEvictsItsCachedEntryByDigest() {
        IssuedToken issued = service.create(new NewApiToken("ci", null), ALICE);
        String id = issued.token().id();

        assertThatThrownBy(() -> service.revoke("bob", id, BOB))
                .as("bob's own tokens do not include it: as if it did not exist")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.revoke("alice", id, BOB)).isInstanceOf(AccessDeniedException.class);
        assertThat(tokens.byId).containsKey(id);
        assertThat(evicted).isEmpty();

        service.revoke("alice", id.toUpperCase(), ALICE);

        assertThat(tokens.byId).doesNotContainKey(id);
        assertThat(evicted).containsExactly("tokens:" + issued.token().digest());
        assertThatThrownBy(() -> service.revoke("alice", id, ALICE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.revoke("alice", "not-an-id", ALICE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAdminRevokesAnyonesToken() {
        IssuedToken issued = service.create(new NewApiToken("leaked", null), ALICE);
        service.revoke("alice", issued.token().id(), ADMIN);
        assertThat(tokens.byId).isEmpty();
    }
}
