package org.issuetracker.infrastructure.clustering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.issuetracker.application.operations.ClusterMembership;
import org.issuetracker.application.operations.ClusterMembership.SessionCopies;

/**
 * The cluster as metrics, where the server replicates sessions itself: {@code cluster.members} (the members this
 * instance sees; alerting compares it with the number of instances scraped), {@code cluster.sessions.owned} and
 * {@code cluster.sessions.backups} (the session copies this instance holds), {@code cluster.sessions.bytes}. Each
 * is read from this instance's own view when scraped, never waiting for another member. Registered at start (MP
 * Metrics beans must not be first created inside a scrape or a health check).
 */
@ApplicationScoped
public class ClusterGauges {

    @Inject
    ClusterMembershipProducer producer;

    @Inject
    MetricRegistry registry;

    private ClusterMembership cluster;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        cluster = started instanceof ServletContext context
                ? producer.start(context.getContextPath())
                : producer.membership();
        if (!cluster.replicatesSessions()) {
            return; // nothing replicated by this server: no cluster to count
        }
        gauge(
                "cluster.members",
                "Members of the session-replication cluster this instance sees, itself included",
                null,
                () -> cluster.memberCount());
        gauge(
                "cluster.sessions.owned",
                "HTTP sessions whose primary copy this instance holds",
                null,
                copies(SessionCopies::owned));
        gauge(
                "cluster.sessions.backups",
                "Backup copies of other members' HTTP sessions this instance holds",
                null,
                copies(SessionCopies::backups));
        gauge(
                "cluster.sessions.bytes",
                "Memory the HTTP sessions owned here take, serialized",
                MetricUnits.BYTES,
                copies(SessionCopies::ownedBytes));
    }

    private Supplier<Long> copies(ToLongFunction<SessionCopies> figure) {
        return () -> {
            SessionCopies copies = cluster.sessionCopies();
            return copies == null ? 0L : figure.applyAsLong(copies);
        };
    }

    private void gauge(String name, String description, String unit, Supplier<? extends Number> value) {
        var metadata = Metadata.builder().withName(name).withDescription(description);
        if (unit != null) {
            metadata.withUnit(unit);
        }
        registry.gauge(metadata.build(), value);
    }
}
