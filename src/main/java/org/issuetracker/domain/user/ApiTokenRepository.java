package org.issuetracker.domain.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API tokens are kept: by id, and findable by the digest of their secret (unique). */
public interface ApiTokenRepository {

    ApiToken add(ApiToken token);

    /** The token whose secret has this SHA-256 digest: one lookup on a unique index. */
    Optional<ApiToken> findByDigest(String digest);

    /** The owner's tokens, newest first. */
    List<ApiToken> byOwner(String owner);

    long countByOwner(String owner);

    /** Removes the owner's token with that id; the removed token, or empty if the owner has none with that id. */
    Optional<ApiToken> remove(String owner, String id);

    /** Notes a use at {@code at}, unless one at or after {@code notBefore} is noted already (another instance's). */
    void touch(String id, Instant at, Instant notBefore);
}
