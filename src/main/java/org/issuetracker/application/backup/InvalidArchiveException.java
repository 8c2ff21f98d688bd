package org.issuetracker.application.backup;

/** What was sent as a backup archive is not one, is cut short, or does not match its own manifest. */
public class InvalidArchiveException extends RuntimeException {

    public InvalidArchiveException(String message) {
        super(message);
    }
}
