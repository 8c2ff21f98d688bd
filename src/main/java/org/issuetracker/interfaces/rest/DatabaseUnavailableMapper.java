package org.issuetracker.interfaces.rest;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** MongoDB cannot be reached: 503 with {@code Retry-After}, the client may try again shortly. */
@Provider
public class DatabaseUnavailableMapper implements ExceptionMapper<com.mongodb.MongoException> {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class.getName());

    @Override
    public Response toResponse(com.mongodb.MongoException exception) {
        if (!(exception instanceof MongoTimeoutException || exception instanceof MongoSocketException)) {
            return UnexpectedExceptionMapper.incident(exception);
        }
        LOG.warning(() -> "MongoDB unavailable: " + exception.getMessage());
        UnexpectedExceptionMapper.note(exception, null);
        return Problem.of(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "database-unavailable",
                        "The database cannot be reached right now; nothing was changed. Please try again shortly")
                .toResponseBuilder()
                .header(HttpHeaders.RETRY_AFTER, 5)
                .build();
    }
}
