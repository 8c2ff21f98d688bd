package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Invalidation for writes that only know after the fact which entry they changed (a comment edit changes the
 * comments of an issue whose id is in the comment, not in the call). Prefer {@link InvalidatesCache} where the key
 * is a parameter.
 */
@ApplicationScoped
public class CacheInvalidator {

    @Inject
    Event<CacheInvalidation> invalidations;

    /** Evicts one entry of an entity region. */
    public void evict(CacheRegion region, Object key) {
        if (region.kind() != CacheRegion.Kind.ENTITY) {
            throw new IllegalArgumentException(region + " is a query region: use newGeneration");
        }
        invalidations.fire(new CacheInvalidation(region, String.valueOf(key)));
    }

    /** Makes every entry of a query region unreachable. */
    public void newGeneration(CacheRegion region) {
        if (region.kind() != CacheRegion.Kind.QUERY) {
            throw new IllegalArgumentException(region + " is an entity region: use evict");
        }
        invalidations.fire(new CacheInvalidation(region, null));
    }

    /** Makes every entry of every region unreachable: the database was replaced underneath (a restore). */
    public void everything() {
        for (CacheRegion region : CacheRegion.values()) {
            invalidations.fire(new CacheInvalidation(region, null));
        }
    }
}
