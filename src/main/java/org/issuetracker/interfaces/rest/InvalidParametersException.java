package org.issuetracker.interfaces.rest;

import java.util.Map;

/** Query parameters a client got wrong, each with what is wrong with it. */
class InvalidParametersException extends RuntimeException {

    private final Map<String, String> errors;

    InvalidParametersException(Map<String, String> errors) {
        super("Invalid query parameters: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
