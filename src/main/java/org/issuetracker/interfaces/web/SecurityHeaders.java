package org.issuetracker.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The headers that tell browsers to protect the application's pages: the {@link ContentSecurityPolicy}, no MIME
 * sniffing, no framing by other sites (CSP's {@code frame-ancestors} and, for older browsers,
 * {@code X-Frame-Options}), no referrer to other sites (issue URLs and searches stay inside), and over HTTPS (at the
 * server, or at the balancer, which says so in {@code X-Forwarded-Proto}: the scheme mapping of
 * server-config/payara) HSTS, the same one the balancer sends.
 *
 * <p>Set before anything is written, so on every response; the policy is then replaced by the one PrimeFaces sends
 * for a Faces page (with its nonce) rather than added to it (two policies would both apply, and the first would
 * block the page's scripts). Also on error dispatches, whose pages are Faces pages too, and again after a reset of
 * the response (the ajax exception handler resets it).
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";
    static final String HSTS = "max-age=31536000";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean https = request.isSecure() || "https".equalsIgnoreCase(request.getScheme());
        Guarded guarded = new Guarded(response, https, ContentSecurityPolicy.forPath(request.getServletPath()));
        guarded.apply();
        chain.doFilter(request, guarded);
    }

    /** The response, with its CSP replaced rather than added to, and the headers put back after a reset. */
    static final class Guarded extends HttpServletResponseWrapper {

        private final boolean https;
        private final String policy;

        Guarded(HttpServletResponse response, boolean https, String policy) {
            super(response);
            this.https = https;
            this.policy = policy;
        }

        void apply() {
            setHeader(CSP, policy);
            setHeader("X-Content-Type-Options", "nosniff");
            setHeader("X-Frame-Options", "DENY");
            setHeader("Referrer-Policy", "same-origin");
            if (https) {
                setHeader("Strict-Transport-Security", HSTS);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            apply();
        }
    }
}
