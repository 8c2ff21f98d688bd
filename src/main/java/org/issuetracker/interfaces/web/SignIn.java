package org.issuetracker.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.issuetracker.infrastructure.security.BasicAuthentication;

/**
 * {@code /signin}: asks the browser for credentials (HTTP Basic, the same user store as the API) and goes back to
 * the home page once it has them. An interim way in until the form login of the web UI.
 */
@WebServlet("/signin")
public class SignIn extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.setHeader("WWW-Authenticate", BasicAuthentication.CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/");
    }
}
