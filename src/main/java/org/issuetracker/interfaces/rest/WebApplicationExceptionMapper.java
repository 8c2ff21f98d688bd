package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself refuses (no such resource, method not allowed, unsupported content type, body not readable...)
 * as a problem, keeping JAX-RS' status and headers (such as {@code Allow}).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return UnexpectedExceptionMapper.incident(exception);
        }
        Response.ResponseBuilder builder =
                Problem.of(status, kind(status), detail(status)).toResponseBuilder();
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String kind(Response.StatusType status) {
        if (status.getStatusCode() == 413) {
            return "payload-too-large";
        }
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private String detail(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "There is no resource at " + uriInfo.getRequestUri().getRawPath();
            case 405 ->
                "The method " + request.getMethod() + " is not allowed on "
                        + uriInfo.getRequestUri().getRawPath();
            case 406 -> "This resource answers in application/json only";
            case 415 ->
                "The content type " + (headers.getMediaType() == null ? "(none)" : headers.getMediaType())
                        + " is not supported here: send application/json";
            case 400 -> "The request could not be read: send a JSON body matching the resource's schema";
            case 413 -> "The request body is larger than 1 MB";
            default -> status.getReasonPhrase();
        };
    }
}
