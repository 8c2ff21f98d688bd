package org.issuetracker.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.issuetracker.application.operations.RecentErrors;
import org.issuetracker.application.operations.RequestFailure;
import org.issuetracker.application.operations.RequestMetrics;

/**
 * Every HTTP request of the application, API and web, timed from the first filter to the last byte written, by
 * endpoint or view and status class ({@link RequestMetrics}); server errors also go to {@link RecentErrors}. First
 * in the filter chain (web.xml), so that what the access filters answer themselves is counted too.
 *
 * <p>The endpoint is a bounded name, never the raw URL: the JAX-RS path template ({@code EndpointNaming} puts it in
 * {@link #ENDPOINT}), the view id for Faces pages, or the first path segment for anything else that exists.
 */
@WebFilter(filterName = "RequestMetrics", urlPatterns = "/*", asyncSupported = true)
public class RequestMetricsFilter extends HttpFilter {

    /** The request attribute with the JAX-RS path template of the matched endpoint. */
    public static final String ENDPOINT = "org.issuetracker.endpoint";

    private static final String RESOURCES = "/jakarta.faces.resource/";

    private final Set<String> views = ConcurrentHashMap.newKeySet();

    @Inject
    RequestMetrics metrics;

    @Inject
    RecentErrors recentErrors;

    @Inject
    RequestFailure failure;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
            throw e;
        } finally {
            int status = thrown == null ? response.getStatus() : 500;
            String method = request.getMethod();
            String endpoint = endpoint(request, status);
            String interfaceName = interfaceOf(endpoint);
            metrics.record(interfaceName, method, endpoint, status, System.nanoTime() - start);
            if (status >= 500 && !interfaceName.equals("monitoring")) {
                Throwable cause = thrown != null ? rootOf(thrown) : failure.failure();
                recentErrors.record(RecentErrors.ServerError.of(method, endpoint, status, cause, failure.incident()));
            }
        }
    }

    private String endpoint(HttpServletRequest request, int status) {
        Object template = request.getAttribute(ENDPOINT);
        if (template != null) {
            return template.toString();
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return endpoint(path, status, this::isView);
    }

    /**
     * {@code api}, {@code web}, or {@code monitoring} for the server's health and metrics endpoints when the application
     * is deployed at the root (its filters see them then): probes and scrapes are no users' traffic.
     */
    static String interfaceOf(String endpoint) {
        if (endpoint.startsWith("/api")) {
            return "api";
        }
        return endpoint.equals("/health") || endpoint.startsWith("/health/") || endpoint.startsWith("/metrics")
                ? "monitoring"
                : "web";
    }

    static String endpoint(String path, int status, Predicate<String> isView) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return "/api/*"; // no endpoint matched
        }
        if (status == 404) {
            return "(not found)";
        }
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        if (path.endsWith(".xhtml") && !path.startsWith(RESOURCES)) {
            // a page that does not exist may still be answered (with a redirect to sign in, or "denied"): one name
            return isView.test(path) ? path : "(no such view)";
        }
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second) + "/*";
    }

    private boolean isView(String path) {
        if (views.contains(path)) {
            return true;
        }
        try {
            if (getServletContext().getResource(path) != null) {
                views.add(path); // only views that exist are remembered, so the set stays as small as the site
                return true;
            }
            return false;
        } catch (MalformedURLException e) {
            return false;
        }
    }

    /** Faces wraps what a page threw (ServletException, FacesException, ELException...): the cause says more. */
    private static Throwable rootOf(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
