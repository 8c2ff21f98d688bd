package org.issuetracker.application.operations;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * HTTP requests and errors over the last five minutes, in ten-second buckets, and since start: the request rate and
 * error rate of this instance for the operations page (Prometheus computes the same from
 * {@code http_server_requests_seconds_count} over all instances).
 */
public final class Traffic {

    static final int BUCKETS = 30;
    static final long BUCKET_NANOS = Duration.ofSeconds(10).toNanos();

    private final LongSupplier clock;
    private final long startedAt;
    private final long[] requests = new long[BUCKETS];
    private final long[] clientErrors = new long[BUCKETS];
    private final long[] serverErrors = new long[BUCKETS];
    private final long[] bucketOf = new long[BUCKETS];
    private long totalRequests;
    private long totalServerErrors;

    public Traffic() {
        this(System::nanoTime);
    }

    Traffic(LongSupplier clock) {
        this.clock = clock;
        this.startedAt = clock.getAsLong();
    }

    /** One finished request and its HTTP status. */
    public synchronized void count(int status) {
        int slot = slot(clock.getAsLong());
        requests[slot]++;
        totalRequests++;
        if (status >= 500) {
            serverErrors[slot]++;
            totalServerErrors++;
        } else if (status >= 400) {
            clientErrors[slot]++;
        }
    }

    public synchronized Snapshot snapshot() {
        long now = clock.getAsLong();
        long current = bucket(now);
        long inWindow = 0;
        long client = 0;
        long server = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketOf[i] > current - BUCKETS && bucketOf[i] <= current && requests[i] > 0) {
                inWindow += requests[i];
                client += clientErrors[i];
                server += serverErrors[i];
            }
        }
        // what the buckets cover: the older full ones and the current one so far, or the time since start if shorter
        double sinceStart = (now - startedAt) / 1e9;
        double covered = (BUCKETS - 1) * (BUCKET_NANOS / 1e9) + ((now - startedAt) % BUCKET_NANOS) / 1e9;
        double seconds = Math.max(1, Math.min(covered, sinceStart));
        return new Snapshot(
                Math.round(seconds),
                inWindow,
                client,
                server,
                inWindow / seconds,
                inWindow == 0 ? 0 : (double) server / inWindow,
                totalRequests,
                totalServerErrors);
    }

    private int slot(long now) {
        long bucket = bucket(now);
        int slot = (int) Math.floorMod(bucket, (long) BUCKETS);
        if (bucketOf[slot] != bucket) {
            bucketOf[slot] = bucket;
            requests[slot] = 0;
            clientErrors[slot] = 0;
            serverErrors[slot] = 0;
        }
        return slot;
    }

    private long bucket(long now) {
        return (now - startedAt) / BUCKET_NANOS + 1; // from 1, so that an untouched slot (0) is never current
    }

    /**
     * Requests over the last {@code windowSeconds} (five minutes, or less just after start), those answered 4xx and 5xx,
     * requests per second, the share answered 5xx, and the totals since start.
     */
    public record Snapshot(
            long windowSeconds,
            long requests,
            long clientErrors,
            long serverErrors,
            double requestsPerSecond,
            double serverErrorRatio,
            long requestsSinceStart,
            long serverErrorsSinceStart) {}
}
