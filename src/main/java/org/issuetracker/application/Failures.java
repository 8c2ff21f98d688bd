package org.issuetracker.application;

import jakarta.validation.ValidationException;

/**
 * Telling a caller's mistake from the server's failure, the same way for metrics, traces and the API; and what a
 * wrapped failure comes down to.
 */
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

    /** What a wrapped failure comes down to: the innermost cause (Faces, EL, the drivers all wrap). */
    public static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The root cause in one line for logs and health data: {@code ConnectException: Connection refused}. */
    public static String describe(Throwable failure) {
        Throwable root = rootCause(failure);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
