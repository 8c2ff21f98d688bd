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
    void anonymousReadersGetNoSessionAndTheSessionCookieIsGuarded() {
        String id = tracker.filePublic(alice.http(), "Read without a session " + UUID.randomUUID())
                .getString("id");
        for (String page : List.of("index.xhtml", "issues/view.xhtml?id=" + id, "dashboard.xhtml")) {
            HttpResponse<String> response = http.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).as(page).isEmpty();
        }

        HttpResponse<String> signedIn = web.submit(
                web.page("signin.xhtml"),
                "signInForm",
                "signInForm:submit",
                Map.of("signInForm:username", alice.username(), "signInForm:password", Tracker.PASSWORD));
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .as("a new session id at sign-in, not readable by scripts, not sent with cross-site posts")
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void visitsToTheSignInPageCreateNoSessionsAndItsFormStillSignsIn() {
        int sessions = 0;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> visit = new Http(deployment).get("signin.xhtml");
            assertThat(visit.statusCode()).isEqualTo(200);
            sessions += (int) visit.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("JSESSIONID="))
                    .count();
        }
        assertThat(sessions)
                .as("sessions created by 100 visits of the sign-in page")
                .isZero();

        Document form = web.page("signin.xhtml");
        assertThat(form.select("input[name=jakarta.faces.ViewState]").val()).isEqualTo("stateless");
        assertThat(web.signIn(alice.username(), Tracker.PASSWORD)
                        .select(".notice-info")
                        .text())
                .isEqualTo("You are signed in.");
    }

    @Test
    void aSignInPostedFromAnotherSiteSignsNobodyIn() {
        // the attacker's own copy of the form, with the attacker's token, posted by the victim's browser: the
        // victim's browser has no (or another) token cookie, so nothing happens
        Document attackersForm = new WebForms(new Http(deployment)).page("signin.xhtml");
        Map<String, String> typed =
                Map.of("signInForm:username", alice.username(), "signInForm:password", Tracker.PASSWORD);

        HttpResponse<String> withoutCookie = web.submit(attackersForm, "signInForm", "signInForm:submit", typed);
        web.page("signin.xhtml"); // the victim's browser now holds a token of its own, not the attacker's
        HttpResponse<String> otherToken = web.submit(attackersForm, "signInForm", "signInForm:submit", typed);
        HttpResponse<String> otherOrigin = web.submit(
                web.page("signin.xhtml"), "signInForm", "signInForm:submit", typed, "Origin", "https://evil.example");

        for (HttpResponse<String> refused : List.of(withoutCookie, otherToken, otherOrigin)) {
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(WebForms.parse(refused, web.http().uri("signin.xhtml"))
                            .select(".notice-error")
                            .text())
                    .isEqualTo("This sign-in form is no longer valid. Please sign in again.");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
        assertThat(web.http().get("profile.xhtml").statusCode()).isEqualTo(302);

        Map<String, String> claimingStateless = new HashMap<>(typed);
        claimingStateless.put("jakarta.faces.ViewState", "stateless");
        claimingStateless.put("issueForm", "issueForm");
        assertThat(web.http().postForm("index.xhtml", claimingStateless).statusCode())
                .as("only the sign-in page is stateless")
                .isEqualTo(400);
    }

    @Test
    void aSearchBeyondItsBoundsSaysWhyInsteadOfRunning() {
        Document tooLong = web.page("index.xhtml?q=" + "x".repeat(201));
        assertThat(tooLong.select("#searchLimit").text())
                .isEqualTo("A search has at most 200 characters. Please shorten it.");
        assertThat(tooLong.select(".issue-row")).isEmpty();

        Document tooMany = web.page("index.xhtml?label=a,b,c,d,e,f,g,h,i,j,k");
        assertThat(tooMany.select("#searchLimit").text())
                .isEqualTo("A search names at most 10 labels. Please remove some.");
        WebForms.assertNoStackTrace(tooMany.outerHtml());

        assertThat(web.page("index.xhtml?q=" + "x".repeat(200)).select("#searchLimit"))
                .isEmpty();
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

        // a view state claiming the view is stateless: the signed-in user's view is not, so it is refused too
        Map<String, String> claimingStateless = new HashMap<>(withoutState);
        claimingStateless.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> statelessClaim = web.http().postForm("issues/new.xhtml", claimingStateless);
        assertThat(statelessClaim.statusCode()).isEqualTo(400);
        assertThat(WebForms.parse(statelessClaim, web.http().uri("issues/new.xhtml"))
                        .select("h1")
                        .text())
                .isEqualTo("This form is no longer valid");
        WebForms.assertNoStackTrace(statelessClaim.body());

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
    void theExportLinkDownloadsTheListsFilterAsCsv() {
        String label = "csv" + UUID.randomUUID().toString().substring(0, 8);
        tracker.filePublic(alice.http(), "Exported first " + label, label);
        tracker.filePublic(alice.http(), "Exported second " + label, label);
        tracker.file(alice.http(), "Pending, not on the list " + label, label);
        web.signIn(alice.username(), Tracker.PASSWORD);

        String link = web.page("index.xhtml?label=" + label + "&sort=oldest")
                .select("#export")
                .attr("href");
        HttpResponse<String> csv = web.http().get(link.substring(link.indexOf("api/")));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(",Exported first " + label + ",");
        assertThat(lines.get(2)).contains(",Exported second " + label + ",");
    }

    @Test
    void aGermanBrowserGetsGermanPagesAndCanSwitchToEnglish() {
        Document german = web.page("index.xhtml", "Accept-Language", "de-DE,de;q=0.9");

        assertThat(german.select("h1").text()).isEqualTo("Tickets");
        assertThat(german.select("html").attr("lang")).isEqualTo("de");

        String toEnglish = german.select("#language-en").attr("href");
        assertThat(toEnglish).contains("back=%2Findex.xhtml");
        HttpResponse<String> switched = web.http().get(toEnglish.substring(toEnglish.indexOf("language")));
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("issuetracker-language=en")
                .contains("SameSite=Lax");
        Document english = web.follow(switched);
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

    @Test
    void theAuthorIsToldBeforeAndAfterSavingThatNewTextNeedsApprovalAgainAndTheQueueSaysWhy() {
        String title = "Approved, then rewritten " + UUID.randomUUID();
        String id = tracker.filePublic(alice.http(), title).getString("id");
        web.signIn(alice.username(), Tracker.PASSWORD);

        Document form = web.page("issues/edit.xhtml?id=" + id);
        assertThat(form.select("#reapprovalNotice").text()).startsWith("This issue is public. If you change its title");
        Document saved = web.submitAndFollow(
                form, "issueForm", "issueForm:save", Map.of("issueForm:description", "A new text nobody approved"));

        assertThat(saved.select(".notice-info").text())
                .startsWith("Your changes are saved. The issue waits for an administrator's approval again");
        assertThat(saved.select("#pendingBadge").text()).isEqualTo("Awaiting approval");
        assertThat(saved.select("#reapprovalNote")).hasSize(1);
        assertThat(http.get("issues/view.xhtml?id=" + id).statusCode()).isEqualTo(404);
        WebForms admin = new WebForms(new Http(deployment));
        admin.signIn("admin", Tracker.ADMIN_PASSWORD);
        Document queue = admin.page("admin/approvals.xhtml");
        assertThat(queue.select("#approval-" + id + " .notice-review").text())
                .startsWith("Approved by admin on ")
                .contains("then its author changed the text");
        assertThat(admin.page("issues/edit.xhtml?id=" + id).select("#reapprovalNotice"))
                .as("admins' edits need no approval")
                .isEmpty();
    }

    @Test
    void anAdminManagesCategoriesOnTheirPage() {
        WebForms admin = new WebForms(new Http(deployment));
        admin.signIn("admin", Tracker.ADMIN_PASSWORD);
        String name = "Cat " + UUID.randomUUID().toString().substring(0, 8);

        Document created = admin.submitAndFollow(
                admin.page("admin/reference.xhtml"),
                "reference",
                "reference:create",
                Map.of("reference:name", name, "reference:description", "Made on the page"));
        assertThat(created.select(".notice-info").text()).isEqualTo("Created: " + name);
        assertThat(tracker.id("categories", name)).isNotBlank();

        HttpResponse<String> taken =
                admin.submit(created, "reference", "reference:create", Map.of("reference:name", name));
        assertThat(WebForms.parse(taken, admin.http().uri("admin/reference.xhtml"))
                        .select(".notice-error")
                        .text())
                .isEqualTo("This name is taken.");

        String item = formOf(created, "input[name=name]", name);
        Document renamed = admin.submitAndFollow(created, item, item + ":save", Map.of("name", name + " renamed"));
        assertThat(renamed.select(".notice-info").text()).isEqualTo("Saved: " + name + " renamed");

        item = formOf(renamed, "input[name=name]", name + " renamed");
        Document archived = admin.submitAndFollow(renamed, item, item + ":archive", Map.of());
        assertThat(archived.select(".notice-info").text()).isEqualTo("Archived: " + name + " renamed");
        assertThat(Http.jsonArray(http.get("api/categories")).toString()).doesNotContain(name);
        web.signIn(alice.username(), Tracker.PASSWORD);
        assertThat(web.page("issues/new.xhtml")
                        .select("#issueForm\\:categoryId option")
                        .eachText())
                .as("an archived category is not offered for new issues")
                .doesNotContain(name + " renamed")
                .contains("Bug");

        item = formOf(archived, "input[name=name]", name + " renamed");
        Document restored = admin.submitAndFollow(archived, item, item + ":restore", Map.of());
        assertThat(restored.select(".notice-info").text()).isEqualTo("Restored: " + name + " renamed");
        assertThat(Http.jsonArray(http.get("api/categories")).toString()).contains(name + " renamed");
    }

    @Test
    void anAdminCreatesPromotesAndDeactivatesUsersOnTheirPage() {
        WebForms admin = new WebForms(new Http(deployment));
        admin.signIn("admin", Tracker.ADMIN_PASSWORD);
        String username = "carol-" + UUID.randomUUID().toString().substring(0, 6);
        Document page = admin.page("admin/users.xhtml?q=carol-");

        HttpResponse<String> invalid = admin.submit(
                page,
                "users",
                "users:create",
                Map.of(
                        "users:username",
                        "No Spaces Allowed",
                        "users:displayName",
                        "Carol",
                        "users:email",
                        "not-mail",
                        "users:password",
                        "short"));
        Document refused = WebForms.parse(invalid, admin.http().uri("admin/users.xhtml"));
        assertThat(refused.select("#users\\:usernameMessage").text()).startsWith("A username has 3 to 32");
        assertThat(refused.select("#users\\:emailMessage").text()).isEqualTo("This is not an e-mail address");
        assertThat(refused.select("#users\\:passwordMessage").text()).isEqualTo("A password has 8 to 128 characters");

        Document created = admin.submitAndFollow(
                refused,
                "users",
                "users:create",
                Map.of(
                        "users:username",
                        username,
                        "users:displayName",
                        "Carol Page",
                        "users:email",
                        username + "@example.com",
                        "users:password",
                        "carols-password"));
        assertThat(created.select(".notice-info").text()).isEqualTo("User " + username + " created.");
        assertThat(created.select("#userTable tbody tr").eachAttr("id")).contains("user-" + username);
        created = admin.page("admin/users.xhtml?q=" + username);
        assertThat(created.select("#userTable tbody tr").eachAttr("id")).containsExactly("user-" + username);

        String account = formOf(created, "input[name=username]", username);
        Document promoted = admin.submitAndFollow(created, account, account + ":saveRoles", Map.of("admin", "true"));
        assertThat(promoted.select(".notice-info").text()).isEqualTo("The roles of " + username + " are saved.");
        WebForms carol = new WebForms(new Http(deployment));
        carol.signIn(username, "carols-password");
        assertThat(carol.http().get("admin/users.xhtml").statusCode()).isEqualTo(200);

        account = formOf(promoted, "input[name=username]", username);
        assertThat(promoted.select("#admin-" + username).hasAttr("checked")).isTrue();
        Document deactivated = admin.submitAndFollow(promoted, account, account + ":deactivate", Map.of());
        assertThat(deactivated.select(".notice-info").text()).isEqualTo(username + " is deactivated.");
        assertThat(carol.http().get("admin/users.xhtml").statusCode())
                .as("an open session loses its rights at once")
                .isEqualTo(302);
        WebForms again = new WebForms(new Http(deployment));
        HttpResponse<String> signIn = again.submit(
                again.page("signin.xhtml"),
                "signInForm",
                "signInForm:submit",
                Map.of("signInForm:username", username, "signInForm:password", "carols-password"));
        assertThat(signIn.statusCode())
                .as("a deactivated account cannot sign in")
                .isEqualTo(200);
        assertThat(WebForms.parse(signIn, again.http().uri("signin.xhtml"))
                        .select(".notice-error")
                        .text())
                .startsWith("The username or password is wrong");
    }

    @Test
    void anAdminRejectsFromTheQueueAndTheAuthorSeesItOnTheProfile() {
        String title = "To be rejected " + UUID.randomUUID();
        tracker.file(alice.http(), title);
        WebForms admin = new WebForms(new Http(deployment));
        admin.signIn("admin", Tracker.ADMIN_PASSWORD);
        Document queue = admin.page("admin/approvals.xhtml");

        String decision = formOf(queue, "input[name=title]", title);
        Document after = admin.submitAndFollow(queue, decision, decision + ":reject", Map.of());

        assertThat(after.select(".notice-info").text()).isEqualTo("Rejected: " + title);
        assertThat(after.select("section.approval h2").eachText()).doesNotContain(title);
        web.signIn(alice.username(), Tracker.PASSWORD);
        Document profile = web.page("profile.xhtml");
        assertThat(profile.select("#group-REJECTED li a").eachText()).containsExactly(title);
        assertThat(profile.select("#groupHeading-REJECTED").text()).isEqualTo("Rejected (1)");
    }

    @Test
    void preferencesKeptInTheSessionCacheShapeTheList() {
        String label = "pref" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 12; i++) {
            tracker.filePublic(alice.http(), "Preference test issue " + i, label);
        }
        web.signIn(alice.username(), Tracker.PASSWORD);
        assertThat(web.page("index.xhtml?label=" + label).select(".issue-row")).hasSize(12);

        Document saved = web.submitAndFollow(
                web.page("profile.xhtml"),
                "preferences",
                "preferences:savePreferences",
                Map.of("preferences:pageSize", "10", "preferences:sort", "OLDEST"));

        assertThat(saved.select(".notice-info").text()).isEqualTo("Your preferences are saved.");
        assertThat(saved.select("#preferences\\:pageSize option[selected]").val())
                .isEqualTo("10");
        Document list = web.page("index.xhtml?label=" + label);
        assertThat(list.select(".issue-row")).hasSize(10);
        assertThat(list.select(".issue-title").first().text()).isEqualTo("Preference test issue 0");
        assertThat(list.select("#sort option[selected]").val()).isEqualTo("oldest");
        assertThat(web.page("index.xhtml?label=" + label + "&sort=newest")
                        .select(".issue-title")
                        .first()
                        .text())
                .as("the URL wins over the preference")
                .isEqualTo("Preference test issue 11");
    }

    @Test
    void commentsAreEditedAndArchivedAndAdminsChangeStatusArchiveAndRestore() {
        String id = tracker.filePublic(alice.http(), "Issue page actions " + UUID.randomUUID())
                .getString("id");
        String page = "issues/view.xhtml?id=" + id;
        web.signIn(alice.username(), Tracker.PASSWORD);

        Document commented = web.submitAndFollow(
                web.page(page), "issueForm", "issueForm:addComment", Map.of("issueForm:body", "First thoughts"));
        assertThat(commented.select(".notice-info").text()).isEqualTo("Your comment is added.");
        String editLink = commented.select(".comment-actions a.link-button").attr("href");
        assertThat(editLink).contains("editComment=");

        Document editor = web.page(editLink.substring(editLink.indexOf("issues/")));
        assertThat(editor.select("textarea[id$='commentForm:body']").text()).isEqualTo("First thoughts");
        String row =
                editor.select("textarea[id$='commentForm:body']").attr("id").replace("body", "");
        String form = row.substring(0, row.length() - 1);
        Document edited =
                web.submitAndFollow(editor, form, row + "saveComment", Map.of(row + "body", "Second thoughts"));
        assertThat(edited.select(".notice-info").text()).isEqualTo("Your comment is saved.");
        assertThat(edited.select(".comment-body").eachText()).containsExactly("Second thoughts");

        Document archived = web.submitAndFollow(edited, form, row + "archiveComment", Map.of());
        assertThat(archived.select(".notice-info").text()).isEqualTo("The comment is archived.");
        assertThat(archived.select(".comment")).isEmpty();
        assertThat(archived.select("#admin")).as("no admin actions for authors").isEmpty();
        assertThat(archived.select("#actions\\:archiveOwn"))
                .as("authors may withdraw their issue")
                .hasSize(1);

        WebForms admin = new WebForms(new Http(deployment));
        admin.signIn("admin", Tracker.ADMIN_PASSWORD);
        Document resolved = admin.submitAndFollow(
                admin.page(page),
                "admin",
                "admin:changeStatus",
                Map.of("admin:status", tracker.id("statuses", "Resolved")));
        assertThat(resolved.select(".notice-info").text()).isEqualTo("The status is changed.");
        assertThat(resolved.select("#issueStatus").text()).isEqualTo("Resolved");
        assertThat(resolved.select("#history li").eachText())
                .anyMatch(entry -> entry.endsWith("Administrator changed the status: Open → Resolved"));

        Document archivedIssue = admin.submitAndFollow(resolved, "admin", "admin:archive", Map.of());
        assertThat(archivedIssue.select(".state-badge.archived").text()).isEqualTo("Archived");
        assertThat(web.http().get("index.xhtml").body()).doesNotContain("Issue page actions");
        assertThat(web.page(page).select("#issueForm"))
                .as("an archived issue takes no comments")
                .isEmpty();

        Document restored = admin.submitAndFollow(archivedIssue, "admin", "admin:restore", Map.of());
        assertThat(restored.select(".notice-info").text()).isEqualTo("The issue is restored.");
        assertThat(restored.select(".state-badge.archived")).isEmpty();
    }

    @Test
    void aRowActionLandsOnTheRecordThatWasShownEvenIfTheListChangedMeanwhile() {
        String prefix = "dave-" + UUID.randomUUID().toString().substring(0, 4);
        tracker.admin()
                .postJson(
                        "api/users",
                        Http.jsonBody(Map.of(
                                "username",
                                prefix + "-c",
                                "displayName",
                                "Dave C",
                                "email",
                                prefix + "c@example.com",
                                "password",
                                Tracker.PASSWORD,
                                "roles",
                                List.of("USER"))));
        WebForms admin = new WebForms(new Http(deployment));
        admin.signIn("admin", Tracker.ADMIN_PASSWORD);
        Document shown = admin.page("admin/users.xhtml?q=" + prefix);
        String account = formOf(shown, "input[name=username]", prefix + "-c");
        assertThat(account).endsWith(":0:account");
        // another admin adds a user that sorts before: "-c" is now the second row of the same list
        tracker.admin()
                .postJson(
                        "api/users",
                        Http.jsonBody(Map.of(
                                "username",
                                prefix + "-a",
                                "displayName",
                                "Dave A",
                                "email",
                                prefix + "a@example.com",
                                "password",
                                Tracker.PASSWORD,
                                "roles",
                                List.of("USER"))));

        admin.submitAndFollow(shown, account, account + ":deactivate", Map.of());

        assertThat(Http.json(tracker.admin().get("api/users/" + prefix + "-c")).getBoolean("active"))
                .isFalse();
        assertThat(Http.json(tracker.admin().get("api/users/" + prefix + "-a")).getBoolean("active"))
                .isTrue();
    }

    @Test
    void aSignedInBrowserCannotBeMadeToWriteThroughTheApi() {
        String id = tracker.filePublic(
                        tracker.newUser("author").http(), "Not to be voted by a forged request " + UUID.randomUUID())
                .getString("id");
        web.signIn(alice.username(), Tracker.PASSWORD);

        assertThat(web.http().get("api/me").statusCode())
                .as("the session reads through the API")
                .isEqualTo(200);
        HttpResponse<String> forged = web.http().postEmpty("api/issues/" + id + "/votes");

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(Http.json(http.get("api/issues/" + id)).getInt("votes")).isZero();
    }

    @Test
    void theLanguageSwitchOnlyEverLeadsBackIntoTheApplication() {
        for (String back : List.of("%2F%2Fevil.example%2F", "https%3A%2F%2Fevil.example", "%2F%09%2Fevil.example")) {
            HttpResponse<String> switched = http.get("language?to=de&back=" + back);
            assertThat(switched.statusCode()).isEqualTo(302);
            assertThat(switched.headers().firstValue("Location").orElseThrow())
                    .as(back)
                    .endsWith("/index.xhtml");
        }
        assertThat(http.get("language?to=xx&back=%2Fdashboard.xhtml").headers().allValues("Set-Cookie"))
                .as("an unknown language is not remembered")
                .isEmpty();
    }

    /** The client id of the form around the element matching {@code css} whose value is {@code value}. */
    private static String formOf(Document page, String css, String value) {
        return page.select(css).stream()
                .filter(element -> value.equals(element.val()))
                .findFirst()
                .map(element -> element.closest("form").id())
                .orElseThrow(() -> new AssertionError("No form with " + css + " = " + value));
    }

    private long total() {
        return Http.json(tracker.admin().get("api/issues?size=1"))
                .getJsonNumber("total")
                .longValue();
    }
}
