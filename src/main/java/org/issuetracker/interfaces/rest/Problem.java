package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem (not dereferenced); {@code errors}
 * lists the fields a validation failure is about.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "urn:issuetracker:problem:";

    /** One invalid field of a request: its name as the client sent it, and what is wrong. */
    public record FieldError(String field, String message) {}

    static Problem of(Response.StatusType status, String kind, String detail) {
        return new Problem(TYPE_BASE + kind, status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors);
    }

    Response toResponse() {
        return toResponseBuilder().build();
    }

    Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
    }
}
