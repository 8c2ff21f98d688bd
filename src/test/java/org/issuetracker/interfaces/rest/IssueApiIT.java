package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Redocly;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/issues} as an integrator sees it: filing, reading, searching, triage, votes, history, exports. */
class IssueApiIT extends ArquillianIT {

    /** The recommended rules' warnings the document keeps, by rule, and why. */
    private static final Map<String, String> ACCEPTED_WARNINGS =
            Map.of("info-license", "the project has chosen no license yet: the API document does not invent one");

    Tracker tracker;
    Tracker.User alice;
    Tracker.User bob;

    @BeforeEach
    void users() {
        tracker = new Tracker(http);
        alice = tracker.newUser("alice");
        bob = tracker.newUser("bob");
    }

    @Test
    void filedIssueStartsOpenAndPendingAndIsReadableAtItsLocation() {
        HttpResponse<String> created = alice.http()
                .postJson(
                        "api/issues",
                        Http.jsonBody(Map.of(
                                "title",
                                "Printer on floor 3 jams",
                                "description",
                                "Every job since Monday jams the tray.",
                                "categoryId",
                                tracker.id("categories", "Bug"),
                                "labels",
                                List.of(" Printer ", "HARDWARE", "printer"))));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject issue = Http.json(created);
        assertThat(issue.getString("approval")).isEqualTo("PENDING");
        assertThat(issue.getJsonObject("status").getString("name")).isEqualTo("Open");
        assertThat(issue.getJsonObject("category").getString("name")).isEqualTo("Bug");
        assertThat(issue.getJsonObject("author").getString("username")).isEqualTo(alice.username());
        assertThat(issue.getJsonArray("labels").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactly("printer", "hardware");
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).endsWith("/api/issues/" + issue.getString("id"));
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

        assertThat(alice.http().get(location).statusCode()).isEqualTo(200);
        assertThat(http.get(location).statusCode()).as("pending: not public").isEqualTo(404);
        assertThat(bob.http().get(location).statusCode())
                .as("pending: not others'")
                .isEqualTo(404);
        assertThat(tracker.admin().get(location).statusCode()).isEqualTo(200);
    }

    @Test
    void publicListShowsApprovedIssuesAndAuthorsAlsoSeeTheirOwn() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String approved = tracker.filePublic(alice.http(), "Approved " + run).getString("id");
        String pending = tracker.file(alice.http(), "Pending " + run).getString("id");

        assertThat(ids(http, "api/issues?q=" + run)).containsExactly(approved);
        assertThat(ids(bob.http(), "api/issues?q=" + run)).containsExactly(approved);
        assertThat(ids(alice.http(), "api/issues?q=" + run)).containsExactly(pending, approved);
        assertThat(ids(tracker.admin(), "api/issues?q=" + run + "&approval=PENDING"))
                .containsExactly(pending);
    }

    @Test
    void filtersSortsAndPagesWithLinks() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = tracker.filePublic(alice.http(), "Filter " + run + " one", "net", "vpn")
                .getString("id");
        String second =
                tracker.filePublic(bob.http(), "Filter " + run + " two", "net").getString("id");
        String third = tracker.filePublic(alice.http(), "Filter " + run + " three", "ui")
                .getString("id");
        bob.http().postEmpty("api/issues/" + first + "/votes");
        tracker.admin().postEmpty("api/issues/" + first + "/votes");
        bob.http().postEmpty("api/issues/" + third + "/votes");

        assertThat(ids(http, "api/issues?q=" + run)).containsExactly(third, second, first);
        assertThat(ids(http, "api/issues?q=" + run + "&sort=oldest")).containsExactly(first, second, third);
        assertThat(ids(http, "api/issues?q=" + run + "&sort=votes")).containsExactly(first, third, second);
        assertThat(ids(http, "api/issues?q=" + run + "&label=net")).containsExactly(second, first);
        assertThat(ids(http, "api/issues?q=" + run + "&label=net&label=vpn")).containsExactly(first);
        assertThat(ids(http, "api/issues?q=" + run + "&author=" + bob.username()))
                .containsExactly(second);
        assertThat(ids(http, "api/issues?q=" + run.toUpperCase() + "&category=" + tracker.id("categories", "Bug")))
                .hasSize(3);
        assertThat(ids(http, "api/issues?q=" + run + "&status=" + tracker.id("statuses", "Resolved")))
                .isEmpty();
        assertThat(ids(http, "api/issues?q=" + run + "&createdFrom=2000-01-01&createdTo=2999-12-31"))
                .hasSize(3);
        assertThat(ids(http, "api/issues?q=" + run + "&createdTo=2000-01-01")).isEmpty();

        HttpResponse<String> page = http.get("api/issues?q=" + run + "&size=2");
        JsonObject body = Http.json(page);
        assertThat(body.getInt("total")).isEqualTo(3);
        assertThat(body.getInt("size")).isEqualTo(2);
        assertThat(page.headers().allValues("Link"))
                .anyMatch(link -> link.contains("rel=\"next\"") && link.contains("page=1"))
                .anyMatch(link -> link.contains("rel=\"last\"") && link.contains("page=1"))
                .noneMatch(link -> link.contains("rel=\"prev\""));
        assertThat(ids(http, "api/issues?q=" + run + "&size=2&page=1")).containsExactly(first);
    }

    @Test
    void queryValuesAreMatchedLiterallyNeverAsOperators() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        tracker.filePublic(alice.http(), "Literal " + run + " (a+b)");

        for (String hostile : List.of("{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}", "$where", ".*", "[")) {
            String encoded = java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8);
            for (String parameter : List.of("q", "author", "assignee", "status", "category", "label")) {
                HttpResponse<String> response = http.get("api/issues?" + parameter + "=" + encoded);
                assertThat(response.statusCode()).as(parameter + "=" + hostile).isEqualTo(200);
                assertThat(Http.json(response).getInt("total"))
                        .as(parameter + "=" + hostile)
                        .isZero();
            }
        }
        assertThat(ids(http, "api/issues?q=" + run + "%20(A%2Bb)")).hasSize(1);
        HttpResponse<String> operatorAsTitle = alice.http()
                .postJson("api/issues", "{\"title\":{\"$gt\":\"\"},\"description\":\"An operator as a title\"}");
        assertThat(operatorAsTitle.statusCode()).isEqualTo(400);
    }

    @Test
    void conditionalRequestsUseTheVersionAsETag() {
        String id = tracker.filePublic(alice.http(), "Conditional " + UUID.randomUUID())
                .getString("id");
        HttpResponse<String> read = http.get("api/issues/" + id);
        String etag = read.headers().firstValue("ETag").orElseThrow();

        assertThat(http.get("api/issues/" + id, "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(http.get("api/issues/" + id, "If-None-Match", "\"999\"").statusCode())
                .isEqualTo(200);

        String edit = Http.jsonBody(Map.of(
                "title",
                "Conditional edit",
                "description",
                "Edited with If-Match.",
                "categoryId",
                tracker.id("categories", "Feature")));
        HttpResponse<String> stale = alice.http().put("api/issues/" + id, edit, "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(Http.json(stale).getString("type")).isEqualTo("urn:issuetracker:problem:stale-version");

        HttpResponse<String> fresh = alice.http().put("api/issues/" + id, edit, "If-Match", etag);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        assertThat(Http.json(fresh).getJsonObject("category").getString("name")).isEqualTo("Feature");

        HttpResponse<String> unconditional =
                alice.http().put("api/issues/" + id, edit.replace("Conditional edit", "Edited again"));
        assertThat(unconditional.statusCode()).isEqualTo(200);
    }

    @Test
    void triageVotesAndHistory() {
        String id = tracker.file(alice.http(), "Triage " + UUID.randomUUID()).getString("id");
        Http admin = tracker.admin();
        admin.postJson("api/issues/" + id + "/approval", "{\"decision\":\"APPROVED\"}");
        String resolved = tracker.id("statuses", "Resolved");
        JsonObject closed = Http.json(admin.put("api/issues/" + id + "/status", "{\"statusId\":\"" + resolved + "\"}"));
        assertThat(closed.getJsonObject("status").getBoolean("closed")).isTrue();
        assertThat(closed.getString("closedAt")).isNotBlank();

        JsonObject voted = Http.json(bob.http().postEmpty("api/issues/" + id + "/votes"));
        assertThat(voted.getInt("votes")).isEqualTo(1);
        assertThat(voted.getBoolean("votedByMe")).isTrue();
        assertThat(Http.json(bob.http().postEmpty("api/issues/" + id + "/votes"))
                        .getInt("votes"))
                .as("one vote per user")
                .isEqualTo(1);
        assertThat(alice.http().postEmpty("api/issues/" + id + "/votes").statusCode())
                .isEqualTo(403);

        assertThat(alice.http().delete("api/issues/" + id).statusCode()).isEqualTo(200);
        assertThat(http.get("api/issues/" + id).statusCode())
                .as("archived: not public")
                .isEqualTo(404);
        assertThat(bob.http().postEmpty("api/issues/" + id + "/votes").statusCode())
                .as("archived issues are hidden from others")
                .isEqualTo(404);
        assertThat(admin.postEmpty("api/issues/" + id + "/votes").statusCode())
                .as("archived issues take no votes")
                .isEqualTo(409);
        assertThat(admin.postEmpty("api/issues/" + id + "/restore").statusCode())
                .isEqualTo(200);
        assertThat(http.get("api/issues/" + id).statusCode()).isEqualTo(200);

        List<String> history =
                Http.jsonArray(http.get("api/issues/" + id + "/history")).getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("by") + " " + e.getString("field") + " " + e.getString("newValue", ""))
                        .toList();
        assertThat(history)
                .containsExactly(
                        alice.username() + " issue filed",
                        "admin approval APPROVED",
                        "admin status Resolved",
                        bob.username() + " votes 1",
                        alice.username() + " archived true",
                        "admin archived false");
    }

    @Test
    void anAuthorsNewTextForAnApprovedIssueWaitsForApprovalAndNeverShowsInPublicHistory() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String bug = tracker.id("categories", "Bug");
        String id = tracker.filePublic(alice.http(), "Harmless " + run).getString("id");
        String path = "api/issues/" + id;

        HttpResponse<String> edited =
                alice.http().put(path, issueBody("Harmless " + run, "Buy pills at spam.example", bug, List.of()));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Http.json(edited).getString("approval")).isEqualTo("PENDING");
        assertThat(Http.json(edited).getBoolean("awaitingReapproval")).isTrue();
        assertThat(http.get(path).statusCode()).as("hidden from the public").isEqualTo(404);
        assertThat(ids(bob.http(), "api/issues?q=" + run)).isEmpty();
        assertThat(ids(tracker.admin(), "api/issues?approval=PENDING&q=" + run)).containsExactly(id);

        // the admin fixes the text in the queue, then approves it again
        Http admin = tracker.admin();
        assertThat(admin.put(path, issueBody("Harmless " + run, "The printer jams again", bug, List.of()))
                        .statusCode())
                .isEqualTo(200);
        admin.postJson(path + "/approval", "{\"decision\":\"APPROVED\"}");

        assertThat(http.get(path).statusCode()).isEqualTo(200);
        assertThat(http.get(path + "/history").body()).doesNotContain("spam.example");
        assertThat(bob.http().get(path + "/history").body()).doesNotContain("spam.example");
        assertThat(http.get("issues/view.xhtml?id=" + id).body()).doesNotContain("spam.example");
        assertThat(alice.http().get(path + "/history").body())
                .as("the author sees everything")
                .contains("spam.example");
    }

    @Test
    void categoryChangesAndAdminsEditsKeepAnApprovedIssuePublic() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = tracker.filePublic(alice.http(), "Stays public " + run).getString("id");
        String path = "api/issues/" + id;
        String description = "Filed by a test: Stays public " + run;

        JsonObject recategorised = Http.json(alice.http()
                .put(
                        path,
                        issueBody("Stays public " + run, description, tracker.id("categories", "Feature"), List.of())));
        JsonObject fixedByAdmin = Http.json(tracker.admin()
                .put(
                        path,
                        issueBody(
                                "Stays public " + run,
                                "Reworded by an admin",
                                tracker.id("categories", "Bug"),
                                List.of())));

        assertThat(recategorised.getString("approval")).isEqualTo("APPROVED");
        assertThat(fixedByAdmin.getString("approval")).isEqualTo("APPROVED");
        assertThat(fixedByAdmin.getBoolean("awaitingReapproval")).isFalse();
        assertThat(http.get(path + "/history").body()).as("public changes").contains("Reworded by an admin");
    }

    @Test
    void invalidRequestsAreRefusedFieldByFieldAndNothingIsStored() {
        long before = total(tracker.admin());
        Http user = alice.http();
        String bug = tracker.id("categories", "Bug");

        assertProblemField(user.postJson("api/issues", "{}"), 400, "title");
        assertProblemField(user.postJson("api/issues", issueBody("   ", "long enough", bug, List.of())), 400, "title");
        assertProblemField(
                user.postJson("api/issues", issueBody("x".repeat(201), "long enough", bug, List.of())), 400, "title");
        assertProblemField(
                user.postJson("api/issues", issueBody("A fine title", "d".repeat(5001), bug, List.of())),
                400,
                "description");
        assertProblemField(
                user.postJson(
                        "api/issues", issueBody("A fine title", "long enough", "0123456789abcdef01234567", List.of())),
                400,
                "categoryId");
        assertProblemField(
                user.postJson(
                        "api/issues",
                        issueBody(
                                "A fine title",
                                "long enough",
                                bug,
                                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"))),
                400,
                "labels");
        assertProblemField(
                user.postJson("api/issues", issueBody("A fine title", "long enough", bug, List.of("<script>"))),
                400,
                "labels");

        assertProblem(user.postJson("api/issues", "{\"title\": \"unterminated"), 400, "malformed-body");
        assertProblem(user.post("api/issues", "text/plain", "title=hello"), 415, "unsupported-media-type");
        assertProblem(
                user.send(java.net.http.HttpRequest.newBuilder(user.uri("api/issues"))
                        .expectContinue(true)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"" + "x".repeat(1_100_000) + "\"}"))),
                413,
                "payload-too-large");
        assertProblem(
                http.get("api/issues?page=-1&size=abc&sort=random&approval=maybe&archived=perhaps"
                        + "&createdFrom=yesterday"),
                400,
                "invalid-parameters");
        assertProblem(http.get("api/issues/0123456789abcdef01234567"), 404, "issue-not-found");
        assertProblem(http.get("api/issues/not-an-id"), 404, "issue-not-found");
        assertProblem(http.get("api/no-such-thing"), 404, "not-found");

        assertThat(total(tracker.admin())).isEqualTo(before);
    }

    @Test
    void csvExportLabelSuggestionsSummaryAndOpenApi() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        tracker.filePublic(alice.http(), "=HYPERLINK(\"x\") " + run, "csv-" + run, "csvx-" + run);
        tracker.filePublic(bob.http(), "Second, with comma " + run, "csv-" + run);

        HttpResponse<String> csv = http.get("api/issues.csv?q=" + run);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id,title,category,status");
        assertThat(lines.get(1)).contains(",\"Second, with comma " + run + "\",Bug,Open,");
        assertThat(lines.get(2)).contains(",\"'=HYPERLINK(\"\"x\"\") " + run + "\",");

        assertThat(Http.jsonArray(http.get("api/labels/suggestions?prefix=CSV-" + run))
                        .getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactly("csv-" + run);

        JsonObject summary = Http.json(http.get("api/reports/summary"));
        assertThat(summary.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(summary.getJsonArray("weeks")).hasSize(12);
        assertThat(summary.getJsonArray("byStatus").getValuesAs(JsonObject.class))
                .anyMatch(count -> count.getString("name").equals("Open") && count.getInt("issues") >= 2);
        assertThat(summary.getJsonArray("topContributors")).isNotEmpty();

        HttpResponse<String> openApi = http.get("/openapi");
        assertThat(openApi.statusCode()).isEqualTo(200);
        for (String path : List.of(
                "/api/issues:",
                "/api/issues/{id}/votes:",
                "/api/comments/{id}/answer:",
                "/api/categories/{id}:",
                "/api/statuses:",
                "/api/users/{username}:",
                "/api/issues.csv:",
                "/api/reports/summary:",
                "/api/labels/suggestions:",
                "/api/me:",
                "/api/me/tokens:",
                "/api/users/{username}/tokens/{id}:")) {
            assertThat(openApi.body()).contains(path);
        }
        assertThat(http.get("api-docs/").statusCode()).isEqualTo(200);
    }

    @Test
    void openApiDocumentPassesRedoclysRecommendedRules() throws IOException {
        HttpResponse<String> openApi = http.get("/openapi", "Accept", "application/json");
        assertThat(openApi.statusCode()).isEqualTo(200);
        Path document = Path.of("target", "openapi", "openapi.json");
        Files.createDirectories(document.getParent());
        Files.writeString(document, openApi.body());

        List<Redocly.Problem> problems = Redocly.lint(document);

        assertThat(problems).filteredOn(p -> p.severity().equals("error")).isEmpty();
        assertThat(problems)
                .as("warnings other than the accepted ones")
                .filteredOn(p -> !ACCEPTED_WARNINGS.containsKey(p.ruleId()))
                .isEmpty();
        JsonObject components = Http.json(openApi).getJsonObject("components");
        assertThat(components.getJsonObject("securitySchemes").keySet())
                .containsExactlyInAnyOrder("basic", "token", "session");
        assertThat(components
                        .getJsonObject("securitySchemes")
                        .getJsonObject("token")
                        .getString("scheme"))
                .isEqualTo("bearer");
        assertThat(components
                        .getJsonObject("responses")
                        .getJsonObject("NotFound")
                        .getJsonObject("content"))
                .containsOnlyKeys("application/problem+json");
    }

    private static String issueBody(String title, String description, String categoryId, List<String> labels) {
        return Http.jsonBody(
                Map.of("title", title, "description", description, "categoryId", categoryId, "labels", labels));
    }

    private static List<String> ids(Http client, String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(issue -> issue.getString("id"))
                .toList();
    }

    private static long total(Http client) {
        return Http.json(client.get("api/issues?size=1")).getJsonNumber("total").longValue();
    }

    @Test
    void aSearchBeyondItsBoundsIsRefusedBeforeAnyWork() {
        String tooLong = "x".repeat(201);
        assertParameterProblem(http.get("api/issues?q=" + tooLong), "q");
        StringBuilder elevenLabels = new StringBuilder("api/issues?size=1");
        for (int i = 0; i < 11; i++) {
            elevenLabels.append("&label=l").append(i);
        }
        assertParameterProblem(http.get(elevenLabels.toString()), "label");
        assertParameterProblem(http.get("api/issues?label=" + "l".repeat(31)), "label");

        StringBuilder atTheLimits = new StringBuilder("api/issues?q=" + "x".repeat(200));
        for (int i = 0; i < 10; i++) {
            atTheLimits.append("&label=l").append(i);
        }
        HttpResponse<String> allowed = http.get(atTheLimits.toString());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(Http.json(allowed).getInt("total")).isZero();
    }

    /** A 400 naming the query parameter, before anything was looked up. */
    static void assertParameterProblem(HttpResponse<String> response, String parameter) {
        JsonObject problem = assertProblem(response, 400, "invalid-parameters");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field"))
                .contains(parameter);
    }

    static void assertProblemField(HttpResponse<String> response, int status, String field) {
        JsonObject problem = assertProblem(response, status, "validation");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field"))
                .contains(field);
    }

    static JsonObject assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.issuetracker");
        JsonObject problem = Http.json(response);
        assertThat(problem.getString("type")).isEqualTo("urn:issuetracker:problem:" + kind);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        return problem;
    }
}
