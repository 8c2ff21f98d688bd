package org.issuetracker.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.issuetracker.infrastructure.security.ActorProducer;
import org.issuetracker.interfaces.web.RequestMetricsFilter;

/**
 * Answers an API read from the answers kept in memory ({@link CachedAnswers}) without going through JAX-RS, when
 * one is kept for that address and reader and nothing it was built from has changed; else the request goes on to
 * JAX-RS as always (which builds and keeps the answer). It runs after authentication and after every other filter
 * of {@code /api/*}, so the same rules, headers and metrics apply either way. Only plain reads are answered here: a
 * GET that accepts JSON, with at most {@code If-None-Match} as a condition (a matching tag answers 304, as the
 * resource does); anything else is left to JAX-RS.
 */
public class KeptAnswers extends HttpFilter {

    @Inject
    transient CachedAnswers answers;

    /** The caller of the current request (the filter lives as long as the application). */
    @Inject
    transient ActorProducer actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<CachedAnswers.Answer> kept =
                plainRead(request) ? answers.find(request, actor.current()) : Optional.empty();
        if (kept.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        CachedAnswers.Answer answer = kept.get();
        if (answer.endpoint() != null) {
            request.setAttribute(RequestMetricsFilter.ENDPOINT, answer.endpoint());
        }
        if (answer.version() != CachedAnswers.NO_VERSION) {
            String tag = "\"" + answer.version() + "\"";
            response.setHeader("ETag", tag);
            if (matches(request.getHeader("If-None-Match"), tag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        answer.headers().forEach(header -> response.addHeader(header.name(), header.value()));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A GET that accepts JSON and names no condition but {@code If-None-Match}. */
    private static boolean plainRead(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())
                || request.getHeader("If-Match") != null
                || request.getHeader("If-Modified-Since") != null
                || request.getHeader("If-Unmodified-Since") != null
                || request.getHeader("Range") != null) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null
                || (!accept.contains("q=0")
                        && (accept.contains("application/json")
                                || accept.contains("*/*")
                                || accept.contains("application/*")));
    }

    /** Whether {@code If-None-Match} names this tag (weakly, as for a GET) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.strip();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals("*") || trimmed.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
