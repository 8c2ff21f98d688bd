package org.issuetracker.application.caching;

/**
 * What a cache read found: a value, nothing (and under which key to store one), or no cache at all. A miss also
 * remembers what stood in the entry's place ({@code found}: nothing, or the marker of an invalidation), so that the
 * value loaded afterwards is stored only if no write invalidated the entry in the meantime.
 */
record Lookup(Outcome outcome, String key, String value, String found) {

    enum Outcome {
        HIT,
        MISS,
        UNAVAILABLE
    }

    static Lookup hit(String key, String value) {
        return new Lookup(Outcome.HIT, key, value, null);
    }

    static Lookup miss(String key, String found) {
        return new Lookup(Outcome.MISS, key, null, found);
    }

    static Lookup unavailable() {
        return new Lookup(Outcome.UNAVAILABLE, null, null, null);
    }
}
