package org.issuetracker.interfaces.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Conditional requests on versioned resources: the ETag is the version; {@code If-None-Match} on a GET answers
 * 304; {@code If-Match} on a write names the version the client read, and a stale one is a 412. Without
 * {@code If-Match} a write applies to the current version.
 */
final class EntityTags {

    private EntityTags() {}

    static EntityTag of(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * 304 if the client has this version already, 412 (a problem) if its If-Match names another, else 200 with the
     * body and its ETag. A condition header that is no entity tag at all is ignored, as if it had not been sent.
     */
    static Response read(Request request, long version, Supplier<Object> body) {
        EntityTag tag = of(version);
        Response.ResponseBuilder precondition;
        try {
            precondition = request.evaluatePreconditions(tag);
        } catch (ProcessingException unparseable) {
            precondition = null;
        }
        if (precondition == null) {
            return Response.ok(body.get()).tag(tag).build();
        }
        Response answer = precondition.tag(tag).build();
        if (answer.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()) {
            return answer;
        }
        return Problem.of(Response.Status.PRECONDITION_FAILED, "stale-version", "If-Match names another version")
                .toResponseBuilder()
                .tag(tag)
                .build();
    }

    static Response written(long version, Object body) {
        return Response.ok(body).tag(of(version)).build();
    }

    /**
     * The version named by {@code If-Match}, or {@code null} without one (or with {@code *}). A tag that cannot be
     * one of ours can never match: it is a stale version.
     */
    static Long expectedVersion(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
