package org.issuetracker.application.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest requests this instance answered with a server error (5xx), newest first, for the operations page: when,
 * which endpoint or view, the exception and the incident id under which its stack trace was logged.
 */
@ApplicationScoped
public class RecentErrors {

    static final int KEPT = 25;
    private static final int MESSAGE_LENGTH = 300;

    private final Deque<ServerError> errors = new ArrayDeque<>();

    public void record(ServerError error) {
        synchronized (errors) {
            errors.addFirst(error);
            while (errors.size() > KEPT) {
                errors.removeLast();
            }
        }
    }

    public List<ServerError> latest() {
        synchronized (errors) {
            return new ArrayList<>(errors);
        }
    }

    /**
     * One failed request. {@code exception} and {@code message} are null when only the status is known;
     * {@code incident} is the id in the log and in the client's problem document, when there is one.
     */
    public record ServerError(
            Instant at, String method, String endpoint, int status, String exception, String message, String incident) {

        public ServerError {
            if (message != null && message.length() > MESSAGE_LENGTH) {
                message = message.substring(0, MESSAGE_LENGTH) + "…";
            }
        }

        /** The failure's type and first line of message (never a stack trace). */
        public static ServerError of(String method, String endpoint, int status, Throwable failure, String incident) {
            String message = failure == null || failure.getMessage() == null
                    ? null
                    : failure.getMessage().lines().findFirst().orElse("");
            return new ServerError(
                    Instant.now(),
                    method,
                    endpoint,
                    status,
                    failure == null ? null : failure.getClass().getName(),
                    message,
                    incident);
        }
    }
}
