package org.issuetracker.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.issuetracker.application.user.Person;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.domain.shared.PageRequest;
import org.issuetracker.domain.user.PasswordHasher;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserRepository;
import org.issuetracker.infrastructure.config.MapConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One hash per client per {@code security.basic.verified-for}, not per request, without ever accepting credentials
 * the account no longer has; and hashes made stronger at the next sign-in.
 */
class UserIdentityStoreTest {

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    /** Hashes as {@code fake:<iterations>:<password>}, counting how often it was asked to check one. */
    static final class CountingHasher implements PasswordHasher {
        int iterations = 600_000;
        int checks;

        @Override
        public String hash(String password) {
            return "fake:" + iterations + ":" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            checks++;
            return hash.endsWith(":" + password);
        }

        @Override
        public boolean outdated(String hash) {
            return Integer.parseInt(hash.split(":")[1]) < iterations;
        }
    }

    static final class MemoryUsers implements UserRepository {
        final Map<String, User> users = new HashMap<>();

        @Override
        public User add(User user) {
            users.put(user.username(), user);
            return user;
        }

        @Override
        public Optional<User> find(String username) {
            return Optional.ofNullable(users.get(username));
        }

        @Override
        public Optional<User> replace(User changed, long expectedVersion) {
            User next = new User(
                    changed.username(),
                    changed.displayName(),
                    changed.email(),
                    changed.roles(),
                    changed.active(),
                    changed.passwordHash(),
                    changed.createdAt(),
                    changed.modifiedAt(),
                    expectedVersion + 1,
                    changed.passwordChangeRequired(),
                    changed.credentialsChangedAt());
            users.put(changed.username(), next);
            return Optional.of(next);
        }

        @Override
        public Page<User> list(String usernamePrefix, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            return users.size();
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private final MemoryUsers users = new MemoryUsers();
    private final Instant[] now = {START};
    private UserIdentityStore store;
    private VerifiedCredentials verified;

    @BeforeEach
    void store() {
        verified = new VerifiedCredentials();
        verified.config = new MapConfig(Map.of("security.basic.verified-for", "PT5M"));
        verified.init();
        verified.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        store = new UserIdentityStore();
        store.users = users;
        store.hasher = hasher;
        store.verified = verified;
        store.people = new PersonLookup() {
            @Override
            public Person find(String username) {
                return users.find(username).map(Person::of).orElseGet(() -> Person.unknown(username));
            }
        };
        users.add(new User(
                "alice",
                "Alice",
                "alice@example.com",
                Set.of(Role.USER),
                true,
                hasher.hash("right-password"),
                START,
                START,
                0));
    }

    @Test
    void credentialsThatMatchedAreNotHashedAgainForFiveMinutes() {
        for (int request = 0; request < 100; request++) {
            assertThat(validate("alice", "right-password").getStatus())
                    .isEqualTo(CredentialValidationResult.Status.VALID);
        }
        assertThat(hasher.checks).isEqualTo(1);

        now[0] = START.plus(Duration.ofMinutes(5)).plusSeconds(1);
        assertThat(validate("alice", "right-password").getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
        assertThat(hasher.checks).as("checked again after five minutes").isEqualTo(2);
    }

    @Test
    void wrongPasswordsAreHashedEveryTimeAndNeverRemembered() {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(validate("alice", "guess-" + attempt).getStatus())
                    .isEqualTo(CredentialValidationResult.Status.INVALID);
        }
        assertThat(hasher.checks).isEqualTo(5);
        assertThat(verified.size()).isZero();
    }

    @Test
    void rememberedCredentialsAreRefusedOnceThePasswordChangedOrTheAccountWasDeactivated() {
        validate("alice", "right-password");
        now[0] = START.plusSeconds(10);
        User alice = users.find("alice").orElseThrow();
        users.replace(alice.withOwnPassword(hasher.hash("new-password"), now[0]), alice.version());
        now[0] = START.plusSeconds(20);

        assertThat(validate("alice", "right-password").getStatus())
                .isEqualTo(CredentialValidationResult.Status.INVALID);
        assertThat(validate("alice", "new-password").getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);

        alice = users.find("alice").orElseThrow();
        users.replace(alice.deactivated(now[0]), alice.version());
        assertThat(validate("alice", "new-password").getStatus()).isEqualTo(CredentialValidationResult.Status.INVALID);
    }

    @Test
    void theMemoryHoldsNeitherThePasswordNorTheUsername() {
        validate("alice", "right-password");
        assertThat(verified.size()).isEqualTo(1);
        assertThat(verified.holdsKeyContaining("right-password")).isFalse();
        assertThat(verified.holdsKeyContaining("alice")).isFalse();
    }

    @Test
    void aHashWithFewerIterationsThanConfiguredIsMadeAgainAtTheNextSuccessfulSignIn() {
        users.add(new User(
                "bob", "Bob", "bob@example.com", Set.of(Role.USER), true, "fake:10000:bobs-password", START, START, 0));

        validate("bob", "a-wrong-one");
        assertThat(users.find("bob").orElseThrow().passwordHash()).isEqualTo("fake:10000:bobs-password");

        validate("bob", "bobs-password");
        User bob = users.find("bob").orElseThrow();
        assertThat(bob.passwordHash()).isEqualTo("fake:600000:bobs-password");
        assertThat(bob.credentialsChangedAt())
                .as("the same password: no session ends")
                .isNull();
    }

    @Test
    void theShippedIterationsAreOwaspsAndDevAloneIsCheaper() throws Exception {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        assertThat(config.getProperty("security.password.iterations")).isEqualTo("600000");
        assertThat(config.getProperty("%dev.security.password.iterations")).isEqualTo("10000");

        Pbkdf2PasswordHasher pbkdf2 = new Pbkdf2PasswordHasher();
        pbkdf2.iterations = 600_000;
        assertThat(pbkdf2.outdated("PBKDF2WithHmacSHA256:10000:c2FsdA==:aGFzaA=="))
                .isTrue();
        assertThat(pbkdf2.outdated("PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA=="))
                .isFalse();
        assertThat(pbkdf2.outdated("not a hash")).isFalse();
    }

    private CredentialValidationResult validate(String username, String password) {
        return store.validate(new UsernamePasswordCredential(username, password));
    }
}
