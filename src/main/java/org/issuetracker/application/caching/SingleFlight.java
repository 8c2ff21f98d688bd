package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stampede protection: when many requests miss the same key at once, one of them loads it (from MongoDB) and the
 * others wait for that load and share its result, instead of all loading the same thing. Per application instance:
 * across instances each loads at most once.
 */
@ApplicationScoped
public class SingleFlight {

    /** A load of a value, which may throw what the intercepted method throws. */
    @FunctionalInterface
    public interface Load {
        Object run() throws Exception;
    }

    private final Map<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    @Inject
    CacheSettings settings;

    @Inject
    CacheMetrics metrics;

    /**
     * Runs {@code load} unless a load of {@code key} is already running; then waits for that one (at most
     * {@code cache.load-wait}) and returns its result. If that load fails or takes too long, loads itself.
     */
    public Object load(CacheRegion region, String key, Load load) throws Exception {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            metrics.coalesced(region);
            try {
                return running.get(settings.loadWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return load.run(); // the leader failed or hangs: this request's own try
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
        }
        try {
            Object value = load.run();
            mine.complete(value);
            return value;
        } catch (Exception | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }
}
