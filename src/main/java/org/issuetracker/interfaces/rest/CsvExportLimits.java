package org.issuetracker.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.infrastructure.config.ConfigValues;
import org.issuetracker.infrastructure.security.ClientAddress;

/**
 * How much one CSV export may cost: a cap on its rows for everyone, a lower one for anonymous callers, and a rate
 * per client address for anonymous exports (each one reads up to a hundred pages from MongoDB, and anyone on the
 * network may ask; the address is {@link ClientAddress}'s). Signed-in users are known and not rate limited here.
 */
@ApplicationScoped
public class CsvExportLimits {

    private int maxRows;
    private int anonymousMaxRows;
    private AddressRateLimit anonymousRate;

    @Inject
    public CsvExportLimits(Config config) {
        ConfigValues values = new ConfigValues(config);
        maxRows = values.integer("export.csv.max-rows", 1, 100_000);
        anonymousMaxRows = values.integer("export.csv.anonymous.max-rows", 1, 100_000);
        anonymousRate = new AddressRateLimit(values.integer("export.csv.anonymous.per-minute", 1, 10_000));
        values.validate();
    }

    /** CDI needs a no-argument constructor for the client proxy. */
    protected CsvExportLimits() {}

    /** Reads the values, and fails the deployment on a malformed one, while the application starts. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        maxRows();
    }

    public int maxRows() {
        return maxRows;
    }

    /** The rows this caller's export may have. */
    public int rowsFor(Actor actor) {
        return actor.isSignedIn() ? maxRows : Math.min(maxRows, anonymousMaxRows);
    }

    /** Empty when the caller may export now, else how long an anonymous caller at this address must wait. */
    public Optional<Duration> waitBeforeExport(Actor actor, HttpServletRequest request) {
        return actor.isSignedIn() ? Optional.empty() : anonymousRate.take(ClientAddress.of(request), Instant.now());
    }
}
