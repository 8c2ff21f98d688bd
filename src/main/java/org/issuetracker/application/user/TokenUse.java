package org.issuetracker.application.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.issuetracker.domain.user.ApiTokenRepository;

/**
 * When each token was last used, written at most once per {@link #PRECISION} per token and instance: a client
 * sending a request a millisecond must not make every request a database write. Another instance's write within the
 * same minute is not repeated (the repository checks). A failed write is only logged: the request goes on.
 */
@ApplicationScoped
public class TokenUse {

    static final Duration PRECISION = Duration.ofMinutes(1);
    static final int MAX_REMEMBERED = 10_000;

    private static final Logger LOG = Logger.getLogger(TokenUse.class.getName());

    @Inject
    ApiTokenRepository tokens;

    Clock clock = Clock.systemUTC();

    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    public void used(TokenGrant grant) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant last = written.get(grant.id());
        if (last != null && now.isBefore(last.plus(PRECISION))) {
            return;
        }
        if (written.size() >= MAX_REMEMBERED) {
            written.clear(); // at worst one more write per token
        }
        if (last == null ? written.putIfAbsent(grant.id(), now) != null : !written.replace(grant.id(), last, now)) {
            return; // another request of this instance writes it
        }
        try {
            tokens.touch(grant.id(), now, now.minus(PRECISION));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The last use of an API token could not be noted", e);
        }
    }
}
