package org.issuetracker.application.caching;

/** What a cache read found: a value, nothing (and under which key to store one), or no cache at all. */
record Lookup(Outcome outcome, String key, String value) {

    enum Outcome {
        HIT,
        MISS,
        UNAVAILABLE
    }

    static Lookup hit(String key, String value) {
        return new Lookup(Outcome.HIT, key, value);
    }

    static Lookup miss(String key) {
        return new Lookup(Outcome.MISS, key, null);
    }

    static Lookup unavailable() {
        return new Lookup(Outcome.UNAVAILABLE, null, null);
    }
}
