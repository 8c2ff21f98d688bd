package org.issuetracker.infrastructure.mongo;

import com.mongodb.connection.ServerId;
import com.mongodb.event.ConnectionCheckOutFailedEvent;
import com.mongodb.event.ConnectionCheckOutStartedEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolClosedEvent;
import com.mongodb.event.ConnectionPoolCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The driver's connection pools (one per MongoDB server), summed, as gauges: {@code mongodb.pool.size} (open
 * connections), {@code mongodb.pool.checkedout} (in use by a request), {@code mongodb.pool.waitqueue} (requests
 * waiting for a connection) and {@code mongodb.pool.max} (the pools' limit). Requests waiting while every connection
 * is checked out means the pool is too small, or MongoDB too slow.
 */
@ApplicationScoped
public class MongoPoolMetrics implements ConnectionPoolListener {

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong checkedOut = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();
    /** Each server's pool limit: a replica set has a pool per member, which come and go with the topology. */
    private final Map<ServerId, Integer> maxByServer = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    /** Registered at start-up (not first inside a health check: Payara 6.2025.10 then fails with a NullPointerException in its MetricsServiceImpl). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        open.get();
    }

    @PostConstruct
    void register() {
        gauge("mongodb.pool.size", "Open connections to MongoDB, over all servers", open);
        gauge("mongodb.pool.checkedout", "Connections to MongoDB in use by a request", checkedOut);
        gauge("mongodb.pool.waitqueue", "Requests waiting for a connection to MongoDB", waiting);
        registry.gauge(
                Metadata.builder()
                        .withName("mongodb.pool.max")
                        .withDescription("The most connections the pools may open, over all servers")
                        .build(),
                maxByServer,
                pools -> pools.values().stream().mapToLong(Integer::longValue).sum());
    }

    private void gauge(String name, String description, AtomicLong value) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(), value, AtomicLong::get);
    }

    @Override
    public void connectionPoolCreated(ConnectionPoolCreatedEvent event) {
        maxByServer.put(event.getServerId(), event.getSettings().getMaxSize());
    }

    @Override
    public void connectionPoolClosed(ConnectionPoolClosedEvent event) {
        maxByServer.remove(event.getServerId());
    }

    @Override
    public void connectionCheckOutStarted(ConnectionCheckOutStartedEvent event) {
        waiting.incrementAndGet();
    }

    @Override
    public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
        waiting.decrementAndGet();
        checkedOut.incrementAndGet();
    }

    @Override
    public void connectionCheckOutFailed(ConnectionCheckOutFailedEvent event) {
        waiting.decrementAndGet();
    }

    @Override
    public void connectionCheckedIn(ConnectionCheckedInEvent event) {
        checkedOut.decrementAndGet();
    }

    @Override
    public void connectionCreated(ConnectionCreatedEvent event) {
        open.incrementAndGet();
    }

    @Override
    public void connectionClosed(ConnectionClosedEvent event) {
        open.decrementAndGet();
    }
}
