package org.issuetracker.domain.shared;

/** Only a signed-in user may do this, and the caller is anonymous. */
public class AuthenticationRequiredException extends RuntimeException {

    public AuthenticationRequiredException(String message) {
        super(message);
    }
}
