package org.issuetracker.infrastructure.clustering;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.issuetracker.application.operations.ClusterMembership;
import org.issuetracker.application.operations.ClusterMembership.ClusterStatus;
import org.issuetracker.application.operations.InstanceName;

/**
 * The {@link ClusterMembership} of this server: Payara's Hazelcast data grid when the server has one (bound in JNDI
 * as {@code payara/Hazelcast}; with {@code --nocluster} it is a grid of one), otherwise an instance on its own whose
 * sessions the server does not replicate itself. Decided once, when the application starts ({@link ClusterGauges}).
 */
@ApplicationScoped
public class ClusterMembershipProducer {

    private static final Logger LOG = Logger.getLogger(ClusterMembershipProducer.class.getName());
    static final String PAYARA_HAZELCAST = "payara/Hazelcast";
    private static final String HAZELCAST_API = "com.hazelcast.core.HazelcastInstance";
    private static final String IMPLEMENTATION = "org.issuetracker.infrastructure.clustering.HazelcastSessionCluster";

    @Inject
    ServletContext servletContext;

    private static final ClusterMembership ALONE = () -> ClusterStatus.standalone(InstanceName.local());

    private ClusterMembership membership;

    /**
     * What the application injects: the cluster found at start, or until then (and for callers such as health checks
     * that Payara runs outside the application's web module, where the ServletContext is not usable) the instance
     * alone. Each call asks again, so a bean created early still sees the cluster once it is known.
     */
    @Produces
    ClusterMembership membership() {
        return new ClusterMembership() {
            @Override
            public ClusterStatus status() {
                return current().status();
            }

            @Override
            public int memberCount() {
                return current().memberCount();
            }

            @Override
            public boolean replicatesSessions() {
                return current().replicatesSessions();
            }

            @Override
            public ClusterMembership.SessionCopies sessionCopies() {
                return current().sessionCopies();
            }

            @Override
            public Optional<Instant> rejoinedAfterSplit() {
                return current().rejoinedAfterSplit();
            }
        };
    }

    private synchronized ClusterMembership current() {
        if (membership == null) {
            try {
                membership = discover(servletContext.getContextPath());
            } catch (RuntimeException notInTheApplication) {
                return ALONE;
            }
        }
        return membership;
    }

    /**
     * Finds the cluster once, for the web module at {@code contextPath} (its session map is named after it). Called
     * at start by {@link ClusterGauges} with the starting module's path, as the injected ServletContext is not usable
     * yet then.
     */
    synchronized ClusterMembership start(String contextPath) {
        if (membership == null) {
            membership = discover(contextPath);
        }
        return membership;
    }

    @PreDestroy
    synchronized void close() {
        if (membership instanceof AutoCloseable closeable) {
            try {
                closeable.close(); // Payara's Hazelcast outlives the application: take our listener off it
            } catch (Exception e) {
                LOG.warning("Could not remove the cluster listener: " + e);
            }
        }
    }

    private static ClusterMembership discover(String contextPath) {
        Object hazelcast = lookUpHazelcast();
        if (hazelcast != null) {
            try {
                // by name, so that a server without Hazelcast never loads a class that refers to it
                ClusterMembership cluster = (ClusterMembership) Class.forName(IMPLEMENTATION)
                        .getDeclaredConstructor(Object.class, String.class)
                        .newInstance(hazelcast, contextPath);
                LOG.info("HTTP sessions are replicated by Hazelcast (cluster "
                        + cluster.status().clusterName() + ", "
                        + cluster.status().size() + " member(s) now)");
                return cluster;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                LOG.warning("Hazelcast is bound at " + PAYARA_HAZELCAST + " but cannot be read (" + e
                        + "): the operations page shows this instance alone");
            }
        }
        LOG.info("This server replicates no HTTP sessions itself (no Hazelcast): the operations page shows this"
                + " instance alone");
        return ALONE;
    }

    private static Object lookUpHazelcast() {
        try {
            Class<?> api = Class.forName(HAZELCAST_API, false, ClusterMembershipProducer.class.getClassLoader());
            Object bound = new InitialContext().lookup(PAYARA_HAZELCAST);
            return api.isInstance(bound) ? bound : null;
        } catch (ClassNotFoundException | NamingException | LinkageError notThere) {
            return null;
        }
    }
}
