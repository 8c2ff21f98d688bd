package org.issuetracker.application.caching;

/**
 * A CDI event, fired after a write to MongoDB has succeeded: what it may have made wrong in one region. For an entity
 * region, the entry of {@code entityKey} ({@code null}: every entry); for a query region, every entry (a new
 * generation), or with an {@code aspect} only the entries that depend on it. Observed synchronously by {@link RegionCaches}, so the writer's next read already misses.
 */
public record CacheInvalidation(CacheRegion region, String entityKey, String aspect) {

    /** Every entry an invalidation of the whole data makes wrong. */
    public CacheInvalidation(CacheRegion region, String entityKey) {
        this(region, entityKey, null);
    }
}
