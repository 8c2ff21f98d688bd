package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.junit.jupiter.api.Test;

/** {@code /api/issues} as an integrator sees it: filing, reading, paging, and a clear answer to every mistake. */
class IssueApiIT extends ArquillianIT {

    @Test
    void filedIssueIsCreatedAndReadableAtItsLocation() {
        HttpResponse<String> created = file("Printer on floor 3 jams", "Every job since Monday jams the tray.");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject body = Http.json(created);
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).endsWith("/api/issues/" + body.getString("id"));
        assertThat(body.getString("title")).isEqualTo("Printer on floor 3 jams");
        assertThat(body.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        HttpResponse<String> read = http.get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Http.json(read)).isEqualTo(body);
    }

    @Test
    void listIsNewestFirstAndPagedWithLinks() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            file("Paging " + run + " #" + i, "An issue to page through, number " + i);
        }

        HttpResponse<String> firstPage = http.get("api/issues?size=2");
        JsonObject page = Http.json(firstPage);
        assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(item -> item.getString("title"))
                .containsExactly("Paging " + run + " #3", "Paging " + run + " #2");
        assertThat(page.getInt("page")).isZero();
        assertThat(page.getInt("size")).isEqualTo(2);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(3);
        assertThat(firstPage.headers().allValues("Link"))
                .anyMatch(link -> link.contains("rel=\"next\"") && link.contains("page=1"))
                .anyMatch(link -> link.contains("rel=\"first\""))
                .anyMatch(link -> link.contains("rel=\"last\""))
                .noneMatch(link -> link.contains("rel=\"prev\""));

        JsonObject second = Http.json(http.get("api/issues?size=2&page=1"));
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("title"))
                .isEqualTo("Paging " + run + " #1");
    }

    @Test
    void invalidIssuesAreRefusedFieldByFieldAndNothingIsStored() {
        long before = total();
        Map<String, Object> blankTitle = new HashMap<>();
        blankTitle.put("title", "   ");
        blankTitle.put("description", "A description long enough");

        assertValidationProblem(http.postJson("api/issues", Http.jsonBody(blankTitle)), "title", "A title is required");
        assertValidationProblem(
                http.postJson(
                        "api/issues", Http.jsonBody(Map.of("title", "x".repeat(201), "description", "ok then, long"))),
                "title",
                "A title has 5 to 200 characters");
        assertValidationProblem(
                http.postJson(
                        "api/issues", Http.jsonBody(Map.of("title", "A fine title", "description", "d".repeat(5001)))),
                "description",
                "A description has 10 to 5000 characters");
        assertValidationProblem(http.postJson("api/issues", "{}"), "description", "A description is required");

        assertThat(total()).isEqualTo(before);
    }

    @Test
    void unreadableRequestsGetProblemDetails() {
        assertProblem(http.postJson("api/issues", "{\"title\": \"unterminated"), 400, "malformed-body");
        assertProblem(http.postJson("api/issues", "[1, 2]"), 400, "malformed-body");
        assertProblem(http.post("api/issues", "text/plain", "title=hello"), 415, "unsupported-media-type");
        assertProblem(http.get("api/issues?page=-1&size=abc"), 400, "invalid-parameters");
        assertProblem(
                http.send(java.net.http.HttpRequest.newBuilder(http.uri("api/issues"))
                        .DELETE()),
                405,
                "method-not-allowed");
        assertProblem(http.get("api/no-such-thing"), 404, "not-found");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        JsonObject unknown = assertProblem(http.get("api/issues/0123456789abcdef01234567"), 404, "issue-not-found");
        assertThat(unknown.getString("detail")).contains("0123456789abcdef01234567");

        JsonObject malformed = assertProblem(http.get("api/issues/not-an-id"), 404, "issue-not-found");
        assertThat(malformed.getString("detail")).contains("is not an issue id");

        assertProblem(http.get("api/issues/%7B%22$gt%22:%22%22%7D"), 404, "issue-not-found");
    }

    private HttpResponse<String> file(String title, String description) {
        return http.postJson("api/issues", Http.jsonBody(Map.of("title", title, "description", description)));
    }

    private long total() {
        return Http.json(http.get("api/issues?size=1")).getJsonNumber("total").longValue();
    }

    private static void assertValidationProblem(HttpResponse<String> response, String field, String message) {
        JsonObject problem = assertProblem(response, 400, "validation");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field") + ": " + error.getString("message"))
                .contains(field + ": " + message);
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String kind) {
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
