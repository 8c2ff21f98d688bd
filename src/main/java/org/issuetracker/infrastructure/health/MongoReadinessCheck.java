package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while MongoDB answers in time: without it no request can be served, so traffic should go elsewhere. */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

    @Inject
    DependencyProbes probes;

    @Override
    public HealthCheckResponse call() {
        Probe probe = probes.mongo();
        var response = HealthCheckResponse.named("mongodb")
                .status(probe.answered())
                .withData("latencyMs", probe.latencyMillis());
        if (!probe.answered()) {
            response.withData("error", probe.failure());
        }
        return response.build();
    }
}
