package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertParameterProblem;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblem;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblemField;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.issuetracker.support.WebForms;
import org.jsoup.Jsoup;
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

    /** The size of the discussion seeded straight into MongoDB: far more than anyone reads at once. */
    static final int LONG_DISCUSSION = 10_000;

    @Test
    void aLongDiscussionAndItsHistoryAreReadAPageAtATime() {
        seedDiscussion(LONG_DISCUSSION - 1);
        comment(bob.http(), "The latest word"); // through the API, which also evicts what the cache knew
        String comments = "api/issues/" + issueId + "/comments";

        long started = System.nanoTime();
        HttpResponse<String> first = http.get(comments);
        long apiMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Http.jsonArray(first)).hasSize(50);
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(LONG_DISCUSSION));
        assertThat(first.headers().allValues("Link"))
                .anySatisfy(link -> assertThat(link).contains("rel=\"next\""));
        List<JsonObject> last =
                Http.jsonArray(http.get(comments + "?page=99&size=100")).getValuesAs(JsonObject.class);
        assertThat(last).hasSize(100);
        assertThat(last.get(98).getString("body")).isEqualTo("Seeded comment " + (LONG_DISCUSSION - 2));
        assertThat(last.get(99).getString("body")).isEqualTo("The latest word");
        assertThat(Http.jsonArray(http.get(comments + "?page=100&size=100"))).isEmpty();
        assertParameterProblem(http.get(comments + "?size=101"), "size");
        assertParameterProblem(http.get("api/issues/" + issueId + "/history?page=x"), "page");
        assertThat(Http.json(http.get("api/issues/" + issueId)).getInt("commentCount"))
                .isEqualTo(LONG_DISCUSSION);

        // as the author, who sees all of it (others see what happened after the approval: the seeded past is before)
        HttpResponse<String> history = alice.http().get("api/issues/" + issueId + "/history");
        assertThat(Http.jsonArray(history)).hasSize(50);
        assertThat(Long.parseLong(history.headers().firstValue("X-Total-Count").orElseThrow()))
                .isGreaterThan(LONG_DISCUSSION);

        started = System.nanoTime();
        HttpResponse<String> page = http.get("issues/view.xhtml?id=" + issueId);
        long pageMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(page.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document html = Jsoup.parse(page.body());
        assertThat(html.select("li.comment")).hasSize(50);
        assertThat(html.select("#commentsHeading").text()).isEqualTo("10,000 comments");
        assertThat(html.select("#nextComments").attr("href")).contains("commentPage=2");
        org.jsoup.nodes.Document lastPage = Jsoup.parse(
                http.get("issues/view.xhtml?id=" + issueId + "&commentPage=200").body());
        assertThat(lastPage.select("li.comment .comment-body").last().text()).isEqualTo("The latest word");
        assertThat(lastPage.select("ol#history li"))
                .as("anonymous readers: the filing, the approval and what came after it")
                .hasSizeLessThan(50);

        WebForms reader = new WebForms(new Http(deployment));
        reader.signIn(alice.username(), Tracker.PASSWORD);
        started = System.nanoTime();
        org.jsoup.nodes.Document signedIn = reader.page("issues/view.xhtml?id=" + issueId);
        long signedInMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(signedIn.select("form[id$=commentForm]")).hasSize(50);
        assertThat(signedIn.select("ol#history li"))
                .as("the author: a page of all of it")
                .hasSize(50);

        System.out.printf(
                "%d comments: first page of the API %d ms (%d bytes), the issue page %d ms (%d bytes; signed in: %d"
                        + " ms)%n",
                LONG_DISCUSSION,
                apiMillis,
                first.body().length(),
                pageMillis,
                page.body().length(),
                signedInMillis);
        assertThat(apiMillis).as("the comments API, ms").isLessThan(2_000);
        assertThat(pageMillis).as("the issue page, ms").isLessThan(3_000);
    }

    /** Comments (and their history entries) written straight into MongoDB, as years of discussion would leave them. */
    private void seedDiscussion(int count) {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + Integer.getInteger("it.mongo.port"))) {
            MongoDatabase database = mongo.getDatabase("issuetracker");
            Instant start = Instant.now().minusSeconds(count + 60L);
            List<Document> comments = new ArrayList<>();
            List<Document> history = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ObjectId id = new ObjectId();
                Date at = Date.from(start.plusSeconds(i));
                comments.add(new Document("_id", id)
                        .append("issueId", issueId)
                        .append("body", "Seeded comment " + i)
                        .append("author", bob.username())
                        .append("upvoters", List.of())
                        .append("archived", false)
                        .append("createdAt", at)
                        .append("modifiedAt", at)
                        .append("version", 1L));
                history.add(new Document("_id", new ObjectId())
                        .append("issueId", issueId)
                        .append("at", at)
                        .append("by", bob.username())
                        .append("field", "comment")
                        .append("oldValue", null)
                        .append("newValue", "added " + id.toHexString()));
            }
            database.getCollection("comments").insertMany(comments);
            database.getCollection("history").insertMany(history);
        }
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
