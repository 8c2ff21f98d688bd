package org.issuetracker.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token: a secret its owner's integrations send as {@code Authorization: Bearer}, standing for the
 * owner. Only the SHA-256 digest of the secret is kept ({@code digest}, hex): the secret itself is shown once, when
 * the token is made, and cannot be recovered from what is stored. {@code expiresAt} {@code null}: until revoked;
 * {@code lastUsedAt} is updated at most once a minute, so it is a minute coarse.
 */
public record ApiToken(
        String id, String owner, String name, String digest, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the token has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
