package org.issuetracker.application.preflight;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redis as configured and as it describes itself, asked now: {@code appendonly} and {@code save} from {@code CONFIG
 * GET}, or what {@code INFO persistence} shows where CONFIG is disabled ({@code source} says which; both empty when
 * Redis did not answer); its {@code bind} and {@code protected-mode} (empty when CONFIG is disabled); the configured
 * hosts; whether every address is {@code rediss://}; and per address what a {@code PING} without credentials got:
 * {@code refused}, {@code answered} or {@code unreachable}.
 */
public record RedisFacts(
        boolean enabled,
        Optional<Boolean> appendOnly,
        Optional<String> save,
        String source,
        Optional<String> bind,
        Optional<String> protectedMode,
        List<String> hosts,
        boolean tls,
        Map<String, String> anonymousPing) {

    /** Asks Redis (the repositories' layer answers). */
    public interface Source {
        RedisFacts ask();
    }
}
