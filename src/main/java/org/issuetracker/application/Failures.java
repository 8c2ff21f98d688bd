package org.issuetracker.application;

import jakarta.validation.ValidationException;

/** Telling a caller's mistake from the server's failure, the same way for metrics, traces and the API. */
public final class Failures {

    private Failures() {}

    /**
     * A caller's mistake (the API answers 4xx): the domain's own exceptions (not found, access denied, conflict, stale
     * version, invalid reference...) and failed validation. Anything else (a database down, a bug) is the server's.
     */
    public static boolean isClientMistake(Throwable failure) {
        return failure instanceof ValidationException
                || failure.getClass().getName().startsWith("org.issuetracker.domain.");
    }
}
