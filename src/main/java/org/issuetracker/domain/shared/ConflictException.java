package org.issuetracker.domain.shared;

/** The request contradicts what is stored (a duplicate name, a second answer...). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
