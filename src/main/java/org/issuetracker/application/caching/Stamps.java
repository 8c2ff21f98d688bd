package org.issuetracker.application.caching;

import java.util.List;

/**
 * The names of the stamps. A stamp is a small shared value that every invalidation replaces with a value never
 * used before: one per region (a query region's new generation, an entity region's clear) and one per entity key.
 * Whatever was built from a read of a region remembers the stamps it saw before that read; while they all still
 * hold the same values, nothing it was built from has changed, on any instance. A stamp that is gone (expired,
 * evicted, Redis restarted empty) matches nothing, so losing stamps can only cost a rebuild, never a stale answer.
 */
final class Stamps {

    static final String PREFIX = "issuetracker:stamp:";

    private Stamps() {}

    /** The stamp every invalidation of the whole region replaces. */
    static String ofRegion(CacheRegion region) {
        return PREFIX + region.regionName();
    }

    /** The stamp an invalidation of one entity replaces. */
    static String ofEntity(CacheRegion region, String key) {
        return PREFIX + region.regionName() + ":" + key;
    }

    /** The stamp an invalidation of one aspect of a query region replaces. */
    static String ofAspect(CacheRegion region, String aspect) {
        return PREFIX + region.regionName() + "#" + aspect;
    }

    /** What a read of {@code rawKey} in {@code region} (depending on {@code aspect}, or null) depends on. */
    static List<String> of(CacheRegion region, String rawKey, String aspect) {
        if (region.kind() == CacheRegion.Kind.ENTITY) {
            return List.of(ofRegion(region), ofEntity(region, rawKey));
        }
        return aspect == null ? List.of(ofRegion(region)) : List.of(ofRegion(region), ofAspect(region, aspect));
    }
}
