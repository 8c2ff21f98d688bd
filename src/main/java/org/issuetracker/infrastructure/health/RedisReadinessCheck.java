package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: Redis is a cache, and every request is still served from MongoDB without it. The data says
 * {@code redis: UP} or {@code redis: DEGRADED} with the reason, for operators and alerts.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    @Inject
    DependencyProbes probes;

    @Override
    public HealthCheckResponse call() {
        Probe probe = probes.redis();
        var response = HealthCheckResponse.named("redis")
                .up()
                .withData("redis", probe.answered() ? "UP" : "DEGRADED")
                .withData("latencyMs", probe.latencyMillis());
        if (!probe.answered()) {
            response.withData("error", probe.failure() + " (requests are served from MongoDB without caching)");
        }
        return response.build();
    }
}
