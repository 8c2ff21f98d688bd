package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Set;
import org.issuetracker.application.operations.RequestMetrics;

/**
 * Who is calling, for every request: HTTP Basic credentials (API clients), else the account the browser's session
 * signed in to through the web form ({@link WebSessions}) for web pages and API reads. Both check the same user store. A request with neither
 * stays anonymous (the services and the web access filter decide what anonymous callers may do); wrong Basic
 * credentials are a 401 problem, whatever was asked, with the challenge for API clients only ({@link BasicChallenge}),
 * and a 429 problem while the account or address waits after too many of them ({@link SignInThrottle}).
 *
 * <p>An API token ({@code Authorization: Bearer}, {@link BearerTokens}) signs in as its owner without any password
 * hash; an unknown, expired or revoked one is a 401 problem too.
 *
 * <p>One mechanism for both because Jakarta Security 3 allows one per application. Basic and tokens never create a
 * session, so API clients leave nothing behind on the server.
 */
@ApplicationScoped
public class TrackerAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    RequestMetrics requestMetrics;

    @Inject
    SignInThrottle throttle;

    @Inject
    BearerTokens bearerTokens;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(header.substring(BEARER.length()).trim(), request, response, context);
        }
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
            CredentialValidationResult result;
            try {
                result = throttle.validate(request, login[0], login[1]);
            } catch (SignInThrottledException throttled) {
                record(request, "(sign-in throttled)", 429, start);
                SignInThrottle.answer(response, throttled);
                RefusedRequests.answered(request);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        // answered here, before any filter: counted here (a rising count is someone guessing passwords)
        record(request, "(authentication failed)", HttpServletResponse.SC_UNAUTHORIZED, start);
        return unauthorized(request, response);
    }

    private void record(HttpServletRequest request, String endpoint, int status, long start) {
        requestMetrics.record(
                isApi(request) ? "api" : "web", request.getMethod(), endpoint, status, System.nanoTime() - start);
    }

    /**
     * The browser's session signs in web pages, and API reads (the CSV download of the list); an API write with only a
     * cookie stays anonymous, so another site cannot make a signed-in browser write through the API (which has no
     * view state to guard it). API clients send credentials with every request.
     */
    static boolean sessionMaySignIn(HttpServletRequest request) {
        return !isApi(request) || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /**
     * Whether the request goes to the API, decided on the path the container routes by: the servlet path is decoded
     * and normalised ({@code /%61pi}, {@code /api;jsessionid=x}, {@code //api} are all {@code /api}), where the raw
     * request URI is not. The URI, decoded and normalised here too, is asked as well, so that a path the container
     * routes some other way still counts as the API when it reads like it.
     */
    static boolean isApi(HttpServletRequest request) {
        return isApiPath(request.getServletPath())
                || isApiPath(normalised(request.getRequestURI()
                        .substring(request.getContextPath().length())));
    }

    static boolean isApiPath(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** A raw path decoded, without path parameters ({@code ;...}), repeated slashes and dot segments. */
    static String normalised(String rawPath) {
        Deque<String> names = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            int parameters = segment.indexOf(';');
            String name = percentDecoded(parameters < 0 ? segment : segment.substring(0, parameters));
            if (name.equals("..")) {
                names.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    private static String percentDecoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
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

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response) {
        return unauthorized(
                request,
                response,
                BasicChallenge.HEADER_VALUE,
                "The username or password is wrong, or the account is deactivated");
    }

    /** An API token: its owner, or a 401 that says which credentials failed (never a password dialog). */
    private AuthenticationStatus bearer(
            String token, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        long start = System.nanoTime();
        var caller = bearerTokens.verify(token);
        if (caller.isPresent()) {
            return context.notifyContainerAboutLogin(
                    new CallerPrincipal(caller.get().username()), caller.get().groups());
        }
        record(request, "(authentication failed)", HttpServletResponse.SC_UNAUTHORIZED, start);
        return unauthorized(
                request,
                response,
                "Bearer realm=\"issuetracker\", error=\"invalid_token\"",
                "The API token is unknown, expired or revoked, or its account no longer accepts it (deactivated,"
                        + " or its password changed since the token was made)");
    }

    /** A 401 problem, with the challenge for API clients only ({@link BasicChallenge}). */
    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, String challenge, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        if (BasicChallenge.offeredTo(request)) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        // the media type exactly as the API's own problems have it (a charset parameter is for text/*)
        response.setContentType("application/problem+json");
        try {
            response.getOutputStream()
                    .write(Json.createObjectBuilder()
                            .add("type", "urn:issuetracker:problem:unauthorized")
                            .add("title", "Unauthorized")
                            .add("status", 401)
                            .add("detail", detail)
                            .build()
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client has gone; nothing more to tell it
        }
        RefusedRequests.answered(request);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
