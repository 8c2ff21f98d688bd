package org.issuetracker.interfaces.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.issuetracker.application.user.IssuedToken;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.user.ApiToken;
import org.issuetracker.domain.user.NewApiToken;

/** The JSON of personal API tokens: what a client sends to make one, and what it reads back. */
final class TokenRepresentations {

    private TokenRepresentations() {}

    /**
     * The body of {@code POST /api/me/tokens}: a name, and optionally when it expires (an instant, or a date meaning
     * the start of that day in UTC). The rules are the domain's {@link NewApiToken} and the service's.
     */
    public record TokenRequest(String name, String expiresAt) {

        NewApiToken toNewToken() {
            return new NewApiToken(name, expiry(expiresAt));
        }

        private static Instant expiry(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return text.trim().length() == 10
                        ? LocalDate.parse(text.trim())
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                        : Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidReferenceException(
                        "expiresAt", "Must be a date (2027-01-31) or an instant (2027-01-31T10:00:00Z)");
            }
        }
    }

    /** A token as its owner and admins see it: never its secret, nor its digest. */
    public record TokenResponse(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
        static TokenResponse of(ApiToken token) {
            return new TokenResponse(
                    token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
        }
    }

    /** A token just made, with its secret: shown this once, and never again. */
    public record CreatedTokenResponse(String id, String name, Instant createdAt, Instant expiresAt, String token) {
        static CreatedTokenResponse of(IssuedToken issued) {
            ApiToken token = issued.token();
            return new CreatedTokenResponse(
                    token.id(), token.name(), token.createdAt(), token.expiresAt(), issued.secret());
        }
    }
}
