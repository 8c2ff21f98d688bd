package org.issuetracker.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.issuetracker.application.operations.SignInAttempts;
import org.issuetracker.infrastructure.config.ConfigValues;
import org.issuetracker.infrastructure.security.ThrottleRule.Kind;
import org.redisson.api.RedissonClient;

/**
 * Every password check of the application (HTTP Basic and the sign-in form) goes through here: refused before the
 * password is hashed while the account or the client address waits after too many failures ({@link ThrottleRule},
 * {@code security.throttle.*}), counted after. Only password checks are throttled: a signed-in session is never
 * refused because someone else guessed at its account's password.
 *
 * <p>Metrics: {@code signin.failures} (passwords refused) and {@code signin.throttled} tagged {@code kind} ({@code
 * account}, {@code address}: attempts refused unchecked).
 */
@ApplicationScoped
public class SignInThrottle implements SignInAttempts {

    private static final Metadata FAILURES = Metadata.builder()
            .withName("signin.failures")
            .withDescription("Passwords refused (wrong, or the account unknown or deactivated)")
            .build();
    private static final Metadata THROTTLED = Metadata.builder()
            .withName("signin.throttled")
            .withDescription("Sign-ins refused before their password was checked: the account or the client address"
                    + " waits after too many failures")
            .build();

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Config config;

    @Inject
    MetricRegistry registry;

    @Inject
    RedissonClient redisson;

    private ThrottleLedger ledger;
    private Counter failures;
    private final Map<Kind, Counter> throttled = new EnumMap<>(Kind.class);

    @PostConstruct
    void init() {
        ConfigValues values = new ConfigValues(config);
        ThrottleRule account = ThrottleRule.configured(values, Kind.ACCOUNT);
        ThrottleRule address = ThrottleRule.configured(values, Kind.ADDRESS);
        int maxEntries = values.integer("security.throttle.memory.max-entries", 100, 10_000_000);
        var retryAfter = values.duration("security.throttle.redis.retry-after");
        values.validate();
        ledger = new ThrottleLedger(
                account,
                address,
                new LocalFailureCounts(Clock.systemUTC(), maxEntries),
                new RedisFailureCounts(redisson),
                retryAfter,
                System::nanoTime);
        failures = registry.counter(FAILURES);
        for (Kind kind : Kind.values()) {
            throttled.put(kind, registry.counter(THROTTLED, new Tag("kind", kind.tag())));
        }
    }

    /** Reads the settings (a malformed one fails the deployment) and registers the metrics while the app starts. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        failures.getCount();
    }

    /**
     * Checks the password against the user store, unless this account or this client's address must wait: then
     * nothing is checked (no hash is computed) and {@link SignInThrottledException} says how long.
     */
    public CredentialValidationResult validate(HttpServletRequest request, String username, String password) {
        ThrottleLedger.Attempt attempt = ledger.attempt(username, ClientAddress.of(request));
        Optional<ThrottleLedger.Refusal> refusal = attempt.refusal();
        if (refusal.isPresent()) {
            throttled.get(refusal.get().kind()).inc();
            throw new SignInThrottledException(refusal.get().retryAfter());
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            attempt.succeeded();
        } else {
            failures.inc();
            attempt.failed();
        }
        return result;
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(
                failures.getCount(),
                throttled.get(Kind.ACCOUNT).getCount(),
                throttled.get(Kind.ADDRESS).getCount(),
                ledger.waitingNow(Kind.ACCOUNT),
                ledger.waitingNow(Kind.ADDRESS),
                !ledger.sharedUnavailable());
    }

    /** The API's answer to a throttled attempt: 429, {@code Retry-After} and a problem detail. */
    static void answer(HttpServletResponse response, SignInThrottledException throttled) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("type", "urn:issuetracker:problem:too-many-sign-ins")
                            .add("title", "Too Many Requests")
                            .add("status", 429)
                            .add(
                                    "detail",
                                    "Too many failed sign-ins for this account or from this address: try again in "
                                            + throttled.retryAfterSeconds() + " s")
                            .build()
                            .toString());
        } catch (IOException e) {
            // the client has gone; nothing more to tell it
        }
    }
}
