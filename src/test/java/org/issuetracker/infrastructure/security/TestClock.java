package org.issuetracker.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, also as the {@code System.nanoTime} of what measures intervals. */
final class TestClock extends Clock {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private long nanos = 1_000_000_000L;

    void advance(Duration by) {
        now = now.plus(by);
        nanos += by.toNanos();
    }

    long nanoTime() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
