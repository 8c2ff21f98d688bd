package org.issuetracker.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the process itself is broken: no deadlocked threads, and the heap not full after collection.
 * Deliberately blind to MongoDB and Redis.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

    /** Above this share of the maximum heap still in use after a collection, the process is thrashing. */
    static final double MAX_HEAP_AFTER_GC = 0.98;

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        int deadlockedCount = deadlocked == null ? 0 : deadlocked.length;
        double heapUsed = heapUsedAfterCollection();
        return HealthCheckResponse.named("process")
                .status(deadlockedCount == 0 && heapUsed < MAX_HEAP_AFTER_GC)
                .withData("deadlockedThreads", deadlockedCount)
                .withData("heapUsedAfterGcPercent", Math.round(heapUsed * 100))
                .build();
    }

    private static double heapUsedAfterCollection() {
        long used = 0;
        long max = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null && pool.getType() == java.lang.management.MemoryType.HEAP && usage.getMax() > 0) {
                used += usage.getUsed();
                max += usage.getMax();
            }
        }
        return max == 0 ? 0 : (double) used / max;
    }
}
