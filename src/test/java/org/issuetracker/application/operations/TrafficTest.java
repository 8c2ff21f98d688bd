package org.issuetracker.application.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrafficTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Traffic traffic = new Traffic(now::get);

    @Test
    void countsRequestsAndErrorsByClassOverTheWindow() {
        advance(Duration.ofSeconds(60));
        traffic.count(200);
        traffic.count(304);
        traffic.count(404);
        traffic.count(503);

        Traffic.Snapshot snapshot = traffic.snapshot();

        assertThat(snapshot.requests()).isEqualTo(4);
        assertThat(snapshot.clientErrors()).isEqualTo(1);
        assertThat(snapshot.serverErrors()).isEqualTo(1);
        assertThat(snapshot.serverErrorRatio()).isEqualTo(0.25);
        assertThat(snapshot.windowSeconds()).isEqualTo(60); // shorter than 5 minutes: the time since start
        assertThat(snapshot.requestsPerSecond()).isEqualTo(4 / 60.0);
    }

    @Test
    void forgetsWhatIsOlderThanFiveMinutesButKeepsTheTotals() {
        traffic.count(500);
        advance(Duration.ofMinutes(4));
        traffic.count(200);
        advance(Duration.ofMinutes(2).plusSeconds(5)); // the 500 is now 6 minutes old, the 200 two

        Traffic.Snapshot snapshot = traffic.snapshot();

        // 29 full ten-second buckets and 5 s of the current one
        assertThat(snapshot.windowSeconds()).isEqualTo(295);
        assertThat(snapshot.requests()).isEqualTo(1);
        assertThat(snapshot.serverErrors()).isZero();
        assertThat(snapshot.requestsSinceStart()).isEqualTo(2);
        assertThat(snapshot.serverErrorsSinceStart()).isEqualTo(1);
    }

    @Test
    void aSlotReusedAfterTheWindowStartsFromZero() {
        traffic.count(200);
        traffic.count(200);
        advance(Duration.ofSeconds(Traffic.BUCKETS * 10L)); // the same slot of the ring, one lap later
        traffic.count(404);

        Traffic.Snapshot snapshot = traffic.snapshot();

        assertThat(snapshot.requests()).isEqualTo(1);
        assertThat(snapshot.clientErrors()).isEqualTo(1);
    }

    @Test
    void nothingYet() {
        Traffic.Snapshot snapshot = traffic.snapshot();

        assertThat(snapshot.requests()).isZero();
        assertThat(snapshot.serverErrorRatio()).isZero();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
