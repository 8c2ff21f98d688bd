package org.issuetracker.infrastructure.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Ends a request that {@link TrackerAuthentication} has already answered (401 for wrong credentials or a refused
 * token, 429 while sign-ins wait), so that no filter, page or resource runs after it. Jakarta Security says the
 * container must not go on after such an answer ({@code SEND_FAILURE}), and Payara does not; OpenLiberty does when the
 * resource needs no role (a public read, the API's own checks for writes), which sent the resource's answer after
 * the refusal's. Mapped first of all filters (web.xml).
 */
public class RefusedRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = RefusedRequests.class.getName();

    /** Marks the request as answered by the authentication mechanism. */
    static void answered(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(ATTRIBUTE) != null) {
            response.flushBuffer();
            return;
        }
        chain.doFilter(request, response);
    }
}
