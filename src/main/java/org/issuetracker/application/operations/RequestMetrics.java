package org.issuetracker.application.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * HTTP requests as a timer in seconds, {@code http.server.requests}, tagged with {@code interface} ({@code api} for
 * JAX-RS, {@code web} for Faces views and the rest of the site, {@code monitoring} for health probes and scrapes that
 * pass through the application), {@code method}, {@code endpoint} (a JAX-RS path
 * template such as {@code /api/issues/{id}}, or a view such as {@code /issues/view.xhtml}: never a raw URL, so the
 * number of series stays bounded) and {@code status} (its class: {@code 2xx}...{@code 5xx}), with latency buckets
 * (microprofile-config.properties). Users' requests are also counted in this instance's {@link Traffic}.
 */
@ApplicationScoped
public class RequestMetrics {

    private static final Metadata REQUESTS = Metadata.builder()
            .withName("http.server.requests")
            .withDescription("HTTP requests by interface, method, endpoint or view, and status class")
            .withUnit(MetricUnits.SECONDS)
            .build();

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Traffic traffic = new Traffic();

    @Inject
    MetricRegistry registry;

    /** Registers the metrics while the application starts (not first inside a health check: Payara 6.2025.10 then fails with a NullPointerException in its MetricsServiceImpl). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        timers.size();
    }

    /** One finished request; an HTTP method other than the usual ones is recorded as {@code OTHER}. */
    public void record(String interfaceName, String httpMethod, String endpoint, int status, long nanos) {
        String method = METHODS.contains(httpMethod) ? httpMethod : "OTHER";
        String statusClass = (status / 100) + "xx";
        timers.computeIfAbsent(
                        interfaceName + "|" + method + "|" + endpoint + "|" + statusClass,
                        key -> registry.timer(
                                REQUESTS,
                                new Tag("interface", interfaceName),
                                new Tag("method", method),
                                new Tag("endpoint", endpoint),
                                new Tag("status", statusClass)))
                .update(Duration.ofNanos(nanos));
        if (!"monitoring".equals(interfaceName)) {
            traffic.count(status);
        }
    }

    public Traffic.Snapshot traffic() {
        return traffic.snapshot();
    }
}
