package org.issuetracker.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.issuetracker.application.Failures;
import org.issuetracker.application.operations.RecentErrors;
import org.issuetracker.application.operations.RequestFailure;
import org.issuetracker.application.operations.RequestMetrics;
import org.issuetracker.application.preflight.EdgeObservations;

/**
 * Every HTTP request of the application, API and web, timed from the first filter to the last byte written, by
 * endpoint or view and status class ({@link RequestMetrics}); server errors also go to {@link RecentErrors}. First
 * in the filter chain (web.xml), so that what the access filters answer themselves is counted too.
 *
 * <p>The endpoint is a bounded name, never the raw URL: the JAX-RS path template ({@code EndpointNaming} puts it in
 * {@link #ENDPOINT}), the view id for Faces pages, or the first path segment for anything else that exists.
 */
public class RequestMetricsFilter extends HttpFilter {

    /** The request attribute with the JAX-RS path template of the matched endpoint. */
    public static final String ENDPOINT = "org.issuetracker.endpoint";

    private static final String RESOURCES = "/jakarta.faces.resource/";

    private final Set<String> knownPaths = ConcurrentHashMap.newKeySet();

    @Inject
    RequestMetrics metrics;

    @Inject
    RecentErrors recentErrors;

    @Inject
    RequestFailure failure;

    @Inject
    EdgeObservations edge;

    @Override
    public void init() {
        for (ServletRegistration servlet :
                getServletContext().getServletRegistrations().values()) {
            for (String mapping : servlet.getMappings()) {
                if (mapping.startsWith("/") && mapping.endsWith("/*")) {
                    knownPaths.add(mapping.substring(0, mapping.length() - 2));
                } else if (mapping.startsWith("/") && !mapping.contains("*") && mapping.length() > 1) {
                    knownPaths.add(mapping);
                }
            }
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        edge.request(request.isSecure(), request.getHeader("X-Forwarded-Proto"), request.getHeader("X-Forwarded-For"));
        Throwable thrown = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
            throw e;
        } finally {
            // an exception after the answer was sent (the client went away mid-download) changes nothing it got
            int status = thrown != null && !response.isCommitted() ? 500 : response.getStatus();
            Throwable cause = thrown != null ? Failures.rootCause(thrown) : failure.failure();
            // an ajax request whose failure OmniFaces showed as the error page is answered 200, but it failed
            if (status < 500
                    && thrown == null
                    && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable shown) {
                status = 500;
                cause = Failures.rootCause(shown);
            }
            String method = request.getMethod();
            String endpoint = endpoint(request, status);
            String interfaceName = interfaceOf(endpoint);
            metrics.record(interfaceName, method, endpoint, status, System.nanoTime() - start);
            if (status >= 500 && (interfaceName.equals("api") || interfaceName.equals("web"))) {
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
        return endpoint(path, status, this::exists);
    }

    /**
     * {@code api}; {@code resources} for the stylesheets and scripts Faces serves; {@code monitoring} for the server's
     * health and metrics endpoints when the application is deployed at the root (its filters see them then); else
     * {@code web}. Only {@code api} and {@code web} are users' requests (the alert rules select those two).
     */
    static String interfaceOf(String endpoint) {
        if (endpoint.equals("/api/*") || endpoint.startsWith("/api/")) {
            return "api";
        }
        if (endpoint.equals(RESOURCES + "*")) {
            return "resources";
        }
        return endpoint.equals("/health/*") || endpoint.equals("/metrics/*") ? "monitoring" : "web";
    }

    /**
     * A bounded name for a path that no JAX-RS endpoint matched: whatever a client sends, the names are those of the
     * site (its views, its first-level folders and servlets), plus {@code (not found)}, {@code (no such view)} and
     * {@code (other)}.
     */
    static String endpoint(String path, int status, Predicate<String> exists) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return "/api/*"; // no endpoint matched
        }
        if (status == 404) {
            return "(not found)";
        }
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        for (String monitoring : new String[] {"/health", "/metrics"}) {
            if (path.equals(monitoring) || path.startsWith(monitoring + "/")) {
                return monitoring + "/*";
            }
        }
        if (path.startsWith(RESOURCES)) {
            return RESOURCES + "*";
        }
        if (path.endsWith(".xhtml")) {
            // a page that does not exist may still be answered (with a redirect to sign in, or "denied"): one name
            return exists.test(path) ? path : "(no such view)";
        }
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        if (!exists.test(first)) {
            return "(other)"; // answered 403, 405... for a path the site does not have
        }
        return second < 0 ? first : first + "/*";
    }

    /** A view, folder or file of the WAR, or a servlet's path; only what exists is remembered. */
    private boolean exists(String path) {
        if (knownPaths.contains(path)) {
            return true;
        }
        try {
            if (getServletContext().getResource(path) != null) {
                knownPaths.add(path); // bounded by the size of the site
                return true;
            }
            return false;
        } catch (MalformedURLException e) {
            return false;
        }
    }
}
