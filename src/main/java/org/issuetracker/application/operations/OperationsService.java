package org.issuetracker.application.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.issuetracker.application.caching.TtlAdvisor;
import org.issuetracker.application.operations.DependencyHealth.DependencyStatus;
import org.issuetracker.application.operations.IndexCatalog.CollectionIndexes;
import org.issuetracker.domain.shared.Actor;

/**
 * The troubleshooting steps of the operations guide on one page, asked fresh each time: is every dependency
 * answering and how fast; is the cache hitting, and what the TTL advisor says per region; how full Redis is and
 * what it evicted; whether MongoDB has the indexes the queries need; how many requests this instance serves and how
 * many fail; how many sign-ins failed or were throttled; which instances form the cluster and what this one holds of the replicated sessions; and the latest
 * server errors with their incident ids. Admins only.
 */
@ApplicationScoped
public class OperationsService {

    private static final Logger LOG = Logger.getLogger(OperationsService.class.getName());

    @Inject
    DependencyHealth dependencies;

    @Inject
    TtlAdvisor advisor;

    @Inject
    IndexCatalog indexCatalog;

    @Inject
    RequestMetrics requests;

    @Inject
    RecentErrors recentErrors;

    @Inject
    ClusterMembership cluster;

    @Inject
    SignInAttempts signIns;

    public OperationsReport report(Actor actor) {
        actor.requireAdmin("see the operations report");
        List<DependencyStatus> health = dependencies.check();
        boolean mongoAnswers = health.stream()
                .anyMatch(status ->
                        status.name().equals("mongodb") && status.state().equals("UP"));
        List<CollectionIndexes> indexes = List.of();
        String indexError = null;
        if (mongoAnswers) {
            try {
                indexes = indexCatalog.indexes();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not list MongoDB's indexes", e);
                indexError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        } else {
            indexError = "MongoDB does not answer";
        }
        return new OperationsReport(
                Instant.now(),
                InstanceName.local(),
                health,
                clusterStatus(),
                advisor.report(actor),
                indexes,
                indexError,
                requests.traffic(),
                signIns.snapshot(),
                recentErrors.latest());
    }

    private ClusterMembership.ClusterStatus clusterStatus() {
        try {
            return cluster.status();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the cluster's membership", e);
            return ClusterMembership.ClusterStatus.standalone(InstanceName.local());
        }
    }

    /**
     * Everything on the page. {@code instance} names the instance that answered (its traffic and errors are its own;
     * behind a load balancer each instance has its own). {@code indexError} says why {@code indexes} is empty when MongoDB could not be asked;
     * the cache report's Redis memory is empty when Redis does not answer.
     */
    public record OperationsReport(
            Instant generatedAt,
            String instance,
            List<DependencyStatus> dependencies,
            ClusterMembership.ClusterStatus cluster,
            TtlAdvisor.Report cache,
            List<CollectionIndexes> indexes,
            String indexError,
            Traffic.Snapshot traffic,
            SignInAttempts.Snapshot signIns,
            List<RecentErrors.ServerError> recentErrors) {

        /** UP when every dependency is, DOWN when a required one is, else DEGRADED. */
        public String overall() {
            if (dependencies.stream().anyMatch(d -> d.required() && !d.state().equals("UP"))) {
                return "DOWN";
            }
            return dependencies.stream().allMatch(d -> d.state().equals("UP")) ? "UP" : "DEGRADED";
        }
    }
}
