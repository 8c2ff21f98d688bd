package org.issuetracker.domain.shared;

/** A field of a request names something that does not exist or may not be used (an archived category...). */
public class InvalidReferenceException extends RuntimeException {

    private final String field;

    public InvalidReferenceException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
