package org.issuetracker.support;

import java.net.URL;
import java.net.http.HttpResponse;

/**
 * A user of the tests with a browser-like session (cookies, signed in through the web form) and a public issue of
 * their own, plus the same account over the API (HTTP Basic).
 */
public record SignedInUser(String username, WebForms web, Http api, String issueId) {

    /** Creates the user through the admin API, files and approves an issue of theirs, and signs in at {@code site}. */
    public static SignedInUser create(Tracker tracker, URL site, String prefix) {
        Tracker.User user = tracker.newUser(prefix);
        String issueId =
                tracker.filePublic(user.http(), "Issue of " + user.username()).getString("id");
        WebForms web = new WebForms(new Http(site));
        String welcome = web.signIn(user.username(), Tracker.PASSWORD)
                .select(".notice-info")
                .text();
        if (!welcome.equals("You are signed in.")) {
            throw new AssertionError("the page after signing in says '" + welcome + "', not the welcome");
        }
        return new SignedInUser(user.username(), web, user.http(), issueId);
    }

    /** Whether the session still signs in a page that needs it (the profile), wherever the balancer sends it. */
    public boolean isSignedIn() {
        HttpResponse<String> profile = web.http().get("profile.xhtml");
        return profile.statusCode() == 200 && profile.body().contains("id=\"signOut\"");
    }
}
