package org.issuetracker.interfaces.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON, or not JSON of the expected shape: 400. JAX-RS reports it as a processing failure of the
 * JSON-B reader, which also wraps the 413 of a chunked body that grew past {@link BodySizeLimit} while being read;
 * anything else of that kind is our own failure (500).
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (BodySizeLimit.isTooLarge(cause)) {
                // a chunked body grew past the limit while the JSON reader was reading it
                return Problem.of(
                                Response.Status.REQUEST_ENTITY_TOO_LARGE,
                                "payload-too-large",
                                "The request body is larger than 1 MB")
                        .toResponseBuilder()
                        .header("Connection", "close")
                        .build();
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return Problem.of(
                                Response.Status.BAD_REQUEST,
                                "malformed-body",
                                "The request body is not valid JSON for this resource")
                        .toResponse();
            }
        }
        return UnexpectedExceptionMapper.incident(exception);
    }
}
