package org.issuetracker.infrastructure.health;

import java.time.Duration;

/** What one call to a dependency showed: whether it answered in time, how long it took, and why not. */
public record Probe(boolean answered, Duration latency, String failure) {

    static Probe answered(Duration latency) {
        return new Probe(true, latency, null);
    }

    static Probe failed(Duration latency, String failure) {
        return new Probe(false, latency, failure);
    }

    long latencyMillis() {
        return latency.toMillis();
    }
}
