package org.issuetracker.infrastructure.config;

import java.util.List;

/** Thrown at start-up: the deployment stops and the message names each property to fix. */
public class InvalidConfigurationException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super("Invalid configuration (MicroProfile Config; environment variables override, e.g. cache.ttl.issues"
                + " as CACHE_TTL_ISSUES): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
