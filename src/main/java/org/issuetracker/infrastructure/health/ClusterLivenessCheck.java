package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.issuetracker.application.operations.ClusterMembership;

/**
 * Alive unless this instance merged back into its cluster after a split ({@link ClusterMembership#rejoinedAfterSplit}):
 * its in-memory copies of the sessions may then differ from the cluster's, and users it serves could get pages that
 * no longer match their forms. A restart loses no session (they are all in the cluster) and clears those copies, so
 * an orchestrator restarting on liveness heals it; without one, the operator does (docs/clustering.md). Never looks
 * at MongoDB or Redis.
 */
@Liveness
@ApplicationScoped
public class ClusterLivenessCheck implements HealthCheck {

    @Inject
    ClusterMembership cluster;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cluster");
        if (!cluster.replicatesSessions()) {
            return response.up().withData("members", 1).build();
        }
        return cluster.rejoinedAfterSplit()
                .map(at -> response.down()
                        .withData("rejoinedAfterSplitAt", at.toString())
                        .withData("action", "restart this instance: it loses no session")
                        .build())
                .orElseGet(() ->
                        response.up().withData("members", cluster.memberCount()).build());
    }
}
