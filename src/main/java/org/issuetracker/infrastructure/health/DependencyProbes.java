package org.issuetracker.infrastructure.health;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.issuetracker.application.Failures;
import org.issuetracker.application.operations.DependencyHealth;
import org.redisson.api.RedissonClient;

/**
 * Asks MongoDB and Redis whether they answer, each call on a thread of its own with a deadline, so that a hung
 * dependency makes its check fail in time instead of making the health endpoint hang.
 *
 * <p>A plain thread pool rather than a {@code ManagedExecutorService}: Payara runs health checks in the context of
 * its default web module, and a managed executor, propagating that context, refuses the task. The calls need no
 * container context (only the drivers').
 */
@ApplicationScoped
public class DependencyProbes implements DependencyHealth {

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "health-probe-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    MongoDatabase mongo;

    @Inject
    RedissonClient redis;

    @Inject
    HealthSettings settings;

    public Probe mongo() {
        return call(() -> mongo.runCommand(new Document("ping", 1)), settings.mongoTimeout());
    }

    public Probe redis() {
        return call(() -> redis.getBucket("issuetracker:health").isExists(), settings.redisTimeout());
    }

    /** Both at once, so the answer takes as long as the slower one (at most its timeout), not their sum. */
    @Override
    public List<DependencyStatus> check() {
        CompletableFuture<Probe> redisProbe = CompletableFuture.supplyAsync(this::redis, executor);
        Probe mongoProbe = mongo();
        Probe redisAnswer = redisProbe.join();
        return List.of(
                new DependencyStatus(
                        "mongodb",
                        mongoProbe.answered() ? "UP" : "DOWN",
                        true,
                        mongoProbe.latencyMillis(),
                        mongoProbe.failure()),
                new DependencyStatus(
                        "redis",
                        redisAnswer.answered() ? "UP" : "DEGRADED",
                        false,
                        redisAnswer.latencyMillis(),
                        redisAnswer.failure()));
    }

    private Probe call(java.util.concurrent.Callable<?> ping, Duration timeout) {
        long start = System.nanoTime();
        Future<?> answer = executor.submit(ping);
        try {
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Probe.answered(since(start));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Probe.failed(since(start), "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Probe.failed(since(start), Failures.describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.failed(since(start), "interrupted");
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
