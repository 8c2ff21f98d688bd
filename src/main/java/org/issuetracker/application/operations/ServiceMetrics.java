package org.issuetracker.application.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.issuetracker.application.Failures;

/**
 * Calls and failures per application service: {@code service.calls} (a timer in seconds, tag {@code service}) and
 * {@code service.failures} (tags {@code service}, {@code exception} = the exception's simple name, {@code kind} =
 * {@code client} for a caller's mistake the API answers with 4xx, else {@code server}). The error rate of a service
 * is {@code rate(service_failures_total{kind="server"}) / rate(service_calls_seconds_count)}.
 */
@ApplicationScoped
public class ServiceMetrics {

    private static final Metadata CALLS = Metadata.builder()
            .withName("service.calls")
            .withDescription("Calls of an application service (answered from the cache or not), and how long they took")
            .withUnit(MetricUnits.SECONDS)
            .build();
    private static final Metadata FAILURES = Metadata.builder()
            .withName("service.failures")
            .withDescription("Calls of an application service that ended with an exception, by type; kind=client for"
                    + " a caller's mistake (not found, invalid, denied, conflict), kind=server for everything else")
            .build();

    private final Map<String, Timer> calls = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    /** Registers the metrics while the application starts (not first inside a health check: Payara 6.2025.10 then fails with a NullPointerException in its MetricsServiceImpl). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        calls.size();
    }

    void called(String service, long nanos) {
        calls.computeIfAbsent(service, name -> registry.timer(CALLS, new Tag("service", name)))
                .update(Duration.ofNanos(nanos));
    }

    void failed(String service, Throwable failure) {
        String type = failure.getClass().getSimpleName();
        String kind = Failures.isClientMistake(failure) ? "client" : "server";
        failures.computeIfAbsent(
                        service + "|" + type,
                        key -> registry.counter(
                                FAILURES,
                                new Tag("service", service),
                                new Tag("exception", type),
                                new Tag("kind", kind)))
                .inc();
    }
}
