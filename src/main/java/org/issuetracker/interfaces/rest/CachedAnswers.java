package org.issuetracker.interfaces.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.application.caching.RepresentationCache;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.web.RequestMetricsFilter;

/**
 * The API's answers that are kept whole in memory ({@link RepresentationCache}): built once as JSON text with their
 * headers, then served again, by {@link KeptAnswers} before JAX-RS is even reached, while nothing they were built
 * from has changed. An answer is kept per address (scheme, host, path and query, exactly as sent: the links in it
 * are absolute) and per reader (anonymous, or one user with their roles), since who reads decides what is visible
 * and what {@code votedByMe} says. The JSON is written by JSON-B with its defaults, as the server's JSON-B provider
 * writes the other answers.
 */
@ApplicationScoped
class CachedAnswers {

    /** No ETag: the answer names no version (a page of a list). */
    static final long NO_VERSION = -1;

    /** A JSON body, the version its ETag names ({@link #NO_VERSION}: none) and the other headers it comes with. */
    record Answer(String body, long version, String endpoint, List<Header> headers) {

        Response toResponse(Request request) {
            Response answer = version != NO_VERSION
                    ? EntityTags.read(request, version, this::body)
                    : Response.ok(body).build();
            if (headers.isEmpty()) {
                return answer;
            }
            Response.ResponseBuilder withHeaders = Response.fromResponse(answer);
            headers.forEach(header -> withHeaders.header(header.name(), header.value()));
            return withHeaders.build();
        }
    }

    record Header(String name, String value) {}

    @Inject
    RepresentationCache cache;

    private final Jsonb jsonb = JsonbBuilder.create();

    /** The answer to this request as this reader sees it: kept, or built now by {@code build} (and kept). */
    Answer get(HttpServletRequest request, Actor reader, CacheRegion region, Supplier<Answer> build) {
        return cache.get(kindOf(request), key(request, reader), region, () -> {
            Answer built = build.get();
            Object endpoint = request.getAttribute(RequestMetricsFilter.ENDPOINT);
            return new Answer(
                    built.body(), built.version(), endpoint == null ? null : endpoint.toString(), built.headers());
        });
    }

    /** The answer kept for this request and reader, if nothing it was built from has changed. */
    Optional<Answer> find(HttpServletRequest request, Actor reader) {
        String kind = kindOf(request);
        return cache.find(
                kind, key(request, reader), kind.equals("list") ? CacheRegion.ISSUE_QUERIES : CacheRegion.ISSUES);
    }

    Answer answer(Object body, long version, List<Header> headers) {
        return new Answer(jsonb.toJson(body), version, null, headers);
    }

    /** The metrics' name: {@code issue} for one, {@code list} for a page of a list, by the address's shape. */
    private static String kindOf(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/issues") ? "list" : "issue";
    }

    private static String key(HttpServletRequest request, Actor reader) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query) + "|"
                + (reader.isSignedIn() ? "u:" + reader.username() + ":" + new TreeSet<>(reader.roles()) : "anonymous");
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to release if closing fails
        }
    }
}
