package org.issuetracker.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.issuetracker.domain.shared.InvalidReferenceException;

/**
 * Checks what a caller sent against the domain's Bean Validation rules. Services call it explicitly, after their
 * permission checks, so that an anonymous or unauthorized caller hears 401 or 403, never about their fields.
 */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    /** The value if valid; a {@link ConstraintViolationException} (or, for nothing at all, a 400 on "body"). */
    public <T> T check(T value, String what) {
        if (value == null) {
            throw new InvalidReferenceException("body", "The request needs a body: " + what);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
