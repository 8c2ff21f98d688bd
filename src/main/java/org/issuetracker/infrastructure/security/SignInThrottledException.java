package org.issuetracker.infrastructure.security;

import java.time.Duration;

/** A sign-in refused before its password was checked: the account or the client address must wait. */
public class SignInThrottledException extends RuntimeException {

    private final Duration wait;

    public SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins: try again in " + seconds(wait) + " s", null, false, false);
        this.wait = wait;
    }

    /** The wait in whole seconds, rounded up (a {@code Retry-After} value, never 0). */
    public long retryAfterSeconds() {
        return seconds(wait);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
