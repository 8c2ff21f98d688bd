package org.issuetracker.interfaces.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.issuetracker.infrastructure.security.SessionStoreUnavailableException;
import org.issuetracker.infrastructure.security.SignInThrottledException;
import org.issuetracker.infrastructure.security.WebSessions;
import org.issuetracker.interfaces.web.LocalPath;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * The sign-in form and the sign-out button. After signing in, the user goes back to the page that asked for it
 * ({@code continue}, only ever a path of this application) or to the issue list. The page is stateless for
 * anonymous visitors (no view state, no HTTP session until the sign-in succeeds); {@link SignInToken} ties its
 * posts to this site instead.
 */
@Named("signIn")
@RequestScoped
public class SignInForm {

    @Inject
    WebSessions sessions;

    @Inject
    ExternalContext external;

    @Inject
    UiMessages messages;

    private String username;
    private String password;
    private String next;
    private String token;

    /** Before the page is rendered: the browser's sign-in token (set as a cookie when it has none yet). */
    public void prepare() {
        token = SignInToken.issue(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse());
    }

    public void signIn() throws IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (!SignInToken.matches(request)) {
            // posted from elsewhere, or a form older than the browser's cookie: nothing happens, the form again
            password = null;
            messages.error("signIn.expired");
            return;
        }
        boolean signedIn;
        try {
            signedIn = sessions.signIn(request, username, password);
        } catch (SignInThrottledException throttled) {
            password = null;
            throttledFor(throttled.retryAfterSeconds());
            return;
        } catch (SessionStoreUnavailableException noSessions) {
            password = null;
            external.setResponseStatus(503);
            external.setResponseHeader("Retry-After", "60");
            messages.error("signIn.unavailable");
            return;
        }
        if (!signedIn) {
            password = null;
            messages.error("signIn.failed");
            return;
        }
        messages.keepForRedirect();
        messages.info("signIn.welcome");
        external.redirect(external.getRequestContextPath() + safeNext());
    }

    /** The form again, saying how long to wait; 429 and {@code Retry-After} for what reads the status. */
    private void throttledFor(long seconds) {
        external.setResponseStatus(429);
        external.setResponseHeader("Retry-After", String.valueOf(seconds));
        if (seconds < 120) {
            messages.error("signIn.throttled.seconds", seconds);
        } else {
            messages.error("signIn.throttled.minutes", (seconds + 59) / 60);
        }
    }

    public void signOut() throws IOException {
        sessions.signOut((HttpServletRequest) external.getRequest());
        external.redirect(external.getRequestContextPath() + "/index.xhtml?signedOut=true");
    }

    /** Back to the page that asked, if it is one of this application (and not this one). */
    String safeNext() {
        return next != null && next.startsWith("/signin") ? LocalPath.HOME : LocalPath.orHome(next);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getToken() {
        return token;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
