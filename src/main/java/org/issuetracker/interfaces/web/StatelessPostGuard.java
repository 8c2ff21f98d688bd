package org.issuetracker.interfaces.web;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses, as a 400 with the "form no longer valid" page, a Faces post that claims a stateless view anywhere but the
 * sign-in page. No other form of the tracker is stateless (other anonymous pages have no forms), so such a post is
 * forged; Faces would refuse it too, but as a server error. The sign-in form is stateless so that visiting it creates
 * no session; its posts are checked by their own token.
 */
@WebFilter(filterName = "StatelessPostGuard", urlPatterns = "*.xhtml")
public class StatelessPostGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String SIGN_IN = "/signin.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && !SIGN_IN.equals(request.getServletPath())
                && "stateless".equals(request.getParameter(ResponseStateManager.VIEW_STATE_PARAM))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
