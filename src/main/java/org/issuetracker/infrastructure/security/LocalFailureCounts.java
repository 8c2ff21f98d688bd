package org.issuetracker.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins in this instance's memory: what throttles while Redis does not answer. At most {@code maxEntries} keys: past that, the forgotten ones go, then those that
 * wait for nothing; when every key is waiting, a new key is not counted here (Redis still counts it), so that a flood
 * of new names cannot push the waiting ones out.
 */
final class LocalFailureCounts implements FailureCounts {

    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    LocalFailureCounts(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    @Override
    public State state(String key) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry == null || !entry.forgetAt.isAfter(now)) {
            return State.NONE;
        }
        return new State(
                entry.failures,
                entry.blockedUntil.isAfter(now) ? Duration.between(now, entry.blockedUntil) : Duration.ZERO);
    }

    @Override
    public long failed(String key, Duration forgetAfter) {
        Instant now = clock.instant();
        if (!entries.containsKey(key) && !roomFor(now)) {
            return 0;
        }
        Entry counted = entries.compute(
                key,
                (k, entry) -> entry == null || !entry.forgetAt.isAfter(now)
                        ? new Entry(1, now.plus(forgetAfter), now)
                        : new Entry(entry.failures + 1, now.plus(forgetAfter), entry.blockedUntil));
        return counted.failures;
    }

    @Override
    public void block(String key, Duration wait) {
        Instant until = clock.instant().plus(wait);
        entries.computeIfPresent(
                key,
                (k, entry) -> entry.blockedUntil.isBefore(until)
                        ? new Entry(entry.failures, entry.forgetAt.isBefore(until) ? until : entry.forgetAt, until)
                        : entry);
    }

    @Override
    public void forget(String key) {
        entries.remove(key);
    }

    /** The keys starting with {@code prefix} that wait now. */
    int waiting(String prefix) {
        Instant now = clock.instant();
        return (int) entries.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)
                        && e.getValue().blockedUntil.isAfter(now))
                .count();
    }

    int size() {
        return entries.size();
    }

    private boolean roomFor(Instant now) {
        if (entries.size() < maxEntries) {
            return true;
        }
        entries.values().removeIf(entry -> !entry.forgetAt.isAfter(now));
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !entry.blockedUntil.isAfter(now));
        }
        return entries.size() < maxEntries;
    }

    private record Entry(long failures, Instant forgetAt, Instant blockedUntil) {}
}
