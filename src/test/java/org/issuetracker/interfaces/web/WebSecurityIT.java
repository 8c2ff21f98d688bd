package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.SignedInUser;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.WebForms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What protects browsers and the API from each other, over HTTP: a session cookie signs in no API write however the
 * path is spelled; browsers never get a Basic challenge (which would make them keep and replay a password), and no
 * other site can make one write through the API; the CSV export opens as data and is bounded for anonymous callers;
 * a hidden issue's comment gives the issue away in no error; and every response carries the protection headers
 * (CSP with PrimeFaces' nonce on pages, HSTS and a Secure cookie over HTTPS); password guessing makes the account, or
 * the client address, wait (429) without touching the sessions signed in before.
 */
class WebSecurityIT extends ArquillianIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    Tracker tracker;

    @BeforeEach
    void tracker() {
        tracker = new Tracker(http);
    }

    @Test
    void aSessionCookieSignsInNoApiWriteHoweverThePathIsSpelled() {
        Tracker.User author = tracker.newUser("spelled");
        String issueId =
                tracker.filePublic(author.http(), "Votes by path " + RUN).getString("id");
        SignedInUser voter = SignedInUser.create(tracker, deployment, "cookie");
        Http browser = voter.web().http();
        assertThat(Http.json(browser.get("api/me")).getString("username"))
                .as("the session does sign in API reads")
                .isEqualTo(voter.username());

        // On Payara 6.2025.10 none of these spellings reaches a resource unless it is the plain one (Jersey answers
        // 404 when the raw URI and the routed path differ), so this holds even with a raw-URI check: the check on
        // the routed path itself is TrackerAuthenticationTest's. Here: no spelling lets the cookie write.
        String app = browser.uri("").toString(); // http://127.0.0.1:port/context/
        String context = URI.create(app).getRawPath();
        String server = app.substring(0, app.length() - context.length());
        for (String spelled : List.of(
                app + "api/issues/" + issueId + "/votes",
                app + "api;jsessionid=0123/issues/" + issueId + "/votes",
                app + "%61pi/issues/" + issueId + "/votes",
                app + "%61%70%69/issues/" + issueId + "/votes",
                server + context.replaceAll("/$", "") + "//api/issues/" + issueId + "/votes",
                app + "./api/issues/" + issueId + "/votes",
                app + "api;x=y/issues/" + issueId + "/votes",
                server + context.replaceAll("/$", "") + ";x=y/api/issues/" + issueId + "/votes")) {
            HttpResponse<String> vote =
                    browser.send(HttpRequest.newBuilder(URI.create(spelled)).POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(vote.statusCode()).as(spelled + ": " + vote.body()).isIn(301, 401, 404);
        }
        assertThat(Http.json(tracker.admin().get("api/issues/" + issueId)).getInt("votes"))
                .isZero();
    }

    @Test
    void browsersGetNoBasicChallengeWhileApiClientsStillDo() {
        String issueId = tracker.filePublic(tracker.newUser("challenge").http(), "Challenge " + RUN)
                .getString("id");
        String votes = "api/issues/" + issueId + "/votes";

        HttpResponse<String> apiClient = http.postEmpty(votes);
        assertThat(apiClient.statusCode()).isEqualTo(401);
        assertThat(apiClient.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("Basic realm="));

        for (String[] browserSays : List.of(
                new String[] {"Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "same-origin"},
                new String[] {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"},
                new String[] {"Cookie", "language=de"})) {
            HttpResponse<String> browser = http.send(
                    HttpRequest.newBuilder(http.uri(votes)).POST(HttpRequest.BodyPublishers.noBody()), browserSays);
            assertThat(browser.statusCode()).as(browserSays[0]).isEqualTo(401);
            assertThat(browser.headers().firstValue("WWW-Authenticate"))
                    .as(browserSays[0])
                    .isEmpty();
            assertThat(Http.json(browser).getString("detail")).contains("HTTP Basic");
        }

        Tracker.User user = tracker.newUser("replayed");
        Http wrongPassword = http.as(user.username(), "not-the-password");
        assertThat(wrongPassword.get("api/me").headers().firstValue("WWW-Authenticate"))
                .isPresent();
        HttpResponse<String> wrongFromABrowser =
                wrongPassword.get("api/me", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(wrongFromABrowser.statusCode()).isEqualTo(401);
        assertThat(wrongFromABrowser.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void noOtherSiteCanMakeABrowserWriteThroughTheApiEvenWithoutABody() {
        Tracker.User author = tracker.newUser("forged");
        Tracker.User voter = tracker.newUser("victim");
        String issueId =
                tracker.filePublic(author.http(), "Forged votes " + RUN).getString("id");
        // the victim's browser replays Basic credentials it kept: this client sends them with every request
        Http browser = voter.http();
        String votes = "api/issues/" + issueId + "/votes";
        String self = "http://127.0.0.1:" + deployment.getPort();

        List<HttpResponse<String>> refused = List.of(
                emptyPost(browser, votes, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
                emptyPost(browser, votes, "Sec-Fetch-Site", "same-site"),
                emptyPost(browser, votes, "Origin", "https://evil.example"),
                emptyPost(browser, votes, "Origin", "null"),
                emptyPost(tracker.admin(), "api/issues/" + issueId + "/restore", "Sec-Fetch-Site", "cross-site"));
        for (HttpResponse<String> answer : refused) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
            assertThat(Http.json(answer).getString("type")).isEqualTo("urn:issuetracker:problem:cross-site-write");
        }
        assertThat(Http.json(tracker.admin().get("api/issues/" + issueId)).getInt("votes"))
                .isZero();

        assertThat(emptyPost(browser, votes, "Sec-Fetch-Site", "same-origin", "Origin", self)
                        .statusCode())
                .as("the application's own pages (Swagger UI's 'try it out')")
                .isEqualTo(200);
        assertThat(emptyPost(browser, votes, "Origin", self).statusCode()).isEqualTo(200);
        assertThat(browser.get("api/issues/" + issueId, "Sec-Fetch-Site", "cross-site")
                        .statusCode())
                .as("reads are never refused")
                .isEqualTo(200);
    }

    private static HttpResponse<String> emptyPost(Http client, String path, String... headers) {
        return client.send(HttpRequest.newBuilder(client.uri(path)).POST(HttpRequest.BodyPublishers.noBody()), headers);
    }

    @Test
    void csvCellsOpenAsDataAndTheAnonymousExportIsCutAtItsCap() {
        String run = "csvsec" + UUID.randomUUID().toString().substring(0, 6);
        Tracker.User author = tracker.newUser("csv");
        tracker.filePublic(author.http(), "x;=cmd|' /C calc'!A0 " + run, run, "second-" + run);
        tracker.filePublic(author.http(), "-2+3 " + run, run);
        tracker.filePublic(author.http(), "\"=1+2\" and more " + run, run);
        for (int i = 0; i < 4; i++) {
            tracker.filePublic(author.http(), "Filler " + i + " " + run, run);
        }

        HttpResponse<String> anonymous = http.get("api/issues.csv?label=" + run + "&sort=oldest");
        String body = anonymous.body();
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(body)
                .contains(",\"x;=cmd|' /C calc'!A0 " + run + "\",")
                .contains(",\"" + run + ";second-" + run + "\",")
                .contains(",'-2+3 " + run + ",")
                .contains(",\"'\"\"=1+2\"\" and more " + run + "\",");
        assertThat(anonymous.headers().firstValue("X-Export-Truncated")).hasValue("first 5 of 7 issues");
        assertThat(body)
                .endsWith(
                        "\"(truncated: the first 5 of 7 issues; narrow the filter, sign in, or page through GET /api/issues)\""
                                + ",,,,,,,,,,,,\r\n");

        HttpResponse<String> signedIn = author.http().get("api/issues.csv?label=" + run);
        assertThat(signedIn.headers().firstValue("X-Export-Truncated")).isEmpty();
        assertThat(signedIn.body()).contains("Filler 3 " + run).doesNotContain("(truncated");
    }

    @Test
    void anonymousExportsAreRateLimitedPerClientAddress() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        String export = "api/issues.csv?q=" + RUN;
        for (int i = 0; i < 10; i++) {
            assertThat(http.get(export, "X-Forwarded-For", address).statusCode())
                    .as("export " + (i + 1))
                    .isEqualTo(200);
        }

        HttpResponse<String> refused = http.get(export, "X-Forwarded-For", address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(refused).getString("type")).isEqualTo("urn:issuetracker:problem:too-many-exports");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);

        assertThat(http.get(export, "X-Forwarded-For", "198.51.100.7").statusCode())
                .as("another address")
                .isEqualTo(200);
        assertThat(tracker.newUser("exporter")
                        .http()
                        .get(export, "X-Forwarded-For", address)
                        .statusCode())
                .as("a signed-in user")
                .isEqualTo(200);
    }

    @Test
    void repeatedWrongPasswordsMakeTheAccountWaitWhileItsSignedInSessionGoesOn() {
        SignedInUser victim = SignedInUser.create(tracker, deployment, "besieged");
        Map<String, String> throttledAccounts = Map.of("kind", "account");
        double throttledBefore = metrics().sum("signin_throttled_total", throttledAccounts);
        for (int i = 1; i <= 6; i++) {
            assertThat(http.as(victim.username(), "guess-" + i).get("api/me").statusCode())
                    .as("guess " + i)
                    .isEqualTo(401);
        }

        HttpResponse<String> refused = http.as(victim.username(), "guess-7").get("api/me");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(refused).getString("type")).isEqualTo("urn:issuetracker:problem:too-many-sign-ins");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 10L);
        assertThat(http.as(victim.username(), Tracker.PASSWORD).get("api/me").statusCode())
                .as("even the right password waits: it is not checked")
                .isEqualTo(429);

        WebForms browser = new WebForms(new Http(deployment));
        HttpResponse<String> form = browser.submit(
                browser.page("signin.xhtml"),
                "signInForm",
                "signInForm:submit",
                Map.of("signInForm:username", victim.username(), "signInForm:password", "guess-8"));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.headers().firstValue("Retry-After")).isPresent();
        assertThat(WebForms.parse(form, http.uri("signin.xhtml"))
                        .select(".notice-error")
                        .text())
                .startsWith("Too many failed sign-ins for this account or from this address. Please wait ")
                .endsWith(" seconds, then try again.");
        WebForms.assertNoStackTrace(form.body());

        assertThat(Http.json(victim.web().http().get("api/me")).getString("username"))
                .as("the session signed in before is not throttled")
                .isEqualTo(victim.username());
        assertThat(metrics().sum("signin_throttled_total", throttledAccounts) - throttledBefore)
                .isEqualTo(3);
        JsonObject signIns =
                Http.json(tracker.admin().get("api/admin/operations")).getJsonObject("signIns");
        assertThat(signIns.getJsonNumber("throttledAccounts").longValue()).isGreaterThanOrEqualTo(3);
        assertThat(signIns.getInt("accountsWaiting")).isGreaterThanOrEqualTo(1);
        assertThat(signIns.getBoolean("sharedCounts")).isTrue();
    }

    @Test
    void anAddressTryingManyAccountsWaitsWhileOtherAddressesDoNot() {
        String address = "192.0.2." + (1 + (int) (Math.random() * 250));
        for (int i = 1; i <= 101; i++) {
            assertThat(http.as("nobody-" + RUN + "-" + i, "guess")
                            .get("api/me", "X-Forwarded-For", address)
                            .statusCode())
                    .as("failure " + i)
                    .isEqualTo(401);
        }

        Tracker.User user = tracker.newUser("neighbour");
        HttpResponse<String> refused =
                http.as(user.username(), Tracker.PASSWORD).get("api/me", "X-Forwarded-For", "10.9.8.7, " + address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.as(user.username(), Tracker.PASSWORD)
                        .get("api/me", "X-Forwarded-For", "198.51.100.9")
                        .statusCode())
                .as("the same account from another address")
                .isEqualTo(200);
    }

    @Test
    void aCommentOnAnIssueTheReaderMayNotSeeIsNotFoundAndGivesTheIssueAway() {
        Tracker.User author = tracker.newUser("hidden");
        String issueId =
                tracker.file(author.http(), "Pending with a comment " + RUN).getString("id");
        String commentId = Http.json(
                        author.http().postJson("api/issues/" + issueId + "/comments", "{\"body\":\"Still pending\"}"))
                .getString("id");
        Http other = tracker.newUser("outsider").http();

        for (HttpResponse<String> answer : List.of(
                other.get("api/comments/" + commentId),
                http.get("api/comments/" + commentId),
                other.postEmpty("api/comments/" + commentId + "/votes"),
                other.postEmpty("api/comments/" + commentId + "/answer"),
                other.put("api/comments/" + commentId, "{\"body\":\"Edited\"}"))) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
            JsonObject problem = Http.json(answer);
            assertThat(problem.getString("type")).isEqualTo("urn:issuetracker:problem:comment-not-found");
            assertThat(answer.body()).doesNotContain(issueId);
        }
        assertThat(author.http().get("api/comments/" + commentId).statusCode()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesTheProtectionHeaders() {
        String issueId = tracker.filePublic(tracker.newUser("headers").http(), "Headers " + RUN)
                .getString("id");
        for (String path : List.of(
                "index.xhtml",
                "issues/view.xhtml?id=" + issueId,
                "signin.xhtml",
                "no-such-page.xhtml",
                "api/issues/" + issueId,
                "api/no-such-thing",
                "api-docs/",
                "resources/css/app.css")) {
            HttpResponse<String> response = http.get(path);
            List<String> policies = response.headers().allValues("Content-Security-Policy");
            assertThat(policies).as(path).hasSize(1);
            String policy = policies.get(0);
            assertThat(policy)
                    .as(path)
                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'")
                    .doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("same-origin");
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as(path + " over plain HTTP")
                    .isEmpty();
            if (path.endsWith(".xhtml") || path.contains(".xhtml?")) {
                assertThat(policy)
                        .as(path + ": pages run PrimeFaces' inline set-up scripts")
                        .endsWith("script-src 'self' 'unsafe-inline'");
            } else {
                assertThat(policy).as(path).endsWith("script-src 'self'");
            }
        }
    }

    @Test
    void overHttpsHstsIsSentAndTheSessionCookieIsSecure() {
        Tracker.User user = tracker.newUser("tls");
        // as the load balancer sends them (OpenLiberty takes the scheme only along with the client's address)
        HttpResponse<String> overTls =
                http.get("signin.xhtml", "X-Forwarded-Proto", "https", "X-Forwarded-For", "127.0.0.1");
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(http.get("api/issues", "X-Forwarded-Proto", "https", "X-Forwarded-For", "127.0.0.1")
                        .headers()
                        .firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000");

        for (String proto : List.of("https", "http")) {
            WebForms web = new WebForms(new Http(deployment));
            Document form = web.page("signin.xhtml");
            HttpResponse<String> signedIn = web.submit(
                    form,
                    "signInForm",
                    "signInForm:submit",
                    Map.of("signInForm:username", user.username(), "signInForm:password", Tracker.PASSWORD),
                    "X-Forwarded-Proto",
                    proto,
                    "X-Forwarded-For",
                    "127.0.0.1");
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst()
                    .orElseThrow();
            if (proto.equals("https") && !onLiberty()) {
                assertThat(cookie).contains("Secure").contains("HttpOnly");
            } else {
                // OpenLiberty marks the cookie Secure by configuration (SESSION_COOKIE_SECURE, which its image sets),
                // not by the request's scheme: this run leaves it off, as mvn -Pliberty does on plain HTTP
                assertThat(cookie).doesNotContain("Secure").contains("HttpOnly");
            }
        }
    }
}
