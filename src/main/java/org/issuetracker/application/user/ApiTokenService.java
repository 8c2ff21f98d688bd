package org.issuetracker.application.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.issuetracker.application.RequestValidation;
import org.issuetracker.application.caching.CacheInvalidator;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.operations.Monitored;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.Identifiers;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.NotFoundException;
import org.issuetracker.domain.user.ApiToken;
import org.issuetracker.domain.user.ApiTokenRepository;
import org.issuetracker.domain.user.NewApiToken;

/**
 * Personal API tokens: a user makes named ones for their integrations, sees each secret once, lists and revokes
 * them; admins list and revoke anyone's. A revoke takes effect on the next request on every instance: the token is
 * removed from MongoDB and its cache entry invalidated in the shared Redis.
 */
@Monitored
@ApplicationScoped
public class ApiTokenService {

    /** Enough for every integration a person runs; a bound so that no account can grow without end. */
    public static final int MAX_PER_USER = 50;
    /** The longest a token may be made for: a year and a day (a yearly rotation with a day's overlap). */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private static final SecureRandom IDS = new SecureRandom();

    @Inject
    RequestValidation validation;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    CacheInvalidator invalidator;

    Clock clock = Clock.systemUTC();

    /** Makes a token for the caller; its secret is in the answer and nowhere else. */
    public IssuedToken create(NewApiToken request, Actor actor) {
        actor.requireSignedIn("make API tokens");
        validation.check(request, "the token");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = request.expiresAt();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidReferenceException("expiresAt", "A token's expiry must be in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new InvalidReferenceException(
                    "expiresAt", "A token's expiry is at most " + MAX_LIFETIME.toDays() + " days away");
        }
        if (tokens.countByOwner(actor.username()) >= MAX_PER_USER) {
            throw new ConflictException(
                    "You have " + MAX_PER_USER + " API tokens, the most an account may have: revoke one first");
        }
        String secret = TokenSecrets.newSecret();
        ApiToken token = tokens.add(new ApiToken(
                newId(),
                actor.username(),
                request.name().strip(),
                TokenSecrets.digest(secret),
                now,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS),
                null));
        return new IssuedToken(token, secret);
    }

    /** The owner's tokens, newest first (never their secrets); the owner or an admin. */
    public List<ApiToken> list(String owner, Actor actor) {
        actor.requireSelfOrAdmin(owner, "see these API tokens");
        return tokens.byOwner(owner);
    }

    /**
     * Revokes one of the owner's tokens; the owner or an admin. A token of someone else's, like one that does not
     * exist, is a {@link NotFoundException}: nobody learns which ids exist.
     */
    public void revoke(String owner, String id, Actor actor) {
        actor.requireSelfOrAdmin(owner, "revoke these API tokens");
        ApiToken removed = tokens.remove(owner, Identifiers.parse("token", id))
                .orElseThrow(() -> new NotFoundException("token", id));
        invalidator.evict(CacheRegion.TOKENS, removed.digest());
    }

    private static String newId() {
        byte[] bits = new byte[12];
        IDS.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
