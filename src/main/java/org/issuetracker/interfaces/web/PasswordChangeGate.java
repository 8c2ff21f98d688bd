package org.issuetracker.interfaces.web;

import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.issuetracker.application.user.PersonLookup;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.infrastructure.security.ActorProducer;

/**
 * An account whose password someone else chose (an administrator's temporary one, the generated first one) may do
 * one thing: choose its own. Pages send it to the profile's password form; the API answers 403 problem+json except
 * for reading {@code /api/me} and changing the password there. Everything else is held back until then.
 */
public class PasswordChangeGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Where the password is changed, and what that page needs. */
    static final String PROFILE = "/profile.xhtml";

    @Inject
    transient ActorProducer actor;

    @Inject
    transient PersonLookup people;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Actor caller = actor.current();
        if (!caller.isSignedIn()
                || allowed(request)
                || !people.find(caller.username()).passwordChangeRequired()) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getServletPath().equals("/api")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"type\":\"urn:issuetracker:problem:password-change-required\",\"title\":\"Forbidden\","
                            + "\"status\":403,\"detail\":\"Choose your own password first: PUT /api/me/password with"
                            + " your current one and the new one\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + PROFILE + "?changePassword=true");
    }

    /** The password form, what its page loads, and the API calls to read oneself and change the password. */
    static boolean allowed(HttpServletRequest request) {
        String path = request.getServletPath();
        if (path.equals("/api")) {
            String info = request.getPathInfo() == null ? "" : request.getPathInfo();
            return (info.equals("/me") && "GET".equals(request.getMethod()))
                    || (info.equals("/me/password") && "PUT".equals(request.getMethod()));
        }
        return path.equals(PROFILE)
                || path.equals("/signin.xhtml")
                || path.startsWith("/errors/")
                || path.startsWith(ResourceHandler.RESOURCE_IDENTIFIER);
    }
}
