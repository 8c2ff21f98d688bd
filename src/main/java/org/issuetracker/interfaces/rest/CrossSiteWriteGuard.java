package org.issuetracker.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Set;

/**
 * Refuses, as a 403 problem, an API write that a browser says another site made it send. A session cookie already
 * signs in no API write, but a browser also replays HTTP Basic credentials it once kept, and many writes take no
 * body (a vote, a restore, the answer), so a plain cross-site form or {@code fetch} could make them. Browsers say
 * where a request comes from: {@code Sec-Fetch-Site} (every current browser; {@code same-origin} and {@code none},
 * typed or bookmarked, pass) and else {@code Origin}, which must then be this server. API clients send neither and
 * are not affected; reads are never refused.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CrossSiteWriteGuard implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        if (!sameOrigin(
                request.getHeaderString("Sec-Fetch-Site"),
                request.getHeaderString("Origin"),
                request.getUriInfo().getBaseUri())) {
            request.abortWith(Problem.of(
                            Response.Status.FORBIDDEN,
                            "cross-site-write",
                            "The API takes no writes that another site makes a browser send")
                    .toResponse());
        }
    }

    /** Whether a write may go ahead, from what the browser said (null when it said nothing) and this server. */
    static boolean sameOrigin(String fetchSite, String origin, URI server) {
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        if (origin == null) {
            return true;
        }
        try {
            URI from = URI.create(origin.trim());
            return from.getHost() != null // "null" (a sandboxed page, a file) has none
                    && from.getHost().equalsIgnoreCase(server.getHost())
                    && port(from) == port(server)
                    && from.getScheme().equalsIgnoreCase(server.getScheme());
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
