package org.issuetracker.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.issuetracker.application.backup.InvalidArchiveException;
import org.issuetracker.domain.shared.AccessDeniedException;
import org.issuetracker.domain.shared.AuthenticationRequiredException;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.shared.InvalidReferenceException;
import org.issuetracker.domain.shared.StaleVersionException;
import org.issuetracker.infrastructure.security.BasicChallenge;

/** The domain's refusals as problems: one small mapper per exception, each with its status. */
public final class ClientErrorMappers {

    private ClientErrorMappers() {}

    /**
     * 401, with the challenge that tells API clients how to sign in; a browser gets the scheme named in the detail
     * instead, since it would answer a challenge with a password dialog and then replay the password everywhere
     * ({@link BasicChallenge}).
     */
    @Provider
    public static class AuthenticationRequired implements ExceptionMapper<AuthenticationRequiredException> {

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(AuthenticationRequiredException e) {
            if (!BasicChallenge.offeredTo(request)) {
                return Problem.of(
                                Response.Status.UNAUTHORIZED,
                                "unauthorized",
                                e.getMessage() + " (the API takes HTTP Basic credentials with each request;"
                                        + " a browser's session cookie signs in reads only)")
                        .toResponse();
            }
            return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", e.getMessage())
                    .toResponseBuilder()
                    .header(HttpHeaders.WWW_AUTHENTICATE, BasicChallenge.HEADER_VALUE)
                    .build();
        }
    }

    /** 403. */
    @Provider
    public static class AccessDenied implements ExceptionMapper<AccessDeniedException> {
        @Override
        public Response toResponse(AccessDeniedException e) {
            return Problem.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage())
                    .toResponse();
        }
    }

    /** 409. */
    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.of(Response.Status.CONFLICT, "conflict", e.getMessage())
                    .toResponse();
        }
    }

    /** 400: what was sent as a backup archive is not one, or is damaged (nothing was written). */
    @Provider
    public static class InvalidArchive implements ExceptionMapper<InvalidArchiveException> {
        @Override
        public Response toResponse(InvalidArchiveException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-archive", e.getMessage())
                    .toResponse();
        }
    }

    /** 412: the If-Match version is not the current one. */
    @Provider
    public static class StaleVersion implements ExceptionMapper<StaleVersionException> {
        @Override
        public Response toResponse(StaleVersionException e) {
            return Problem.of(Response.Status.PRECONDITION_FAILED, "stale-version", e.getMessage())
                    .toResponseBuilder()
                    .tag(EntityTags.of(e.currentVersion()))
                    .build();
        }
    }

    /** 400 naming the field that refers to something unusable. */
    @Provider
    public static class InvalidReference implements ExceptionMapper<InvalidReferenceException> {
        @Override
        public Response toResponse(InvalidReferenceException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "validation", "The request has invalid fields")
                    .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage())))
                    .toResponse();
        }
    }
}
