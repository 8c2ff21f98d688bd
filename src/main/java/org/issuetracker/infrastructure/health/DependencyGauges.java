package org.issuetracker.infrastructure.health;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.issuetracker.application.caching.CacheServer;
import org.issuetracker.application.operations.DependencyHealth.DependencyStatus;

/**
 * The dependencies' health as metrics, for alerting: every {@code health.monitor.interval} the probes run in the
 * background and set {@code dependency.up} (1 answered, 0 not; tag {@code dependency}), {@code dependency.latency}
 * (seconds) and Redis' {@code redis.memory.used}, {@code redis.memory.max} (bytes) and {@code redis.evicted.keys}.
 * A scrape only reads the last values, so it never waits for a dependency. Unknown values (Redis not answering) are
 * NaN.
 */
@ApplicationScoped
public class DependencyGauges {

    private static final Logger LOG = Logger.getLogger(DependencyGauges.class.getName());

    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    @Inject
    DependencyProbes probes;

    @Inject
    CacheServer cacheServer;

    @Inject
    HealthSettings settings;

    @Inject
    MetricRegistry registry;

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dependency-gauges");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.monitorInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
    }

    @PostConstruct
    void register() {
        for (String dependency : new String[] {"mongodb", "redis"}) {
            Tag tag = new Tag("dependency", dependency);
            gauge(
                    "dependency.up",
                    "1 if the dependency answered its last background probe, else 0",
                    null,
                    "up|" + dependency,
                    tag);
            gauge(
                    "dependency.latency",
                    "How long the dependency took to answer its last background probe",
                    MetricUnits.SECONDS,
                    "latency|" + dependency,
                    tag);
        }
        gauge("redis.memory.used", "Redis used_memory (summed over a Cluster's primaries)", MetricUnits.BYTES, "used");
        gauge("redis.memory.max", "Redis maxmemory (0: no limit)", MetricUnits.BYTES, "max");
        gauge("redis.evicted.keys", "Keys Redis evicted to stay under maxmemory, since it started", null, "evicted");
    }

    private void gauge(String name, String description, String unit, String key, Tag... tags) {
        values.put(key, Double.NaN);
        var metadata = Metadata.builder().withName(name).withDescription(description);
        if (unit != null) {
            metadata.withUnit(unit);
        }
        registry.gauge(metadata.build(), values, all -> all.get(key), tags);
    }

    void refresh() {
        try {
            for (DependencyStatus status : probes.check()) {
                values.put("up|" + status.name(), "UP".equals(status.state()) ? 1.0 : 0.0);
                values.put("latency|" + status.name(), status.latencyMillis() / 1000.0);
            }
            var memory = cacheServer.memory();
            values.put("used", memory.map(m -> (double) m.usedBytes()).orElse(Double.NaN));
            values.put("max", memory.map(m -> (double) m.maxBytes()).orElse(Double.NaN));
            values.put("evicted", memory.map(m -> (double) m.evictedKeys()).orElse(Double.NaN));
        } catch (RuntimeException | Error e) {
            // tried again at the next interval: a task that threw would never run again, freezing the gauges
            LOG.log(Level.WARNING, "Background dependency probe failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
