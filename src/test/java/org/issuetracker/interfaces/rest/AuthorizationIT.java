package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.assertj.core.api.SoftAssertions;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every write of the API, by an anonymous caller, the author (of the issue or comment
 * concerned), another user and an admin. Each cell runs on fixtures of its own, so no cell depends on another.
 */
class AuthorizationIT extends ArquillianIT {

    /** Who calls. */
    enum Caller {
        ANONYMOUS,
        AUTHOR,
        OTHER,
        ADMIN
    }

    /** The fixtures of one cell: an approved issue by the author, a comment by the author and one by the other. */
    record Scene(
            Tracker tracker,
            Tracker.User author,
            Tracker.User other,
            String issueId,
            String ownComment,
            String othersComment,
            String categoryId,
            String statusId,
            String username) {}

    /** One write, and the status each caller gets. */
    record Write(
            String name,
            BiFunction<Http, Scene, HttpResponse<String>> call,
            int anonymous,
            int author,
            int other,
            int admin) {

        int expected(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case AUTHOR -> author;
                case OTHER -> other;
                case ADMIN -> admin;
            };
        }
    }

    static final String ISSUE_EDIT =
            "{\"title\":\"Edited title\",\"description\":\"An edited description.\"," + "\"categoryId\":\"%s\"}";

    static List<Write> writes() {
        return List.of(
                new Write(
                        "file an issue",
                        (h, s) -> h.postJson(
                                "api/issues",
                                Http.jsonBody(Map.of(
                                        "title",
                                        "Matrix issue",
                                        "description",
                                        "Filed by the matrix.",
                                        "categoryId",
                                        s.categoryId()))),
                        401,
                        201,
                        201,
                        201),
                new Write(
                        "edit an issue",
                        (h, s) -> h.put("api/issues/" + s.issueId(), ISSUE_EDIT.formatted(s.categoryId())),
                        401,
                        200,
                        403,
                        200),
                new Write("archive an issue", (h, s) -> h.delete("api/issues/" + s.issueId()), 401, 200, 403, 200),
                new Write(
                        "restore an issue",
                        (h, s) -> h.postEmpty("api/issues/" + s.issueId() + "/restore"),
                        401,
                        403,
                        403,
                        200),
                new Write(
                        "change the status",
                        (h, s) -> h.put(
                                "api/issues/" + s.issueId() + "/status", "{\"statusId\":\"" + s.statusId() + "\"}"),
                        401,
                        403,
                        403,
                        200),
                new Write(
                        "approve or reject",
                        (h, s) -> h.postJson("api/issues/" + s.issueId() + "/approval", "{\"decision\":\"REJECTED\"}"),
                        401,
                        403,
                        403,
                        200),
                new Write("vote", (h, s) -> h.postEmpty("api/issues/" + s.issueId() + "/votes"), 401, 403, 200, 200),
                new Write(
                        "take a vote back",
                        (h, s) -> h.delete("api/issues/" + s.issueId() + "/votes"),
                        401,
                        403,
                        200,
                        200),
                new Write(
                        "comment",
                        (h, s) -> h.postJson(
                                "api/issues/" + s.issueId() + "/comments", "{\"body\":\"A matrix comment\"}"),
                        401,
                        201,
                        201,
                        201),
                new Write(
                        "edit a comment",
                        (h, s) -> h.put("api/comments/" + s.ownComment(), "{\"body\":\"Edited comment\"}"),
                        401,
                        200,
                        403,
                        403),
                new Write(
                        "archive a comment", (h, s) -> h.delete("api/comments/" + s.ownComment()), 401, 200, 403, 200),
                new Write(
                        "mark the answer",
                        (h, s) -> h.postEmpty("api/comments/" + s.othersComment() + "/answer"),
                        401,
                        200,
                        403,
                        200),
                new Write(
                        "upvote a comment",
                        (h, s) -> h.postEmpty("api/comments/" + s.ownComment() + "/votes"),
                        401,
                        403,
                        200,
                        200),
                new Write(
                        "take an upvote back",
                        (h, s) -> h.delete("api/comments/" + s.ownComment() + "/votes"),
                        401,
                        403,
                        200,
                        200),
                new Write(
                        "create a category",
                        (h, s) -> h.postJson("api/categories", "{\"name\":\"Matrix " + UUID.randomUUID() + "\"}"),
                        401,
                        403,
                        403,
                        201),
                new Write(
                        "rename a category",
                        (h, s) -> h.put(
                                "api/categories/" + s.categoryId(), "{\"name\":\"Renamed " + UUID.randomUUID() + "\"}"),
                        401,
                        403,
                        403,
                        200),
                new Write(
                        "archive a category",
                        (h, s) -> h.delete("api/categories/" + s.categoryId()),
                        401,
                        403,
                        403,
                        200),
                new Write(
                        "restore a category",
                        (h, s) -> h.postEmpty("api/categories/" + s.categoryId() + "/restore"),
                        401,
                        403,
                        403,
                        200),
                new Write(
                        "create a status",
                        (h, s) -> h.postJson(
                                "api/statuses", "{\"name\":\"Matrix " + UUID.randomUUID() + "\",\"closed\":true}"),
                        401,
                        403,
                        403,
                        201),
                new Write(
                        "rename a status",
                        (h, s) -> h.put(
                                "api/statuses/" + s.statusId(), "{\"name\":\"Renamed " + UUID.randomUUID() + "\"}"),
                        401,
                        403,
                        403,
                        200),
                new Write("archive a status", (h, s) -> h.delete("api/statuses/" + s.statusId()), 401, 403, 403, 200),
                new Write(
                        "restore a status",
                        (h, s) -> h.postEmpty("api/statuses/" + s.statusId() + "/restore"),
                        401,
                        403,
                        403,
                        200),
                new Write(
                        "create a user",
                        (h, s) -> h.postJson(
                                "api/users",
                                Http.jsonBody(Map.of(
                                        "username",
                                        "m" + UUID.randomUUID().toString().substring(0, 8),
                                        "displayName",
                                        "Matrix",
                                        "email",
                                        "matrix@example.com",
                                        "password",
                                        "matrix-password",
                                        "roles",
                                        List.of("USER")))),
                        401,
                        403,
                        403,
                        201),
                new Write(
                        "change a user",
                        (h, s) -> h.put(
                                "api/users/" + s.username(),
                                Http.jsonBody(Map.of(
                                        "displayName",
                                        "Changed",
                                        "email",
                                        "changed@example.com",
                                        "roles",
                                        List.of("USER"),
                                        "active",
                                        true))),
                        401,
                        403,
                        403,
                        200),
                new Write("deactivate a user", (h, s) -> h.delete("api/users/" + s.username()), 401, 403, 403, 200));
    }

    @Test
    void everyWriteAnswersEachCallerAsTheRulesSay() {
        Tracker tracker = new Tracker(http);
        SoftAssertions softly = new SoftAssertions();
        for (Write write : writes()) {
            for (Caller caller : Caller.values()) {
                Scene scene = scene(tracker);
                Http client =
                        switch (caller) {
                            case ANONYMOUS -> tracker.anonymous();
                            case AUTHOR -> scene.author().http();
                            case OTHER -> scene.other().http();
                            case ADMIN -> tracker.admin();
                        };
                HttpResponse<String> response = write.call().apply(client, scene);
                softly.assertThat(response.statusCode())
                        .as("%s by %s: %s", write.name(), caller, response.body())
                        .isEqualTo(write.expected(caller));
                if (response.statusCode() >= 400) {
                    softly.assertThat(response.headers().firstValue("Content-Type"))
                            .as("%s by %s", write.name(), caller)
                            .hasValue("application/problem+json");
                }
                if (response.statusCode() == 401) {
                    softly.assertThat(response.headers().firstValue("WWW-Authenticate"))
                            .as("%s by %s", write.name(), caller)
                            .hasValueSatisfying(
                                    challenge -> assertThat(challenge).startsWith("Basic realm="));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void wrongCredentialsAreRefusedWhateverTheRequest() {
        Tracker tracker = new Tracker(http);
        Tracker.User user = tracker.newUser("creds");

        HttpResponse<String> wrong =
                http.as(user.username(), "not-the-password").get("api/issues");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).contains("Basic"));
        assertThat(Http.json(wrong).getString("type")).isEqualTo("urn:issuetracker:problem:unauthorized");
    }

    private static Scene scene(Tracker tracker) {
        Tracker.User author = tracker.newUser("author");
        Tracker.User other = tracker.newUser("other");
        String issueId =
                tracker.filePublic(author.http(), "Matrix " + UUID.randomUUID()).getString("id");
        other.http().postEmpty("api/issues/" + issueId + "/votes"); // so that taking it back changes something
        String own = comment(author.http(), issueId);
        String others = comment(other.http(), issueId);
        other.http().postEmpty("api/comments/" + own + "/votes");
        String categoryId = Http.json(
                        tracker.admin().postJson("api/categories", "{\"name\":\"Scene " + UUID.randomUUID() + "\"}"))
                .getString("id");
        String statusId = Http.json(
                        tracker.admin().postJson("api/statuses", "{\"name\":\"Scene " + UUID.randomUUID() + "\"}"))
                .getString("id");
        return new Scene(tracker, author, other, issueId, own, others, categoryId, statusId, author.username());
    }

    private static String comment(Http user, String issueId) {
        return Http.json(user.postJson("api/issues/" + issueId + "/comments", "{\"body\":\"A scene comment\"}"))
                .getString("id");
    }
}
