package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Query parameters that cannot be used: 400, naming each. */
@Provider
public class InvalidParametersMapper implements ExceptionMapper<InvalidParametersException> {

    @Override
    public Response toResponse(InvalidParametersException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-parameters", "Some query parameters are invalid")
                .withErrors(exception.errors().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new Problem.FieldError(e.getKey(), e.getValue()))
                        .toList())
                .toResponse();
    }
}
