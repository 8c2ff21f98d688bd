package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.issuetracker.application.operations.RequestMetrics;

/**
 * Who is calling, for every request: HTTP Basic credentials (API clients), else the account the browser's session
 * signed in to through the web form ({@link WebSessions}) for web pages and API reads. Both check the same user store. A request with neither
 * stays anonymous (the services and the web access filter decide what anonymous callers may do); wrong Basic
 * credentials are a 401 problem with {@code WWW-Authenticate}, whatever was asked.
 *
 * <p>One mechanism for both because Jakarta Security 3 allows one per application. Basic never creates a session,
 * so API clients leave nothing behind on the server.
 */
@ApplicationScoped
public class TrackerAuthentication implements HttpAuthenticationMechanism {

    public static final String CHALLENGE = "Basic realm=\"issuetracker\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RequestMetrics requestMetrics;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (!sessionMaySignIn(request)) {
                return context.doNothing();
            }
            return WebSessions.signedIn(request)
                    .map(username -> context.notifyContainerAboutLogin(new CallerPrincipal(username), Set.of()))
                    .orElseGet(context::doNothing);
        }
        long start = System.nanoTime();
        String[] login = decode(header.substring(6).trim());
        if (login != null) {
            CredentialValidationResult result =
                    identityStores.validate(new UsernamePasswordCredential(login[0], login[1]));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        // answered here, before any filter: counted here (a rising count is someone guessing passwords)
        requestMetrics.record(
                isApi(request) ? "api" : "web",
                request.getMethod(),
                "(authentication failed)",
                HttpServletResponse.SC_UNAUTHORIZED,
                System.nanoTime() - start);
        return unauthorized(response);
    }

    /**
     * The browser's session signs in web pages, and API reads (the CSV download of the list); an API write with only a
     * cookie stays anonymous, so another site cannot make a signed-in browser write through the API (which has no
     * view state to guard it). API clients send credentials with every request.
     */
    static boolean sessionMaySignIn(HttpServletRequest request) {
        return !isApi(request) || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String[] decode(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon <= 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter()
                    .write(Json.createObjectBuilder()
                            .add("type", "urn:issuetracker:problem:unauthorized")
                            .add("title", "Unauthorized")
                            .add("status", 401)
                            .add("detail", "The username or password is wrong, or the account is deactivated")
                            .build()
                            .toString());
        } catch (IOException e) {
            // the client has gone; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
