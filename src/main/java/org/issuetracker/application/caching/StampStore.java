package org.issuetracker.application.caching;

import java.time.Duration;
import java.util.List;

/**
 * Where the stamps live: small values, shared by every instance, that change whenever the data they stand for
 * changes ({@link Stamps}). The cache technology (Redis, through Redisson) implements it; every call may throw when
 * the store cannot be reached, and {@link RegionCaches} turns that into "no cache".
 */
public interface StampStore {

    /** The stamps' current values in the order of {@code keys}, {@code null} for one that does not exist. */
    List<String> read(List<String> keys);

    /**
     * The same, but a stamp that does not exist is created first with the value {@code fresh} gives (so a value
     * read here is never {@code null}); a created stamp expires after {@code ttl}.
     */
    List<String> readOrCreate(List<String> keys, java.util.function.Supplier<String> fresh, Duration ttl);

    /** Gives the stamp a new value, expiring after {@code ttl}. */
    void renew(String key, String value, Duration ttl);
}
