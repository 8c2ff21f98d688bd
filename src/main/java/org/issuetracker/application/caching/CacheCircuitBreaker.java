package org.issuetracker.application.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.issuetracker.application.Failures;

/**
 * Stops requests paying the cache's timeout again and again while the cache is unreachable. After a failure the
 * breaker stays open for {@code cache.circuit.open-for}; then one request at a time tries the cache again, and the
 * first success closes it.
 */
@ApplicationScoped
public class CacheCircuitBreaker {

    private static final Logger LOG = Logger.getLogger(CacheCircuitBreaker.class.getName());

    private final long openForNanos;
    private volatile boolean open;
    private volatile long retryAt;
    private final AtomicBoolean trialInFlight = new AtomicBoolean();

    @Inject
    public CacheCircuitBreaker(CacheSettings settings) {
        this.openForNanos = settings.circuitOpenFor().toNanos();
    }

    /** CDI needs a no-argument constructor for the client proxy. */
    protected CacheCircuitBreaker() {
        this.openForNanos = 0;
    }

    /** Whether the caller may use the cache now: always while closed; one caller at a time once the wait is over. */
    public boolean allowsCalls() {
        if (!open) {
            return true;
        }
        return System.nanoTime() - retryAt >= 0 && trialInFlight.compareAndSet(false, true);
    }

    public boolean isOpen() {
        return open;
    }

    public void recordSuccess() {
        if (open) {
            open = false;
            LOG.info("Cache reachable again: caching resumes");
        }
        trialInFlight.set(false);
    }

    public void recordFailure(RuntimeException cause) {
        retryAt = System.nanoTime() + openForNanos;
        if (!open) {
            open = true;
            LOG.warning(() ->
                    "Cache unreachable, requests go straight to the database for now: " + Failures.describe(cause));
        }
        trialInFlight.set(false);
    }
}
