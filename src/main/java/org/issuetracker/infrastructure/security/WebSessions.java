package org.issuetracker.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import org.issuetracker.infrastructure.clustering.SessionStore;

/**
 * Signing in and out through the web form: the HTTP session remembers the username once the user store has accepted
 * the password, and {@link TrackerAuthentication} names that user as the caller of each later request. The roles
 * and the "active" flag are read from the user store on every request (see {@code ActorProducer}), so deactivating
 * an account or taking a role away takes effect on its open sessions at once.
 */
@ApplicationScoped
public class WebSessions {

    private static final String SIGNED_IN = "issuetracker.signedIn";
    private static final String SIGNED_IN_AT = "issuetracker.signedInAt";

    @Inject
    SignInThrottle throttle;

    @Inject
    SessionStore store;

    /**
     * Checks the password and, when it is right, starts a signed-in session under a new session id (so that an id
     * planted before signing in is worth nothing afterwards). Throws {@link SignInThrottledException}, checking
     * nothing, while the account or the client's address waits after too many failures.
     */
    public boolean signIn(HttpServletRequest request, String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return false;
        }
        if (!store.acceptsNewSessions()) {
            throw new SessionStoreUnavailableException();
        }
        CredentialValidationResult result = throttle.validate(request, username.trim(), password);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return false;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SIGNED_IN, result.getCallerPrincipal().getName());
        session.setAttribute(SIGNED_IN_AT, Instant.now());
        return true;
    }

    /**
     * After the signed-in user changed their own password: this session goes on, under a new id and as if signed in
     * now, while every other session of the account ends ({@code ActorProducer} compares the times).
     */
    public void renew(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) != null) {
            request.changeSessionId();
            request.getSession().setAttribute(SIGNED_IN_AT, Instant.now());
        }
    }

    /** Ends the session and everything in it. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** When this session signed in: empty for a request without a signed-in session (Basic, anonymous). */
    static Optional<Instant> signedInAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((Instant) session.getAttribute(SIGNED_IN_AT));
    }

    static Optional<String> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(SIGNED_IN));
    }
}
