package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblem;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblemField;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Comments: the discussion of an issue, its upvotes and its one answer. */
class CommentApiIT extends ArquillianIT {

    Tracker tracker;
    Tracker.User alice;
    Tracker.User bob;
    String issueId;

    @BeforeEach
    void issue() {
        tracker = new Tracker(http);
        alice = tracker.newUser("alice");
        bob = tracker.newUser("bob");
        issueId = tracker.filePublic(alice.http(), "Discussed " + UUID.randomUUID())
                .getString("id");
    }

    @Test
    void commentsAreListedOldestFirstAndEditableByTheirAuthor() {
        String first = comment(bob.http(), "First thought");
        String second = comment(alice.http(), "Second thought");

        assertThat(bodies()).containsExactly("First thought", "Second thought");
        assertThat(Http.json(http.get("api/issues/" + issueId)).getInt("commentCount"))
                .isEqualTo(2);

        HttpResponse<String> read = http.get("api/comments/" + first);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(bob.http()
                        .put("api/comments/" + first, "{\"body\":\"Stale\"}", "If-Match", "\"7\"")
                        .statusCode())
                .isEqualTo(412);
        assertThat(bob.http()
                        .put("api/comments/" + first, "{\"body\":\"Better thought\"}", "If-Match", etag)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("api/comments/" + first, "If-None-Match", etag).statusCode())
                .isEqualTo(200);
        assertThat(bodies()).containsExactly("Better thought", "Second thought");

        assertThat(tracker.admin().delete("api/comments/" + second).statusCode())
                .isEqualTo(200);
        assertThat(bodies()).containsExactly("Better thought");
        assertThat(http.get("api/comments/" + second).statusCode()).isEqualTo(404);
    }

    @Test
    void theIssuesAuthorPicksOneAnswer() {
        String first = comment(bob.http(), "Try turning it off and on");
        String second = comment(tracker.admin(), "Replace the toner");

        JsonObject answered = Http.json(alice.http().postEmpty("api/comments/" + first + "/answer"));
        assertThat(answered.getString("answerCommentId")).isEqualTo(first);
        tracker.admin().postEmpty("api/comments/" + second + "/answer");

        List<JsonObject> comments =
                Http.jsonArray(http.get("api/issues/" + issueId + "/comments")).getValuesAs(JsonObject.class);
        assertThat(comments).extracting(c -> c.getBoolean("answer")).containsExactly(false, true);

        tracker.admin().delete("api/comments/" + second);
        assertThat(Http.json(http.get("api/issues/" + issueId)).containsKey("answerCommentId"))
                .as("archiving the answer clears it")
                .isFalse();
    }

    @Test
    void upvotesCountOncePerUserAndNeverOnesOwn() {
        String id = comment(bob.http(), "Worth an upvote");

        JsonObject upvoted = Http.json(alice.http().postEmpty("api/comments/" + id + "/votes"));
        assertThat(upvoted.getInt("upvotes")).isEqualTo(1);
        assertThat(upvoted.getBoolean("upvotedByMe")).isTrue();
        assertThat(Http.json(alice.http().postEmpty("api/comments/" + id + "/votes"))
                        .getInt("upvotes"))
                .isEqualTo(1);
        assertThat(bob.http().postEmpty("api/comments/" + id + "/votes").statusCode())
                .isEqualTo(403);
        assertThat(Http.json(alice.http().delete("api/comments/" + id + "/votes"))
                        .getInt("upvotes"))
                .isZero();
    }

    @Test
    void commentsFollowTheIssuesVisibilityAndRules() {
        String pending =
                tracker.file(alice.http(), "Pending " + UUID.randomUUID()).getString("id");
        assertThat(bob.http()
                        .postJson("api/issues/" + pending + "/comments", "{\"body\":\"Hello\"}")
                        .statusCode())
                .as("cannot see a pending issue of someone else")
                .isEqualTo(404);
        assertThat(http.get("api/issues/" + pending + "/comments").statusCode()).isEqualTo(404);

        assertProblemField(
                bob.http().postJson("api/issues/" + issueId + "/comments", "{\"body\":\"hi\"}"), 400, "body");
        assertProblemField(bob.http().postJson("api/issues/" + issueId + "/comments", "{}"), 400, "body");
        assertProblem(http.get("api/comments/nope"), 404, "comment-not-found");

        tracker.admin().delete("api/issues/" + issueId);
        assertThat(tracker.admin()
                        .postJson("api/issues/" + issueId + "/comments", "{\"body\":\"Too late\"}")
                        .statusCode())
                .as("archived issues take no comments")
                .isEqualTo(409);

        List<String> history = Http.jsonArray(tracker.admin().get("api/issues/" + issueId + "/history"))
                .getValuesAs(JsonObject.class)
                .stream()
                .map(e -> e.getString("field"))
                .toList();
        assertThat(history).contains("issue", "approval", "archived");
    }

    private String comment(Http user, String body) {
        HttpResponse<String> response =
                user.postJson("api/issues/" + issueId + "/comments", "{\"body\":\"" + body + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return Http.json(response).getString("id");
    }

    private List<String> bodies() {
        return Http.jsonArray(http.get("api/issues/" + issueId + "/comments")).getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("body"))
                .toList();
    }
}
