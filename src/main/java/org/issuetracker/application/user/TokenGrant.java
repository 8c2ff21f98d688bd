package org.issuetracker.application.user;

import java.time.Instant;
import org.issuetracker.domain.user.ApiToken;

/**
 * What a request needs to know of the token it carries: whose it is and until when. Never the digest or the secret,
 * and not the last use (which changes while the grant does not), so it may be cached by digest.
 */
public record TokenGrant(String id, String owner, Instant createdAt, Instant expiresAt) {

    public static TokenGrant of(ApiToken token) {
        return new TokenGrant(token.id(), token.owner(), token.createdAt(), token.expiresAt());
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
