package org.issuetracker.interfaces.web.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What keeps the sign-in form's posts to this site's own page, now that the page is stateless (a flood of visits
 * must not create sessions, so there is no session-bound view state to tie the post to): a random token, both in a
 * {@code SameSite=Strict}, {@code HttpOnly} cookie and in a hidden field of the form. Another site can make a browser
 * post the form but can neither read the cookie nor have it sent along, so its post cannot carry a matching pair
 * (which would otherwise sign the victim in to the attacker's account). A post whose {@code Origin} names another
 * host is refused as well.
 */
final class SignInToken {

    static final String COOKIE = "signInToken";
    static final String FIELD = "signInToken";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SignInToken() {}

    /** The browser's token, or a new one set as its cookie. */
    static String issue(HttpServletRequest request, HttpServletResponse response) {
        return fromCookie(request).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, token);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
            return token;
        });
    }

    /** Whether the post carries the token of its browser's cookie and comes from no other site. */
    static boolean matches(HttpServletRequest request) {
        Optional<String> cookie = fromCookie(request);
        String field = request.getParameter(FIELD);
        return cookie.isPresent()
                && field != null
                && MessageDigest.isEqual(
                        cookie.get().getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII))
                && fromThisSite(request);
    }

    private static Optional<String> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> COOKIE.equals(c.getName()))
                        .map(Cookie::getValue)
                        .filter(value ->
                                value != null && WELL_FORMED.matcher(value).matches())
                        .findFirst();
    }

    /** No {@code Origin} (older browsers, plain clients) or one naming the host the request was sent to. */
    private static boolean fromThisSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
