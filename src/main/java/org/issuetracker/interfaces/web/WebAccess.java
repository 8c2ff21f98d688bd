package org.issuetracker.interfaces.web;

import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.infrastructure.security.ActorProducer;

/**
 * Which pages need what: writing pages and the profile need a signed-in user (anonymous visitors are sent to sign in
 * and come back), the admin pages an administrator (others get the "access denied" page), and every other page too
 * needs a signed-in user when anonymous reading is off ({@code security.anonymous-read=false}); signing in and the
 * error pages are always open. The services check the same again for every action; this only keeps people from
 * pages they cannot use.
 */
public class WebAccess extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SIGNED_IN_ONLY =
            Set.of("/issues/new.xhtml", "/issues/edit.xhtml", "/profile.xhtml");

    @Inject
    transient ActorProducer actor;

    @Inject
    @ConfigProperty(name = "security.anonymous-read")
    boolean anonymousRead;

    /** What a request for a page gets. */
    enum Decision {
        SHOW,
        SIGN_IN_FIRST,
        DENY
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String page = request.getServletPath();
        Decision decision = alwaysOpen(page) ? Decision.SHOW : decide(page, actor.current(), anonymousRead);
        switch (decision) {
            case SHOW -> chain.doFilter(request, response);
            case SIGN_IN_FIRST ->
                response.sendRedirect(request.getContextPath() + "/signin.xhtml?continue="
                        + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
            case DENY -> response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    static Decision decide(String page, Actor caller, boolean anonymousRead) {
        boolean admin = page.startsWith("/admin/");
        if (!caller.isSignedIn() && (admin || SIGNED_IN_ONLY.contains(page) || !anonymousRead)) {
            return Decision.SIGN_IN_FIRST;
        }
        return admin && !caller.isAdmin() ? Decision.DENY : Decision.SHOW;
    }

    static boolean alwaysOpen(String page) {
        return page.equals("/signin.xhtml")
                || page.startsWith("/errors/")
                || page.startsWith(ResourceHandler.RESOURCE_IDENTIFIER);
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
