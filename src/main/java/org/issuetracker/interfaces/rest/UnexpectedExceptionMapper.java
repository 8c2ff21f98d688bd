package org.issuetracker.interfaces.rest;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.issuetracker.application.operations.RequestFailure;

/**
 * Our own failure: 500 with an incident id and no stack trace; the stack trace goes to the log under that id, for
 * operators to find.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return incident(exception);
    }

    static Response incident(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, exception);
        note(exception, incident);
        return Problem.of(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Something went wrong on our side (incident " + incident + "). It has been logged")
                .toResponse();
    }

    /** For the operations page's recent errors (see {@link RequestFailure}). */
    static void note(Throwable exception, String incident) {
        try {
            CDI.current().select(RequestFailure.class).get().note(exception, incident);
        } catch (RuntimeException noRequestContext) {
            LOG.log(Level.FINE, "Failure not noted for the operations page", noRequestContext);
        }
    }
}
