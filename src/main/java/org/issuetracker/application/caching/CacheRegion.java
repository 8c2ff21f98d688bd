package org.issuetracker.application.caching;

/**
 * A family of cache entries with one time-to-live and one way of being invalidated. Each region is one JCache
 * {@code Cache}; its TTL is the MicroProfile Config property {@link #ttlProperty()}.
 */
public enum CacheRegion {
    /** Single issues, keyed by id; a write evicts exactly the issue it changed. */
    ISSUES("issues", Kind.ENTITY),
    /** Lists, pages and counts of issues, label suggestions; any issue write makes every one possibly wrong. */
    ISSUE_QUERIES("issue-queries", Kind.QUERY),
    /** The visible comments of one issue, keyed by the issue's id. */
    COMMENTS("comments", Kind.ENTITY),
    /** Categories and statuses; they change rarely, and every change starts a new generation. */
    REFERENCE("reference", Kind.QUERY),
    /** Public profiles of users (names, roles, active), keyed by username; never password hashes. */
    USERS("users", Kind.ENTITY),
    /** The summary report and dashboard figures. */
    REPORTS("reports", Kind.QUERY),
    /**
     * Per-user session data (preferences), keyed by username. Kept only in the cache, which is its store: losing it
     * (Redis gone, TTL over) means the defaults again, never an error.
     */
    SESSIONS("sessions", Kind.ENTITY),
    /**
     * API tokens by the digest of their secret (owner, expiry: never the secret); a revoke evicts the token's entry.
     * Unknown digests are not cached, so a revoked token is never answered from here.
     */
    TOKENS("tokens", Kind.ENTITY);

    /** How a region is invalidated. */
    public enum Kind {
        /** Keyed by one entity's id: a write evicts that key. */
        ENTITY,
        /** Keyed by the query's arguments under a region generation: a write starts a new generation. */
        QUERY
    }

    private final String regionName;
    private final Kind kind;

    CacheRegion(String regionName, Kind kind) {
        this.regionName = regionName;
        this.kind = kind;
    }

    /** The name operators see: in metrics tags, configuration keys and Redis keys. */
    public String regionName() {
        return regionName;
    }

    public Kind kind() {
        return kind;
    }

    public String cacheName() {
        return "issuetracker:" + regionName;
    }

    public String ttlProperty() {
        return "cache.ttl." + regionName;
    }
}
