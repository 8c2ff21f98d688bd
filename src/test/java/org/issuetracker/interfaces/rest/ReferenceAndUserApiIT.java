package org.issuetracker.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblem;
import static org.issuetracker.interfaces.rest.IssueApiIT.assertProblemField;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Categories, statuses and users, as admins manage them and everyone else reads them; users' personal API tokens,
 * as integrations use them.
 */
class ReferenceAndUserApiIT extends ArquillianIT {

    Tracker tracker;
    Http admin;

    @BeforeEach
    void admin() {
        tracker = new Tracker(http);
        admin = tracker.admin();
    }

    @Test
    void anEmptyDatabaseGetsTheStandardCategoriesAndStatuses() {
        assertThat(names("categories")).contains("Bug", "Feature", "Enhancement", "Question", "Documentation");
        List<JsonObject> statuses = Http.jsonArray(http.get("api/statuses")).getValuesAs(JsonObject.class);
        assertThat(statuses)
                .filteredOn(s -> s.getBoolean("closed"))
                .extracting(s -> s.getString("name"))
                .contains("Resolved", "Closed", "Won't Fix");
        assertThat(statuses)
                .filteredOn(s -> !s.getBoolean("closed"))
                .extracting(s -> s.getString("name"))
                .contains("Open", "In Progress", "Under Review");
    }

    @Test
    void namesAreUniqueWhateverTheirCaseAndRenamesShowOnIssues() {
        String name = "Hardware " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.postJson("api/categories", "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Http.json(created).getString("id");
        assertProblem(admin.postJson("api/categories", "{\"name\":\"" + name.toUpperCase() + "\"}"), 409, "conflict");
        assertProblemField(admin.postJson("api/categories", "{\"name\":\"x\"}"), 400, "name");

        Tracker.User user = tracker.newUser("renamer");
        String issue = tracker.file(user.http(), "Uses a category " + UUID.randomUUID())
                .getString("id");
        admin.put(
                "api/issues/" + issue,
                Http.jsonBody(Map.of(
                        "title", "Uses a category", "description", "Moved to the new category.", "categoryId", id)));
        String renamed = name + " and peripherals";
        assertThat(admin.put("api/categories/" + id, "{\"name\":\"" + renamed + "\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(Http.json(admin.get("api/issues/" + issue))
                        .getJsonObject("category")
                        .getString("name"))
                .isEqualTo(renamed);
    }

    @Test
    void archivedCategoriesAreHiddenAndCannotBeUsedUntilRestored() {
        String id = Http.json(admin.postJson("api/categories", "{\"name\":\"Old " + UUID.randomUUID() + "\"}"))
                .getString("id");
        admin.delete("api/categories/" + id);

        assertThat(ids("api/categories")).doesNotContain(id);
        assertThat(ids("api/categories?includeArchived=true")).contains(id);
        Tracker.User user = tracker.newUser("archiver");
        assertProblemField(
                user.http()
                        .postJson(
                                "api/issues",
                                Http.jsonBody(Map.of(
                                        "title",
                                        "An issue title",
                                        "description",
                                        "In an archived category",
                                        "categoryId",
                                        id))),
                400,
                "categoryId");

        admin.postEmpty("api/categories/" + id + "/restore");
        assertThat(ids("api/categories")).contains(id);
        String etag =
                http.get("api/categories/" + id).headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("api/categories/" + id, "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(admin.put("api/categories/" + id, "{\"name\":\"Stale\"}", "If-Match", "\"1\"")
                        .statusCode())
                .isEqualTo(412);
    }

    @Test
    void adminsManageUsersAndUsersSeeThemselves() {
        Tracker.User carol = tracker.newUser("carol");
        JsonObject me = Http.json(carol.http().get("api/me"));
        assertThat(me.getString("username")).isEqualTo(carol.username());
        assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("USER");
        assertThat(me.containsKey("passwordHash")).isFalse();
        assertProblem(http.get("api/me"), 401, "unauthorized");

        assertProblem(
                admin.postJson(
                        "api/users",
                        Http.jsonBody(Map.of(
                                "username",
                                carol.username(),
                                "displayName",
                                "Again",
                                "email",
                                "again@example.com",
                                "password",
                                "long-enough-pw",
                                "roles",
                                List.of("USER")))),
                409,
                "conflict");
        assertProblemField(
                admin.postJson(
                        "api/users",
                        Http.jsonBody(Map.of(
                                "username",
                                "Not Valid!",
                                "displayName",
                                "X",
                                "email",
                                "not-an-email",
                                "password",
                                "short",
                                "roles",
                                List.of()))),
                400,
                "email");

        HttpResponse<String> promoted = admin.put(
                "api/users/" + carol.username(),
                Http.jsonBody(Map.of(
                        "displayName",
                        "Carol the Admin",
                        "email",
                        "carol@example.com",
                        "roles",
                        List.of("USER", "ADMIN"),
                        "active",
                        true)));
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(carol.http().get("api/users?size=5").statusCode())
                .as("an admin now")
                .isEqualTo(200);
        assertThat(Http.json(carol.http().get("api/me")).getString("displayName"))
                .isEqualTo("Carol the Admin");

        assertThat(admin.delete("api/users/" + carol.username()).statusCode()).isEqualTo(200);
        assertThat(carol.http().get("api/me").statusCode())
                .as("deactivated: cannot sign in")
                .isEqualTo(401);
        assertProblem(admin.delete("api/users/admin"), 409, "conflict");
        assertProblem(admin.get("api/users/nobody-here"), 404, "user-not-found");
    }

    @Test
    void aPersonalTokenActsAsItsOwnerUntilRevokedAndOnlyItsDigestIsStored() throws Exception {
        Tracker.User dave = tracker.newUser("dave");
        HttpResponse<String> made = dave.http()
                .postJson("api/me/tokens", "{\"name\":\"CI pipeline\",\"expiresAt\":\"" + inDays(30) + "\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        String secret = Http.json(made).getString("token");
        String id = Http.json(made).getString("id");
        assertThat(secret).matches("itk_[A-Za-z0-9_-]{43}");
        Http bot = http.withToken(secret);

        assertThat(Http.json(bot.get("api/me")).getString("username")).isEqualTo(dave.username());
        JsonObject filed = tracker.file(bot, "Filed by a pipeline " + UUID.randomUUID());
        assertThat(filed.getJsonObject("author").getString("username"))
                .as("a token writes as its owner")
                .isEqualTo(dave.username());
        assertThat(bot.get("api/me").headers().firstValue("Set-Cookie"))
                .as("no session")
                .isEmpty();

        HttpResponse<String> listed = dave.http().get("api/me/tokens");
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonObject entry = Http.jsonArray(listed).getJsonObject(0);
        assertThat(entry.getString("id")).isEqualTo(id);
        assertThat(entry.getString("name")).isEqualTo("CI pipeline");
        assertThat(entry.keySet())
                .contains("createdAt", "expiresAt", "lastUsedAt")
                .doesNotContain("token", "digest");
        assertThat(entry.getString("lastUsedAt")).as("used a moment ago").isNotBlank();
        assertThat(listed.body()).doesNotContain(secret, sha256(secret));

        try (MongoClient mongo = mongo();
                RedisTokens redis = new RedisTokens()) {
            Document stored = tokens(mongo).find(new Document("_id", id)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("digest")).isEqualTo(sha256(secret));
            assertThat(stored.toJson()).doesNotContain(secret.substring(4));
            assertThat(redis.entry(sha256(secret)))
                    .as("the grant is cached in the shared Redis, by digest, signed")
                    .startsWith("s1.")
                    .contains(dave.username())
                    .doesNotContain(secret.substring(4));

            assertThat(dave.http().delete("api/me/tokens/" + id).statusCode()).isEqualTo(204);

            assertThat(redis.entry(sha256(secret)))
                    .as("the revoke replaced the entry every instance reads with an invalidation marker")
                    .startsWith("\u0000invalidated:");
            assertThat(tokens(mongo).countDocuments(new Document("_id", id))).isZero();
        }
        HttpResponse<String> refused = bot.get("api/me");
        assertProblem(refused, 401, "unauthorized");
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("Bearer"));
        assertThat(bot.get("api/issues", "Origin", "http://127.0.0.1").headers().firstValue("WWW-Authenticate"))
                .as("browsers get no challenge")
                .isEmpty();
        assertThat(Http.jsonArray(dave.http().get("api/me/tokens"))).isEmpty();
    }

    @Test
    void othersCannotSeeOrRevokeMyTokensButAnAdminCan() {
        Tracker.User erin = tracker.newUser("erin");
        Tracker.User frank = tracker.newUser("frank");
        JsonObject made = Http.json(erin.http().postJson("api/me/tokens", "{\"name\":\"backup script\"}"));
        String id = made.getString("id");
        Http script = http.withToken(made.getString("token"));

        assertProblem(frank.http().delete("api/me/tokens/" + id), 404, "token-not-found");
        assertProblem(frank.http().delete("api/users/" + erin.username() + "/tokens/" + id), 403, "forbidden");
        assertProblem(frank.http().get("api/users/" + erin.username() + "/tokens"), 403, "forbidden");
        assertProblem(http.get("api/me/tokens"), 401, "unauthorized");
        assertThat(script.get("api/me").statusCode()).as("still erin's").isEqualTo(200);

        assertThat(Http.jsonArray(admin.get("api/users/" + erin.username() + "/tokens")))
                .extracting(token -> token.asJsonObject().getString("name"))
                .containsExactly("backup script");
        assertThat(admin.delete("api/users/" + erin.username() + "/tokens/" + id)
                        .statusCode())
                .isEqualTo(204);
        assertThat(script.get("api/me").statusCode()).isEqualTo(401);
        assertProblem(admin.delete("api/users/" + erin.username() + "/tokens/" + id), 404, "token-not-found");
        assertProblem(admin.delete("api/users/" + erin.username() + "/tokens/nonsense"), 404, "token-not-found");
    }

    @Test
    void expiredUnknownAndDeactivatedOwnersTokensAre401AndBadRequestsAre400() {
        Tracker.User gina = tracker.newUser("gina");
        String expired = "itk_" + "E".repeat(39) + UUID.randomUUID().toString().substring(0, 4);
        try (MongoClient mongo = mongo()) {
            // an API client cannot make an expired token: one written as time would leave it
            tokens(mongo)
                    .insertOne(new Document(
                                    "_id",
                                    HexFormat.of().formatHex(new byte[12]).replace('0', 'e'))
                            .append("owner", gina.username())
                            .append("name", "old")
                            .append("digest", sha256(expired))
                            .append("createdAt", Date.from(Instant.now().minus(Duration.ofDays(2))))
                            .append("expiresAt", Date.from(Instant.now().minus(Duration.ofDays(1)))));
        }
        assertProblem(http.withToken(expired).get("api/me"), 401, "unauthorized");
        assertProblem(http.withToken("itk_" + "A".repeat(43)).get("api/me"), 401, "unauthorized");
        assertProblem(http.withToken("not a token at all").get("api/issues"), 401, "unauthorized");

        assertProblemField(gina.http().postJson("api/me/tokens", "{}"), 400, "name");
        assertProblemField(gina.http().postJson("api/me/tokens", "{\"name\":\"" + "n".repeat(61) + "\"}"), 400, "name");
        assertProblemField(
                gina.http().postJson("api/me/tokens", "{\"name\":\"x\",\"expiresAt\":\"2020-01-01\"}"),
                400,
                "expiresAt");
        assertProblemField(
                gina.http().postJson("api/me/tokens", "{\"name\":\"x\",\"expiresAt\":\"" + inDays(400) + "\"}"),
                400,
                "expiresAt");
        assertProblemField(
                gina.http().postJson("api/me/tokens", "{\"name\":\"x\",\"expiresAt\":\"banana\"}"), 400, "expiresAt");
        assertProblem(http.postJson("api/me/tokens", "{\"name\":\"x\"}"), 401, "unauthorized");

        String secret = Http.json(gina.http().postJson("api/me/tokens", "{\"name\":\"first\"}"))
                .getString("token");
        assertProblem(http.withToken(secret).postJson("api/me/tokens", "{\"name\":\"successor\"}"), 403, "forbidden");
        for (int i = 2; i < 50; i++) { // the expired one counts until it is revoked
            assertThat(gina.http()
                            .postJson("api/me/tokens", "{\"name\":\"token " + i + "\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        assertProblem(gina.http().postJson("api/me/tokens", "{\"name\":\"the 51st\"}"), 409, "conflict");

        assertThat(http.withToken(secret).get("api/me").statusCode()).isEqualTo(200);
        assertThat(admin.delete("api/users/" + gina.username()).statusCode()).isEqualTo(200);
        assertProblem(http.withToken(secret).get("api/me"), 401, "unauthorized");
    }

    @Test
    void aWarmTokenCostsNeitherADatabaseQueryNorAPasswordHash() {
        Tracker.User hank = tracker.newUser("hank");
        String secret = Http.json(hank.http().postJson("api/me/tokens", "{\"name\":\"dashboard\"}"))
                .getString("token");
        Http token = http.withToken(secret);
        String issue = "api/issues/"
                + tracker.filePublic(hank.http(), "Read by a dashboard " + UUID.randomUUID())
                        .getString("id");
        for (int i = 0; i < 20; i++) { // warm: the issue, the grant and the owner cached, the last use written
            assertThat(token.get(issue).statusCode()).isEqualTo(200);
            assertThat(http.get(issue).statusCode()).isEqualTo(200);
        }
        double tokenCommands = mongoCommands("api_tokens");
        double userCommands = mongoCommands("users");

        long[] anonymous = new long[200];
        long[] withToken = new long[200];
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            assertThat(http.get(issue).statusCode()).isEqualTo(200);
            anonymous[i] = System.nanoTime() - start;
            start = System.nanoTime();
            assertThat(token.get(issue).statusCode()).isEqualTo(200);
            withToken[i] = System.nanoTime() - start;
        }

        assertThat(mongoCommands("api_tokens"))
                .as("no token lookup or last-use write")
                .isEqualTo(tokenCommands);
        assertThat(mongoCommands("users")).as("the owner from the cache").isEqualTo(userCommands);
        double anonymousMedian = median(anonymous);
        double tokenMedian = median(withToken);
        System.out.printf(
                "Cached issue read, median of 200 sequential: anonymous %.2f ms, with a token %.2f ms%n",
                anonymousMedian, tokenMedian);
        // loose, for a shared 2-core machine: a password hash or a database round trip per request would show
        assertThat(tokenMedian).isLessThan(anonymousMedian * 3 + 5);
    }

    private double mongoCommands(String collection) {
        return metrics().sum("mongodb_command_seconds_count", Map.of("collection", collection));
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static String inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).toString();
    }

    private static String sha256(String secret) throws RuntimeException {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MongoClient mongo() {
        return MongoClients.create("mongodb://127.0.0.1:" + Integer.getInteger("it.mongo.port"));
    }

    private static MongoCollection<Document> tokens(MongoClient mongo) {
        return mongo.getDatabase("issuetracker").getCollection("api_tokens");
    }

    /** The {@code tokens} cache region as every instance sees it, in Redis. */
    private static final class RedisTokens implements AutoCloseable {

        private final RedissonClient client;

        RedisTokens() {
            Config config = new Config();
            config.setCodec(StringCodec.INSTANCE);
            config.useSingleServer().setAddress("redis://127.0.0.1:" + Integer.getInteger("it.redis.port"));
            client = Redisson.create(config);
        }

        String entry(String digest) {
            return client.<String, String>getMap("issuetracker:tokens").get(digest);
        }

        @Override
        public void close() {
            client.shutdown();
        }
    }

    private List<String> names(String collection) {
        return Http.jsonArray(http.get("api/" + collection)).getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("name"))
                .toList();
    }

    private List<String> ids(String path) {
        return Http.jsonArray(http.get(path)).getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id"))
                .toList();
    }
}
