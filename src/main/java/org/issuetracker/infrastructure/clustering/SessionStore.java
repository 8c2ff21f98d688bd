package org.issuetracker.infrastructure.clustering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.infrastructure.config.ConfigValues;
import org.issuetracker.infrastructure.health.DependencyProbes;

/**
 * Where the server keeps the HTTP sessions ({@code session.store}): {@code server} when it keeps and replicates
 * them itself (Payara's data grid), {@code redis} when they live in the application's Redis (OpenLiberty's
 * sessionCache-1.0, whose server.xml says so). In Redis, a session cannot be written while Redis does not answer,
 * and the server would fail the request that signed in after the fact, with a 500: signing in asks first.
 */
@ApplicationScoped
public class SessionStore {

    private boolean inRedis;

    @Inject
    DependencyProbes probes;

    @Inject
    public SessionStore(Config config) {
        ConfigValues values = new ConfigValues(config);
        inRedis = "redis".equals(values.oneOf("session.store", "server", "redis"));
        values.validate();
    }

    /** CDI needs a no-argument constructor for the client proxy. */
    protected SessionStore() {}

    /** Whether a new session can be kept now: always where the server keeps them; in Redis, when Redis answers. */
    public boolean acceptsNewSessions() {
        return !inRedis || probes.redis().answered();
    }

    public boolean inRedis() {
        return inRedis;
    }
}
