package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.WebForms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web UI over plain HTTP, as a browser without JavaScript uses it: form sign-in and its session, page access,
 * the list's URL filters, the issue form's field messages, view state against forged posts, escaping, the CSV export
 * and the second language. The browser-driven journey is {@link BrowserIT}.
 */
class WebPagesIT extends ArquillianIT {

    Tracker tracker;
    Tracker.User alice;
    WebForms web;

    @BeforeEach
    void users() {
        tracker = new Tracker(http);
        alice = tracker.newUser("web");
        web = new WebForms(new Http(deployment));
    }

    @Test
    void signingInStartsASessionAndSigningOutEndsIt() {
        Document signedIn = web.signIn(alice.username(), Tracker.PASSWORD);

        assertThat(signedIn.select(".notice-info").text()).isEqualTo("You are signed in.");
        assertThat(signedIn.select("#navProfile").text()).isEqualTo("User " + alice.username());
        assertThat(web.page("profile.xhtml").select("h1").text()).isEqualTo("My profile");

        Document signedOut = web.submitAndFollow(signedIn, "signOut", "signOut:signOutButton", Map.of());

        assertThat(signedOut.select(".notice-info").text()).isEqualTo("You are signed out.");
        assertThat(signedOut.select("#navSignIn")).hasSize(1);
        assertThat(web.http().get("profile.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndNoSession() {
        Document form = web.page("signin.xhtml");

        HttpResponse<String> refused = web.submit(
                form,
                "signInForm",
                "signInForm:submit",
                Map.of("signInForm:username", alice.username(), "signInForm:password", "wrong-password"));

        assertThat(refused.statusCode()).isEqualTo(200);
        Document page = WebForms.parse(refused, web.http().uri("signin.xhtml"));
        assertThat(page.select(".notice-error").text())
                .isEqualTo("The username or password is wrong, or the account is deactivated.");
        assertThat(page.select("#signInForm\\:password").val()).isEmpty();
        assertThat(web.http().get("profile.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInLeadsBackToThePageThatAskedButNeverToAnotherSite() {
        HttpResponse<String> profile = web.http().get("profile.xhtml");
        assertThat(profile.headers().firstValue("Location").orElseThrow())
                .endsWith("/signin.xhtml?continue=%2Fprofile.xhtml");

        assertThat(signInFrom("signin.xhtml?continue=%2Fprofile.xhtml")).endsWith("/profile.xhtml");
        for (String elsewhere :
                List.of("%2F%2Fevil.example%2F", "https%3A%2F%2Fevil.example%2F", "%2F%5Cevil.example")) {
            web = new WebForms(new Http(deployment));
            assertThat(signInFrom("signin.xhtml?continue=" + elsewhere))
                    .as(elsewhere)
                    .endsWith("/index.xhtml");
        }
    }

    private String signInFrom(String page) {
        HttpResponse<String> posted = web.submit(
                web.page(page),
                "signInForm",
                "signInForm:submit",
                Map.of("signInForm:username", alice.username(), "signInForm:password", Tracker.PASSWORD));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        return posted.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void adminPagesAreForAdministratorsOnly() {
        web.signIn(alice.username(), Tracker.PASSWORD);

        for (String page : List.of("admin/approvals.xhtml", "admin/reference.xhtml", "admin/users.xhtml")) {
            HttpResponse<String> denied = web.http().get(page);
            assertThat(denied.statusCode()).as(page).isEqualTo(403);
            assertThat(WebForms.parse(denied, web.http().uri(page)).select("h1").text())
                    .isEqualTo("Access denied");
            WebForms.assertNoStackTrace(denied.body());
        }
        WebForms admin = new WebForms(new Http(deployment));
        admin.signIn("admin", Tracker.ADMIN_PASSWORD);
        assertThat(admin.page("admin/users.xhtml").select("h1").text()).isEqualTo("Users");
    }

    @Test
    void theListShowsApprovedIssuesWithTheirCountsAndFiltersThroughTheUrl() {
        String label = "lbl" + UUID.randomUUID().toString().substring(0, 8);
        String word = "Word" + UUID.randomUUID().toString().substring(0, 8);
        String popular =
                tracker.filePublic(alice.http(), "Popular " + word, label).getString("id");
        tracker.filePublic(alice.http(), "Quiet " + word, label);
        tracker.file(alice.http(), "Pending " + word, label);
        Tracker.User bob = tracker.newUser("voter");
        bob.http().postEmpty("api/issues/" + popular + "/votes");
        bob.http().postJson("api/issues/" + popular + "/comments", "{\"body\":\"Same here.\"}");

        Document byLabel = web.page("index.xhtml?label=" + label + "&sort=votes");

        assertThat(byLabel.select(".issue-title").eachText()).containsExactly("Popular " + word, "Quiet " + word);
        assertThat(byLabel.select(".issue-row").first().select(".votes").text()).isEqualTo("1 vote");
        assertThat(byLabel.select(".issue-row").first().select(".comments").text())
                .isEqualTo("1 comment");
        assertThat(byLabel.select("#sort option[selected]").val()).isEqualTo("votes");
        assertThat(byLabel.select("#listSummary").text()).isEqualTo("Showing 1–2 of 2");

        Document searched = web.page("index.xhtml?q=quiet+" + word.toLowerCase());
        assertThat(searched.select(".issue-title").eachText()).containsExactly("Quiet " + word);
        assertThat(searched.select("#q").val()).isEqualTo("quiet " + word.toLowerCase());

        Document paged = web.page("index.xhtml?label=" + label + "&size=1&sort=oldest");
        assertThat(paged.select(".issue-title").eachText()).containsExactly("Popular " + word);
        String next = paged.select("#nextPage").attr("href");
        assertThat(next).contains("label=" + label).contains("size=1").contains("page=2");
        assertThat(web.page(next.substring(next.indexOf("index.xhtml")))
                        .select(".issue-title")
                        .eachText())
                .containsExactly("Quiet " + word);

        Document nonsense = web.page("index.xhtml?label=" + label + "&page=banana&size=-4&sort=sideways");
        assertThat(nonsense.select(".issue-title")).hasSize(2);
    }

    @Test
    void theIssueFormShowsMessagesNextToItsFieldsThenFilesTheIssue() {
        web.signIn(alice.username(), Tracker.PASSWORD);
        Document form = web.page("issues/new.xhtml");

        HttpResponse<String> invalid = web.submit(
                form, "issueForm", "issueForm:save", Map.of("issueForm:title", "", "issueForm:description", "short"));

        assertThat(invalid.statusCode()).isEqualTo(200);
        Document answer = WebForms.parse(invalid, web.http().uri("issues/new.xhtml"));
        assertThat(answer.select("#issueForm\\:titleMessage").text()).isEqualTo("A title is required");
        assertThat(answer.select("#issueForm\\:descriptionMessage").text())
                .isEqualTo("A description has 10 to 5000 characters");
        assertThat(answer.select("#issueForm\\:categoryIdMessage").text()).isEqualTo("A category is required");
        assertThat(answer.select(".notice-error").text()).isEqualTo("Please correct the fields marked below.");
        assertThat(answer.select("#issueForm\\:description").text()).isEqualTo("short");
        assertThat(answer.select("#issueForm\\:title").attr("aria-invalid")).isEqualTo("true");

        String title = "Filed through the form " + UUID.randomUUID();
        Document filed = web.submitAndFollow(
                answer,
                "issueForm",
                "issueForm:save",
                Map.of(
                        "issueForm:title",
                        title,
                        "issueForm:description",
                        "The coffee machine on floor 2 leaks.",
                        "issueForm:categoryId",
                        tracker.id("categories", "Bug"),
                        "issueForm:labels_input",
                        "Kitchen, floor 2"));

        assertThat(filed.select(".notice-info").text())
                .isEqualTo("Issue filed. It appears in the list once an administrator has approved it.");
        assertThat(filed.select("#issueTitle").text()).isEqualTo(title);
        assertThat(filed.select("#pendingBadge").text()).isEqualTo("Awaiting approval");
        assertThat(filed.select(".details .chip").eachText()).containsExactly("kitchen", "floor 2");
    }

    @Test
    void aPostWithoutThisSessionsViewStateChangesNothing() {
        web.signIn(alice.username(), Tracker.PASSWORD);
        web.page("issues/new.xhtml");
        long before = total();
        Map<String, String> typed = Map.of(
                "issueForm:title",
                "Forged " + UUID.randomUUID(),
                "issueForm:description",
                "Nobody asked for this issue.",
                "issueForm:categoryId",
                tracker.id("categories", "Bug"));

        // the fields without any view state: Faces treats it as a plain request and runs no action
        Map<String, String> withoutState = new HashMap<>(typed);
        withoutState.put("issueForm", "issueForm");
        withoutState.put("issueForm:save", "");
        HttpResponse<String> stateless = web.http().postForm("issues/new.xhtml", withoutState);

        // another session's page (an attacker's own) with its view state, posted with the victim's cookie
        WebForms attacker = new WebForms(new Http(deployment));
        attacker.signIn(tracker.newUser("attacker").username(), Tracker.PASSWORD);
        Document attackersForm = attacker.page("issues/new.xhtml");
        HttpResponse<String> crossSession = web.submit(attackersForm, "issueForm", "issueForm:save", typed);

        assertThat(stateless.statusCode()).isLessThan(500);
        WebForms.assertNoStackTrace(stateless.body());
        assertThat(crossSession.statusCode()).isEqualTo(302);
        Document after = web.follow(crossSession);
        assertThat(after.select("#viewExpired").text()).startsWith("The page was open for too long");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void markupInUserTextIsShownAsTextEverywhere() {
        String title = "<script>alert(1)</script> " + UUID.randomUUID();
        String id = tracker.filePublic(alice.http(), title, "xss").getString("id");
        alice.http().postJson("api/issues/" + id + "/comments", "{\"body\":\"<img src=x onerror=alert(2)>\"}");
        web.signIn(alice.username(), Tracker.PASSWORD);

        for (String page : List.of("index.xhtml?label=xss", "issues/view.xhtml?id=" + id, "profile.xhtml")) {
            String html = web.http().get(page).body();
            assertThat(html)
                    .as(page)
                    .doesNotContain("<script>alert(1)</script>")
                    .doesNotContain("<img src=x");
            assertThat(html).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        assertThat(web.page("issues/view.xhtml?id=" + id).select("#issueTitle").text())
                .isEqualTo(title);
    }

    @Test
    void unknownIssuesAndPagesAreAFriendlyNotFound() {
        for (String page : List.of(
                "issues/view.xhtml?id=000000000000000000000000", "issues/view.xhtml?id=%3Cx%3E", "nope.xhtml")) {
            HttpResponse<String> response = http.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(404);
            assertThat(WebForms.parse(response, http.uri(page)).select("h1").text())
                    .isEqualTo("Page not found");
            WebForms.assertNoStackTrace(response.body());
            assertThat(response.body()).doesNotContain("<x>");
        }
    }

    @Test
    void theCsvExportHasTheFilteredIssuesWithFormulasDefused() {
        String label = "csv" + UUID.randomUUID().toString().substring(0, 8);
        tracker.filePublic(alice.http(), "=HYPERLINK(\"http://evil.example\") in a title", label);
        tracker.filePublic(alice.http(), "A plain, quoted \"title\"", label);

        HttpResponse<String> csv = http.get("issues.csv?label=" + label + "&sort=oldest");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo(
                        "\uFEFFid,title,status,category,labels,author,assignee,votes,comments,created,updated,closed");
        assertThat(lines.get(1))
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\") in a title\",Open,Bug," + label + ",");
        assertThat(lines.get(2)).contains(",\"A plain, quoted \"\"title\"\"\",");
    }

    @Test
    void aGermanBrowserGetsGermanPagesAndCanSwitchToEnglish() {
        Document german = web.page("index.xhtml", "Accept-Language", "de-DE,de;q=0.9");

        assertThat(german.select("h1").text()).isEqualTo("Tickets");
        assertThat(german.select("html").attr("lang")).isEqualTo("de");

        String englishButton = german.select("#language input[lang=en]").attr("id");
        Document english = web.submitAndFollow(german, "language", englishButton, Map.of());
        assertThat(english.select("h1").text()).isEqualTo("Issues");
        assertThat(web.page("index.xhtml", "Accept-Language", "de").select("h1").text())
                .as("the choice lasts for the session")
                .isEqualTo("Issues");
    }

    @Test
    void anEditBasedOnAnOldVersionOverwritesNothing() {
        String id =
                tracker.file(alice.http(), "Edited twice " + UUID.randomUUID()).getString("id");
        web.signIn(alice.username(), Tracker.PASSWORD);
        Document form = web.page("issues/edit.xhtml?id=" + id);
        String changedMeanwhile = "Changed through the API meanwhile";
        HttpResponse<String> apiEdit = alice.http()
                .put(
                        "api/issues/" + id,
                        Http.jsonBody(Map.of(
                                "title",
                                changedMeanwhile,
                                "description",
                                "Someone else was quicker.",
                                "categoryId",
                                tracker.id("categories", "Bug"),
                                "labels",
                                List.of())));
        assertThat(apiEdit.statusCode()).as(apiEdit.body()).isEqualTo(200);

        HttpResponse<String> stale =
                web.submit(form, "issueForm", "issueForm:save", Map.of("issueForm:title", "My late edit"));

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(WebForms.parse(stale, web.http().uri("issues/edit.xhtml"))
                        .select(".notice-error")
                        .text())
                .startsWith("Someone else changed this in the meantime.");
        assertThat(Http.json(alice.http().get("api/issues/" + id)).getString("title"))
                .isEqualTo(changedMeanwhile);
    }

    private long total() {
        return Http.json(tracker.admin().get("api/issues?size=1"))
                .getJsonNumber("total")
                .longValue();
    }
}
