package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once Redis has answered once: a new node should not join with its cache never configured right. Once
 * started, a Redis outage is the readiness check's business (and only degrades it).
 */
@Startup
@ApplicationScoped
public class RedisStartupCheck implements HealthCheck {

    @Inject
    DependencyProbes probes;

    private volatile boolean started;

    @Override
    public HealthCheckResponse call() {
        if (started) {
            return HealthCheckResponse.named("redis").up().build();
        }
        Probe probe = probes.redis();
        if (!probe.answered()) {
            return HealthCheckResponse.named("redis")
                    .down()
                    .withData("error", "Redis has not answered yet: " + probe.failure())
                    .build();
        }
        started = true;
        return HealthCheckResponse.named("redis")
                .up()
                .withData("latencyMs", probe.latencyMillis())
                .build();
    }
}
