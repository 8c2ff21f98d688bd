package org.issuetracker.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether a 401 carries the {@code WWW-Authenticate: Basic} challenge. API clients (curl, scripts, integrations)
 * get it: it is how they learn the scheme. Browsers never do: a browser answers the challenge with its own password
 * dialog and then keeps the credentials for the site, sending them with every later request to it, including those
 * another site makes it send, which turns any API write into a cross-site request forgery. A browser's 401 names
 * the scheme in its problem detail instead, and the OpenAPI document declares it.
 *
 * <p>A request is taken for a browser's when it carries what browsers add by themselves: a cookie, an
 * {@code Origin}, a {@code Sec-Fetch-*} header (every current browser sends them with every request) or an
 * {@code Accept} that asks for HTML.
 */
public final class BasicChallenge {

    public static final String HEADER_VALUE = "Basic realm=\"issuetracker\", charset=\"UTF-8\"";

    private BasicChallenge() {}

    public static boolean offeredTo(HttpServletRequest request) {
        return !fromBrowser(
                request.getHeader("Cookie"),
                request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Mode"),
                request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Accept"));
    }

    static boolean fromBrowser(String cookie, String origin, String fetchMode, String fetchSite, String accept) {
        return cookie != null
                || origin != null
                || fetchMode != null
                || fetchSite != null
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
    }
}
