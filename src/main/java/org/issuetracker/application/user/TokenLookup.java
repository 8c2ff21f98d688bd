package org.issuetracker.application.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.CachedIn;
import org.issuetracker.domain.user.ApiTokenRepository;

/**
 * API tokens by the digest of their secret, read through the {@code tokens} cache region: a client sending its
 * token with every request costs one Redis read, not a MongoDB query. An unknown digest is {@code null}, which is
 * never cached, so a revoked token (removed, and its entry invalidated) cannot be answered from the cache.
 */
@ApplicationScoped
public class TokenLookup {

    @Inject
    ApiTokenRepository tokens;

    @CachedIn(CacheRegion.TOKENS)
    public TokenGrant find(String digest) {
        return tokens.findByDigest(digest).map(TokenGrant::of).orElse(null);
    }
}
