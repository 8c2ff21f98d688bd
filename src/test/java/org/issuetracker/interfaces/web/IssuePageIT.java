package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The home page over plain HTTP, as a browser without JavaScript sees it: the list, the form with its field
 * messages, the redirect after filing, escaping, and Faces' view state guarding the form.
 */
class IssuePageIT extends ArquillianIT {

    Tracker tracker;
    Tracker.User alice;

    @BeforeEach
    void user() {
        tracker = new Tracker(http);
        alice = tracker.newUser("page");
    }

    @Test
    void homeListsAnIssueFiledThroughTheApiOnceApproved() {
        String title = "Listed on the home page " + UUID.randomUUID();
        String id = tracker.file(alice.http(), title).getString("id");
        assertThat(page(http, "").select("table.issues .issue-title").eachText())
                .doesNotContain(title);
        tracker.admin().postJson("api/issues/" + id + "/approval", "{\"decision\":\"APPROVED\"}");

        Document home = page(http, "");

        assertThat(home.select("table.issues .issue-title").eachText()).contains(title);
        assertThat(home.select("h1").text()).isEqualTo("Issues");
    }

    @Test
    void invalidFormShowsMessagesNextToTheFields() {
        Document home = page(alice.http(), "");

        Document answer = Jsoup.parse(submit(alice.http(), home, "", "short").body());

        assertThat(fieldMessage(answer, "title")).isEqualTo("A title is required");
        assertThat(fieldMessage(answer, "description")).isEqualTo("A description has 10 to 5000 characters");
        assertThat(answer.select(".notice-error").text()).contains("Please correct the fields");
        assertThat(answer.select("#fileIssue\\:description").text()).isEqualTo("short");
    }

    @Test
    void validFormFilesTheIssueAndRedirectsWithAMessage() {
        String title = "Filed from the form " + UUID.randomUUID();

        HttpResponse<String> posted =
                submit(alice.http(), page(alice.http(), ""), title, "The coffee machine on floor 2 leaks.");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        URI next = http.toLoopback(
                URI.create(posted.headers().firstValue("Location").orElseThrow()));
        Document after = Jsoup.parse(alice.http().get(next).body());
        assertThat(after.select(".notice-info").text()).isEqualTo("Issue \"" + title + "\" filed.");
        assertThat(after.select("table.issues .issue-title").first().text()).isEqualTo(title);
    }

    @Test
    void markupInATitleIsShownAsText() {
        String title = "<script>alert(1)</script> " + UUID.randomUUID();
        tracker.filePublic(alice.http(), title);

        String html = http.get("").body();

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Jsoup.parse(html).select("table.issues .issue-title").eachText())
                .contains(title);
    }

    @Test
    void postWithoutViewStateFilesNothing() {
        long before = total();
        String title = "Forged " + UUID.randomUUID();

        HttpResponse<String> forged = alice.http()
                .postForm(
                        "index.xhtml",
                        Map.of(
                                "fileIssue", "fileIssue",
                                "fileIssue:title", title,
                                "fileIssue:description", "No view state, no issue.",
                                "fileIssue:submit", "File issue"));

        assertThat(forged.body()).doesNotContain("Exception");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void unknownPageIsAFriendlyNotFound() {
        HttpResponse<String> response = http.get("no-such-page.xhtml");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Page not found");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void anonymousVisitorsAreInvitedToSignInInsteadOfAForm() {
        Document home = page(http, "");

        assertThat(home.select("form#fileIssue")).isEmpty();
        assertThat(home.select("a[href$=/signin]").text()).isEqualTo("Sign in");
        assertThat(http.get("signin").statusCode()).isEqualTo(401);
        assertThat(alice.http().get("signin").statusCode()).isEqualTo(302);
    }

    private Document page(Http client, String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Jsoup.parse(response.body(), http.uri(path).toString());
    }

    /** Submits the "file an issue" form the way a browser would, view state included. */
    private HttpResponse<String> submit(Http client, Document page, String title, String description) {
        Element form = page.selectFirst("form#fileIssue");
        Map<String, String> fields = new HashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!"submit".equals(input.attr("type"))) {
                fields.put(input.attr("name"), input.val());
            }
        }
        fields.put("fileIssue:title", title);
        fields.put("fileIssue:description", description);
        fields.put("fileIssue:submit", form.selectFirst("input[type=submit]").val());
        fields.put("fileIssue:category", tracker.id("categories", "Bug"));
        return client.postForm(
                URI.create(form.absUrl("action"))
                        .getRawPath()
                        .substring(deploymentPath().length()),
                fields);
    }

    private String deploymentPath() {
        return URI.create(deployment.toString()).getPath();
    }

    private static String fieldMessage(Document page, String field) {
        Element message = page.selectFirst("#fileIssue\\:" + field + " ~ .field-error");
        return message == null ? null : message.text();
    }

    private long total() {
        return Http.json(tracker.admin().get("api/issues?size=1"))
                .getJsonNumber("total")
                .longValue();
    }
}
