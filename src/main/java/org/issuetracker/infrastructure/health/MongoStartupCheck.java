package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.issuetracker.application.setup.InitialData;
import org.issuetracker.infrastructure.mongo.MongoSchema;

/**
 * Started once MongoDB has answered, the indexes exist and the initial data is in place; from then on it stays UP
 * (readiness takes over).
 */
@Startup
@ApplicationScoped
public class MongoStartupCheck implements HealthCheck {

    @Inject
    DependencyProbes probes;

    @Inject
    MongoSchema schema;

    @Inject
    InitialData initialData;

    private volatile boolean started;

    @Override
    public HealthCheckResponse call() {
        if (started) {
            return HealthCheckResponse.named("mongodb").up().build();
        }
        Probe probe = probes.mongo();
        if (!probe.answered()) {
            return HealthCheckResponse.named("mongodb")
                    .down()
                    .withData("error", "MongoDB has not answered yet: " + probe.failure())
                    .build();
        }
        try {
            schema.ensure();
            initialData.ensure();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("mongodb")
                    .down()
                    .withData("error", "indexes or initial data could not be created: " + e.getMessage())
                    .build();
        }
        started = true;
        return HealthCheckResponse.named("mongodb")
                .up()
                .withData("latencyMs", probe.latencyMillis())
                .build();
    }
}
