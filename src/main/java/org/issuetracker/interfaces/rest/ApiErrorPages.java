package org.issuetracker.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;

/**
 * What the container refuses on an API path before JAX-RS could answer (a header Jersey cannot parse, a path the
 * container will not map, a security constraint) reaches the application as an error dispatch to the web's error
 * pages, which are HTML. For a request to {@code /api/} this answers the problem+json an API client reads instead,
 * with the container's status.
 */
public class ApiErrorPages extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem(status)));
    }

    private static Problem problem(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        if (status >= 500) {
            return new Problem(Problem.TYPE_BASE + "internal", title, status, "Something went wrong on our side", null);
        }
        return new Problem(
                Problem.TYPE_BASE + title.toLowerCase(Locale.ROOT).replace(' ', '-'),
                title,
                status,
                "The request was refused before the API could read it: a malformed header, path or parameter",
                null);
    }
}
