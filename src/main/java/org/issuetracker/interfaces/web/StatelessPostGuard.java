package org.issuetracker.interfaces.web;

import jakarta.faces.render.ResponseStateManager;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, as a 400 with the "form no longer valid" page, a Faces post that claims a stateless view anywhere but the
 * sign-in page, or on the sign-in page where the view is not stateless: a signed-in user's pages all keep their
 * state ({@link Viewer#isStateless}). No other form of the tracker is stateless (other anonymous pages have no
 * forms), so such a post is forged; Faces would refuse it too, but as a server error ("Unable to restore view"). The
 * sign-in form is stateless for visitors so that visiting it creates no session; its posts are checked by their own
 * token.
 */
public class StatelessPostGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String SIGN_IN = "/signin.xhtml";
    private static final String STATELESS = "stateless";

    @Inject
    transient Viewer viewer;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && forged(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean forged(HttpServletRequest request) throws IOException {
        if (request.getCharacterEncoding() == null) {
            // reading a parameter fixes the body's encoding for good: the pages' own (Faces would set it later)
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        String viewState = request.getParameter(ResponseStateManager.VIEW_STATE_PARAM);
        return STATELESS.equals(viewState) && !(SIGN_IN.equals(request.getServletPath()) && viewer.isStateless());
    }
}
