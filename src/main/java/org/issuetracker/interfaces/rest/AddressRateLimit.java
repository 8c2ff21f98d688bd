package org.issuetracker.interfaces.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests per client address, as a token bucket per address (a burst of
 * {@code perMinute}, then one more every {@code 60 s / perMinute}). In the memory of one instance: behind a balancer
 * that spreads a client's requests over n instances, a client gets up to n times the limit, which is enough to stop
 * one client from turning an expensive request into a flood. Addresses whose bucket has filled up again are
 * forgotten, so the map stays as small as the set of recently busy clients.
 */
final class AddressRateLimit {

    /** Beyond this many addresses, the idle ones are dropped (and, if all are busy, every one: a reset). */
    static final int MAX_TRACKED = 10_000;

    private final int perMinute;
    private final Duration refill;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AddressRateLimit(int perMinute) {
        this.perMinute = perMinute;
        this.refill = Duration.ofMinutes(1).dividedBy(perMinute);
    }

    /** Takes one request from the address' allowance: empty when allowed, else how long to wait for the next. */
    Optional<Duration> take(String address, Instant now) {
        if (buckets.size() > MAX_TRACKED) {
            forgetIdle(now);
        }
        Duration[] wait = new Duration[1];
        buckets.compute(address, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(perMinute, now) : bucket.refilled(now, perMinute, refill);
            if (current.tokens() == 0) {
                wait[0] = Duration.between(now, current.since().plus(refill));
                return current;
            }
            return new Bucket(current.tokens() - 1, current.since());
        });
        return Optional.ofNullable(wait[0]);
    }

    int tracked() {
        return buckets.size();
    }

    private void forgetIdle(Instant now) {
        buckets.entrySet()
                .removeIf(e -> e.getValue().refilled(now, perMinute, refill).tokens() == perMinute);
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
    }

    /** The tokens left, counted as of {@code since} (the last refill). */
    private record Bucket(int tokens, Instant since) {

        Bucket refilled(Instant now, int capacity, Duration refill) {
            long earned = Duration.between(since, now).toNanos() / refill.toNanos();
            if (earned <= 0) {
                return this;
            }
            if (tokens + earned >= capacity) {
                return new Bucket(capacity, now);
            }
            return new Bucket((int) (tokens + earned), since.plus(refill.multipliedBy(earned)));
        }
    }
}
