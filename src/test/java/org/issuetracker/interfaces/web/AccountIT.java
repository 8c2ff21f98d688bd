package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.WebForms;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account's own password: changed with the current one in the profile or through the API, which ends the
 * account's other sessions (on every instance: {@code ClusterIT}); a password an administrator chose is temporary and must be changed
 * before anything else; a deactivation ends the sessions for good. API tokens made in the profile: the secret shown
 * once, listed, revoked; a password change ends them too.
 */
class AccountIT extends ArquillianIT {

    private static final String NEW_PASSWORD = "a-brand-new-passphrase";

    Tracker tracker;

    @BeforeEach
    void tracker() {
        tracker = new Tracker(http);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        // on another instance too: ClusterIT changes it on one node and looks at a session on the other
        Tracker.User user = tracker.newUser("changer");
        WebForms other = signedIn(deployment, user.username(), Tracker.PASSWORD);
        WebForms changing = signedIn(deployment, user.username(), Tracker.PASSWORD);
        assertThat(signedIn(other)).isTrue();

        Document changed = changing.submitAndFollow(
                changing.page("profile.xhtml"),
                "password",
                "password:changePassword",
                Map.of(
                        "password:currentPassword", Tracker.PASSWORD,
                        "password:newPassword", NEW_PASSWORD,
                        "password:repeatPassword", NEW_PASSWORD));

        assertThat(changed.select(".notice-info").text())
                .isEqualTo("Your password is changed. Your other sessions have ended.");
        assertThat(signedIn(changing)).as("the session that changed it goes on").isTrue();
        assertThat(signedIn(other)).as("another session of the account").isFalse();
        assertThat(new Http(deployment)
                        .as(user.username(), Tracker.PASSWORD)
                        .get("api/me")
                        .statusCode())
                .isEqualTo(401);
        assertThat(new Http(deployment)
                        .as(user.username(), NEW_PASSWORD)
                        .get("api/me")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theCurrentPasswordProvesItIsThemAndEveryRefusalNamesItsField() {
        Tracker.User user = tracker.newUser("prover");
        Map<String, String> cases = Map.of(
                "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"" + NEW_PASSWORD + "\"}",
                "currentPassword",
                "{\"currentPassword\":\"" + Tracker.PASSWORD + "\",\"newPassword\":\"" + Tracker.PASSWORD + "\"}",
                "newPassword",
                "{\"currentPassword\":\"" + Tracker.PASSWORD + "\",\"newPassword\":\"short\"}",
                "newPassword",
                "{\"newPassword\":\"" + NEW_PASSWORD + "\"}",
                "currentPassword");
        cases.forEach((body, field) -> {
            HttpResponse<String> refused = user.http().put("api/me/password", body);
            assertThat(refused.statusCode()).as(body + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Http.json(refused)
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"))
                    .as(body)
                    .isEqualTo(field);
        });
        assertThat(user.http().get("api/me").statusCode())
                .as("the password is unchanged")
                .isEqualTo(200);

        WebForms web = signedIn(deployment, user.username(), Tracker.PASSWORD);
        HttpResponse<String> wrong = web.submit(
                web.page("profile.xhtml"),
                "password",
                "password:changePassword",
                Map.of(
                        "password:currentPassword", "not-the-password",
                        "password:newPassword", NEW_PASSWORD,
                        "password:repeatPassword", NEW_PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(WebForms.parse(wrong, web.http().uri("profile.xhtml"))
                        .getElementById("password:currentPasswordMessage")
                        .text())
                .isEqualTo("This is not your current password");
        HttpResponse<String> mismatch = web.submit(
                web.page("profile.xhtml"),
                "password",
                "password:changePassword",
                Map.of(
                        "password:currentPassword",
                        Tracker.PASSWORD,
                        "password:newPassword",
                        NEW_PASSWORD,
                        "password:repeatPassword",
                        NEW_PASSWORD + "!"));
        assertThat(WebForms.parse(mismatch, web.http().uri("profile.xhtml"))
                        .getElementById("password:repeatPasswordMessage")
                        .text())
                .isEqualTo("The two new passwords differ");
    }

    @Test
    void aPasswordAnAdministratorChoseMustBeChangedBeforeAnythingElse() {
        Tracker.User user = tracker.newUser("temporary");
        HttpResponse<String> reset = tracker.admin()
                .put(
                        "api/users/" + user.username(),
                        Http.jsonBody(Map.of(
                                "displayName",
                                "User " + user.username(),
                                "email",
                                user.username() + "@example.com",
                                "password",
                                "temporary-password",
                                "roles",
                                List.of("USER"),
                                "active",
                                true)));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        Http api = new Http(deployment).as(user.username(), "temporary-password");

        HttpResponse<String> held = api.get("api/issues");
        assertThat(held.statusCode()).isEqualTo(403);
        assertThat(Http.json(held).getString("type")).isEqualTo("urn:issuetracker:problem:password-change-required");
        JsonObject me = Http.json(api.get("api/me"));
        assertThat(me.getBoolean("passwordChangeRequired")).isTrue();

        WebForms web = new WebForms(new Http(deployment));
        Document form = web.page("signin.xhtml");
        HttpResponse<String> signIn = web.submit(
                form,
                "signInForm",
                "signInForm:submit",
                Map.of("signInForm:username", user.username(), "signInForm:password", "temporary-password"));
        assertThat(signIn.statusCode()).isEqualTo(302);
        HttpResponse<String> home = web.http().get("index.xhtml");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/profile.xhtml?changePassword=true");
        assertThat(web.page("profile.xhtml").select("#passwordRequired").text())
                .startsWith("Your password was chosen for you.");

        HttpResponse<String> chosen = api.put(
                "api/me/password",
                "{\"currentPassword\":\"temporary-password\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(204);
        Http afterwards = new Http(deployment).as(user.username(), NEW_PASSWORD);
        assertThat(afterwards.get("api/issues").statusCode()).isEqualTo(200);
        assertThat(Http.json(afterwards.get("api/me")).getBoolean("passwordChangeRequired"))
                .isFalse();
    }

    @Test
    void anAdministratorEditsTheNameAndEmailAndSetsATemporaryPasswordThatEndsTheUsersSessions() {
        Tracker.User user = tracker.newUser("edited");
        WebForms users = signedIn(deployment, user.username(), Tracker.PASSWORD);
        WebForms admin = signedIn(deployment, "admin", Tracker.ADMIN_PASSWORD);

        Document form = admin.page("admin/user.xhtml?username=" + user.username());
        assertThat(form.select("#userForm\\:displayName").val()).isEqualTo("User " + user.username());
        Document saved = admin.submitAndFollow(
                form,
                "userForm",
                "userForm:save",
                Map.of(
                        "userForm:displayName", "Renamed by the admin",
                        "userForm:email", "renamed@example.com",
                        "userForm:password", "temporary-from-admin"));

        assertThat(saved.select(".notice-info").text())
                .isEqualTo(user.username() + " is saved, with a temporary password to change at the next sign-in.");
        JsonObject account = Http.json(tracker.admin().get("api/users/" + user.username()));
        assertThat(account.getString("displayName")).isEqualTo("Renamed by the admin");
        assertThat(account.getString("email")).isEqualTo("renamed@example.com");
        assertThat(account.getBoolean("passwordChangeRequired")).isTrue();
        assertThat(signedIn(users)).as("the user's session ended").isFalse();
        assertThat(new Http(deployment)
                        .as(user.username(), "temporary-from-admin")
                        .get("api/issues")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.http()
                        .get("admin/user.xhtml?username=nobody-like-this")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aDeactivationEndsTheAccountsSessionsForGoodEvenOnceReactivated() {
        Tracker.User user = tracker.newUser("leaver");
        WebForms web = signedIn(deployment, user.username(), Tracker.PASSWORD);
        assertThat(tracker.admin().delete("api/users/" + user.username()).statusCode())
                .isEqualTo(200);
        assertThat(signedIn(web)).isFalse();

        HttpResponse<String> back = tracker.admin()
                .put(
                        "api/users/" + user.username(),
                        Http.jsonBody(Map.of(
                                "displayName",
                                "User " + user.username(),
                                "email",
                                user.username() + "@example.com",
                                "roles",
                                List.of("USER"),
                                "active",
                                true)));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(signedIn(web)).as("the old session stays over").isFalse();
        assertThat(signedIn(signedIn(deployment, user.username(), Tracker.PASSWORD)))
                .as("signing in again works")
                .isTrue();
    }

    @Test
    void aTokenMadeInTheProfileShowsItsSecretOnceAndIsRevokedThere() {
        Tracker.User user = tracker.newUser("integrator");
        WebForms web = signedIn(deployment, user.username(), Tracker.PASSWORD);

        Document made = web.submitAndFollow(
                web.page("profile.xhtml"),
                "tokens",
                "tokens:create",
                Map.of(
                        "tokens:name",
                        "Nightly export",
                        "tokens:expiresAt",
                        LocalDate.now().plusDays(7).toString()));

        String secret = made.getElementById("newTokenSecret").val();
        assertThat(secret).matches("itk_[A-Za-z0-9_-]{43}");
        assertThat(made.getElementById("newToken").text()).contains("Nightly export", "only this once");
        assertThat(Http.json(new Http(deployment).withToken(secret).get("api/me"))
                        .getString("username"))
                .isEqualTo(user.username());

        Document again = web.page("profile.xhtml");
        assertThat(again.getElementById("newTokenSecret")).as("shown once only").isNull();
        assertThat(again.html()).doesNotContain(secret);
        Element row = again.selectFirst("#tokenList tbody tr");
        assertThat(row.text()).contains("Nightly export");
        assertThat(row.select("time")).as("made, last used, expires").hasSize(3);

        Element form = row.selectFirst("form");
        Document revoked = web.submitAndFollow(again, form.id(), form.id() + ":revoke", Map.of());
        assertThat(revoked.select(".notice-info").text()).contains("The token is revoked");
        assertThat(revoked.getElementById("tokenList")).isNull();
        assertThat(new Http(deployment).withToken(secret).get("api/me").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenWithoutANameOrWithAPastExpiryIsRefusedNextToItsField() {
        Tracker.User user = tracker.newUser("hasty");
        WebForms web = signedIn(deployment, user.username(), Tracker.PASSWORD);

        HttpResponse<String> nameless =
                web.submit(web.page("profile.xhtml"), "tokens", "tokens:create", Map.of("tokens:name", " "));
        assertThat(nameless.statusCode()).isEqualTo(200);
        assertThat(WebForms.parse(nameless, web.http().uri("profile.xhtml"))
                        .getElementById("tokens:nameMessage")
                        .text())
                .isEqualTo("A token needs a name");
        HttpResponse<String> past = web.submit(
                web.page("profile.xhtml"),
                "tokens",
                "tokens:create",
                Map.of("tokens:name", "Old", "tokens:expiresAt", "2020-01-01"));
        assertThat(WebForms.parse(past, web.http().uri("profile.xhtml"))
                        .getElementById("tokens:expiresAtMessage")
                        .text())
                .isNotBlank();
        WebForms.assertNoStackTrace(past.body());
        assertThat(Http.jsonArray(user.http().get("api/me/tokens"))).isEmpty();
    }

    @Test
    void aPasswordChangeEndsTheAccountsTokens() {
        Tracker.User user = tracker.newUser("rotator");
        String secret = Http.json(user.http().postJson("api/me/tokens", "{\"name\":\"laptop\"}"))
                .getString("token");
        Http token = new Http(deployment).withToken(secret);
        assertThat(token.get("api/me").statusCode()).isEqualTo(200);

        assertThat(user.http()
                        .put(
                                "api/me/password",
                                "{\"currentPassword\":\"" + Tracker.PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD
                                        + "\"}")
                        .statusCode())
                .isEqualTo(204);

        assertThat(token.get("api/me").statusCode())
                .as("a token made before the change")
                .isEqualTo(401);
    }

    @Test
    void anAdministratorRevokesAUsersTokenOnTheAccountsPage() {
        Tracker.User user = tracker.newUser("leaky");
        String secret = Http.json(user.http().postJson("api/me/tokens", "{\"name\":\"pasted in a chat\"}"))
                .getString("token");
        WebForms admin = signedIn(deployment, "admin", Tracker.ADMIN_PASSWORD);

        Document page = admin.page("admin/user.xhtml?username=" + user.username());
        Element row = page.selectFirst("#tokenList tbody tr");
        assertThat(row.text()).contains("pasted in a chat").doesNotContain(secret);
        Element form = row.selectFirst("form");
        Document revoked = admin.submitAndFollow(page, form.id(), form.id() + ":revoke", Map.of());

        assertThat(revoked.select(".notice-info").text())
                .isEqualTo("The API token of " + user.username() + " is revoked: it no longer works anywhere.");
        assertThat(revoked.getElementById("tokenList")).isNull();
        assertThat(new Http(deployment).withToken(secret).get("api/me").statusCode())
                .isEqualTo(401);
    }

    private static WebForms signedIn(URL site, String username, String password) {
        WebForms web = new WebForms(new Http(site));
        web.signIn(username, password);
        return web;
    }

    private static boolean signedIn(WebForms web) {
        HttpResponse<String> profile = web.http().get("profile.xhtml");
        return profile.statusCode() == 200 && profile.body().contains("id=\"signOut\"");
    }
}
