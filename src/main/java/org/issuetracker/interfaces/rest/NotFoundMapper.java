package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.issuetracker.domain.shared.NotFoundException;

/** Nothing has the id asked for (or the id cannot be one): 404. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Override
    public Response toResponse(NotFoundException exception) {
        return Problem.of(Response.Status.NOT_FOUND, exception.kind() + "-not-found", exception.getMessage())
                .toResponse();
    }
}
