package org.issuetracker.infrastructure.security;

/**
 * A sign-in refused because no session can be kept right now: the sessions live in Redis (OpenLiberty) and Redis
 * does not answer. Nothing was checked or counted; the user may try again once Redis is back.
 */
public class SessionStoreUnavailableException extends RuntimeException {

    public SessionStoreUnavailableException() {
        super("The HTTP sessions' store (Redis) does not answer", null, false, false);
    }
}
