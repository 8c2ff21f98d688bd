package org.issuetracker.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ResourceBundle;

/**
 * Answers a page address whose parameters are not UTF-8 ({@code ?q=%FF}) with a 400 and a plain page saying so. The
 * container refuses to decode them only when someone first reads a parameter, which for a page is Faces, mid-render:
 * the visitor got the error page with a 500, and the error page itself, reading the same parameters, could fail
 * too. So the parameters are read here, first, and nothing of Faces runs for such a request. Only GET and HEAD:
 * their parameters come from the address alone, so reading them early changes nothing else (a form post's body is
 * decoded with the character encoding Faces sets).
 */
public class UnreadableAddress extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) && !readable(request)) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean readable(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalStateException | IllegalArgumentException undecodable) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle messages = ResourceBundle.getBundle(
                UiMessages.BUNDLE, request.getLocale(), Thread.currentThread().getContextClassLoader());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>"
                        + messages.getString("error.address.heading") + "</title></head><body><main><h1>"
                        + messages.getString("error.address.heading") + "</h1><p>"
                        + messages.getString("error.address.text") + "</p><p><a href=\"" + request.getContextPath()
                        + "/\">" + messages.getString("error.home") + "</a></p></main></body></html>");
    }
}
