package org.issuetracker.application.preflight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * What this instance saw of its surroundings, for the checklist: when a request last came over HTTPS (the request
 * itself secure, or {@code X-Forwarded-Proto: https} from the load balancer), when one last came through a proxy
 * ({@code X-Forwarded-For}), and when the metrics were last scraped (the scrape reads a gauge registered for this).
 * Each instance sees only its own traffic.
 */
@ApplicationScoped
public class EdgeObservations {

    Clock clock = Clock.systemUTC();

    @Inject
    MetricRegistry registry;

    private final AtomicReference<Instant> https = new AtomicReference<>();
    private final AtomicReference<Instant> forwarded = new AtomicReference<>();
    private final AtomicReference<Instant> scraped = new AtomicReference<>();

    /** Called for every request: {@code secure} as the server decided it (scheme mapping included). */
    public void request(boolean secure, String forwardedProto, String forwardedFor) {
        Instant now = clock.instant();
        if (secure || "https".equalsIgnoreCase(forwardedProto)) {
            https.set(now);
        }
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            forwarded.set(now);
        }
    }

    /**
     * Registers {@code metrics.scrape.interval}, read by every scrape of {@code /metrics} (nothing in the application
     * reads it): each read notes the scrape, and answers the seconds since the one before (0 on the first).
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(
                Metadata.builder()
                        .withName("metrics.scrape.interval")
                        .withDescription("Seconds between the latest two scrapes of this instance's metrics")
                        .withUnit(MetricUnits.SECONDS)
                        .build(),
                this,
                EdgeObservations::scraped);
    }

    /** Notes a scrape; the seconds since the one before. */
    double scraped() {
        Instant now = clock.instant();
        Instant before = scraped.getAndSet(now);
        return before == null ? 0 : Duration.between(before, now).toMillis() / 1000.0;
    }

    public Optional<Instant> lastHttps() {
        return Optional.ofNullable(https.get());
    }

    public Optional<Instant> lastForwarded() {
        return Optional.ofNullable(forwarded.get());
    }

    public Optional<Instant> lastScrape() {
        return Optional.ofNullable(scraped.get());
    }
}
