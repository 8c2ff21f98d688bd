package org.issuetracker.interfaces.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.issuetracker.domain.shared.Actor;

/**
 * Which pages need what: writing pages and the profile need a signed-in user (anonymous visitors are sent to sign in
 * and come back), the admin pages an administrator (others get the "access denied" page). The services check the
 * same again for every action; this only keeps people from pages they cannot use.
 */
@WebFilter(
        filterName = "WebAccess",
        urlPatterns = {"/issues/new.xhtml", "/issues/edit.xhtml", "/profile.xhtml", "/admin/*"})
public class WebAccess extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Instance<Actor> actor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Actor caller = actor.get();
        if (!caller.isSignedIn()) {
            response.sendRedirect(request.getContextPath() + "/signin.xhtml?continue="
                    + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
            return;
        }
        if (request.getServletPath().startsWith("/admin/") && !caller.isAdmin()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
