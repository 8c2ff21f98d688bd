package org.issuetracker.application.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Http;
import org.issuetracker.support.SecondInstance;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database's backup and its restore, as an operator scripts them over the API: the drill of losing the database
 * (a fresh instance on an empty database, the backup restored into it, the same documents and the same issues
 * served), the refusals that protect a live database, and the restore drill the pre-deployment checklist asks for.
 * The documents are compared with the driver, independently of the application's own hashes. Then the
 * pre-deployment checklist on this deployment (a developer's: plain connections, an open Redis, no telemetry), which
 * must say so, and pass what the deployment does have.
 */
class BackupAndPreflightIT extends ArquillianIT {

    private static final String ZIP = "application/zip";
    private static final String LIVE = "issuetracker";

    private static MongoClient mongo;

    Tracker tracker;
    Http admin;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create("mongodb://127.0.0.1:" + Integer.getInteger("it.mongo.port"));
    }

    @AfterAll
    static void disconnect() {
        mongo.close();
    }

    @BeforeEach
    void users() {
        tracker = new Tracker(http);
        admin = tracker.admin();
    }

    @Test
    void aBackupRestoredOntoAnEmptyDatabaseHoldsTheSameDocumentsAndServesTheSameIssues() throws Exception {
        List<String> issues = seed("drill");
        Map<String, List<Document>> atBackup = documents(LIVE);
        long started = System.nanoTime();
        HttpResponse<byte[]> backup = admin.postForBytes("api/admin/backups");
        long backupMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(backup.statusCode()).isEqualTo(200);
        assertThat(backup.headers().firstValue("Content-Type")).hasValue(ZIP);
        JsonObject recorded = Http.jsonArray(admin.get("api/admin/backups")).getJsonObject(0);
        assertThat(recorded.getString("kind")).isEqualTo("BACKUP");
        assertThat(recorded.getString("sha256")).isEqualTo(sha256(backup.body()));
        assertThat(recorded.getJsonNumber("bytes").longValue()).isEqualTo(backup.body().length);

        // the database is lost: a fresh instance starts on an empty one (it creates its administrator and reference
        // data), and the backup is restored through it
        String emptied = "issuetracker-lost-" + UUID.randomUUID().toString().substring(0, 8);
        try (SecondInstance fresh = SecondInstance.startWith(Map.of("mongodb.database", emptied), "restore-drill")) {
            fresh.awaitProbe("ready");
            Http freshAdmin = new Http(fresh.url()).as("admin", Tracker.ADMIN_PASSWORD);
            assertThat(freshAdmin.get("api/issues/" + issues.get(0)).statusCode())
                    .isEqualTo(404);

            started = System.nanoTime();
            HttpResponse<String> restored = freshAdmin.postBytes("api/admin/backups/restore", ZIP, backup.body());
            long restoreMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            System.out.printf(
                    "[backup] %d documents in %d collections, archive %d bytes: backup %d ms, restore %d ms%n",
                    atBackup.values().stream().mapToInt(List::size).sum(),
                    atBackup.size(),
                    backup.body().length,
                    backupMillis,
                    restoreMillis);
            assertThat(Http.json(restored).getBoolean("succeeded")).isTrue();

            assertThat(documents(emptied))
                    .as("every collection, document by document")
                    .isEqualTo(atBackup);
            Http anonymousThere = new Http(fresh.url());
            for (String id : issues) {
                assertThat(Http.json(anonymousThere.get("api/issues/" + id)))
                        .isEqualTo(Http.json(http.get("api/issues/" + id)));
                assertThat(Http.jsonArray(anonymousThere.get("api/issues/" + id + "/comments")))
                        .isEqualTo(Http.jsonArray(http.get("api/issues/" + id + "/comments")));
            }
            assertThat(Http.json(anonymousThere.get("api/issues?size=100")))
                    .isEqualTo(Http.json(http.get("api/issues?size=100")));
            assertThat(mongo.getDatabase(emptied)
                            .getCollection("issues")
                            .listIndexes()
                            .into(new ArrayList<>()))
                    .as("the indexes are created with the restore")
                    .hasSizeGreaterThan(1);
        } finally {
            mongo.getDatabase(emptied).drop();
        }
    }

    @Test
    void aRestoreReplacesALiveDatabaseOnlyWhenAskedAndThenNoInstanceServesWhatTheCacheHeld() throws Exception {
        String id = seed("replace").get(0);
        String before = Http.json(http.get("api/issues/" + id)).getString("title");
        byte[] backup = admin.postForBytes("api/admin/backups").body();
        HttpResponse<String> edited = admin.put(
                "api/issues/" + id,
                Http.jsonBody(Map.of(
                        "title",
                        "Edited after the backup",
                        "description",
                        "Changed after the backup was taken.",
                        "categoryId",
                        tracker.id("categories", "Bug"),
                        "labels",
                        List.of())));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Http.json(http.get("api/issues/" + id)).getString("title"))
                .isEqualTo("Edited after the backup"); // cached now

        HttpResponse<String> refused = admin.postBytes("api/admin/backups/restore", ZIP, backup);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(refused).getString("detail")).contains("replace=true");
        assertThat(Http.json(http.get("api/issues/" + id)).getString("title")).isEqualTo("Edited after the backup");

        HttpResponse<String> replaced = admin.postBytes("api/admin/backups/restore?replace=true", ZIP, backup);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(Http.json(http.get("api/issues/" + id)).getString("title"))
                .as("the cached title is gone with the restore")
                .isEqualTo(before);
    }

    @Test
    void aDamagedArchiveIsRefusedAndChangesNothing() throws Exception {
        seed("damaged");
        byte[] backup = admin.postForBytes("api/admin/backups").body();
        Map<String, List<Document>> before = documents(LIVE);

        byte[] cut = java.util.Arrays.copyOf(backup, backup.length / 2);
        byte[] tampered =
                rewritten(backup, "collections/issues.jsonl", line -> line.replace("Issue drill", "Issue fake")
                        .replace("Issue damaged", "Issue forged"));
        byte[] notAnArchive = "{\"issues\": []}".getBytes(StandardCharsets.UTF_8);
        for (byte[] body : List.of(cut, tampered, notAnArchive)) {
            HttpResponse<String> answer = admin.postBytes("api/admin/backups/restore?replace=true", ZIP, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(Http.json(admin.postBytes("api/admin/backups/restore?replace=true", ZIP, tampered))
                        .getString("detail"))
                .isEqualTo("The archive does not match its manifest in issues");
        assertThat(documents(LIVE)).isEqualTo(before);
    }

    @Test
    void aDrillRestoresIntoAScratchDatabaseComparesDropsItAndIsRecorded() throws Exception {
        seed("scratch");
        byte[] backup = admin.postForBytes("api/admin/backups").body();
        Map<String, List<Document>> before = documents(LIVE);

        HttpResponse<String> drill = admin.postBytes("api/admin/backups/drills", ZIP, backup);
        assertThat(drill.statusCode()).as(drill.body()).isEqualTo(200);
        JsonObject report = Http.json(drill);
        assertThat(report.getBoolean("succeeded")).isTrue();
        assertThat(report.getJsonArray("differences")).isEmpty();
        assertThat(report.getJsonObject("restored").getJsonArray("collections"))
                .isEqualTo(report.getJsonObject("archive").getJsonArray("collections"));
        assertThat(mongo.getDatabase(LIVE + "-drill").listCollectionNames().into(new ArrayList<>()))
                .as("the scratch database is emptied")
                .isEmpty();
        assertThat(documents(LIVE)).as("the live database is not touched").isEqualTo(before);
        JsonObject latest = Http.jsonArray(admin.get("api/admin/backups")).getJsonObject(0);
        assertThat(latest.getString("kind")).isEqualTo("DRILL");
        assertThat(latest.getBoolean("succeeded")).isTrue();
        assertThat(latest.getString("sha256")).isEqualTo(sha256(backup));
    }

    @Test
    void onlyAdminsTakeOrRestoreBackups() {
        Http someone = tracker.newUser("nobackup").http();
        assertThat(someone.postForBytes("api/admin/backups").statusCode()).isEqualTo(403);
        assertThat(http.postForBytes("api/admin/backups").statusCode()).isEqualTo(401);
        assertThat(someone.postBytes("api/admin/backups/restore", ZIP, new byte[] {1, 2})
                        .statusCode())
                .isEqualTo(403);
        assertThat(someone.get("api/admin/backups").statusCode()).isEqualTo(403);
    }

    @Test
    void theChecklistJudgesThisDeploymentAndGatesAPipelineOnItsFailures() {
        byte[] backup = admin.postForBytes("api/admin/backups").body();
        assertThat(admin.postBytes("api/admin/backups/drills", ZIP, backup).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/metrics").body()).contains("metrics_scrape_interval_seconds");
        assertThat(http.get("api/issues", "X-Forwarded-For", "192.0.2.7", "X-Forwarded-Proto", "https")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> answer = admin.get("api/admin/preflight");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject report = Http.json(answer);
        Map<String, String> verdicts = new TreeMap<>();
        report.getJsonArray("checks").getValuesAs(JsonObject.class).forEach(check -> {
            verdicts.put(check.getString("id"), check.getString("verdict"));
            System.out.println("[preflight] " + check.getString("id") + " " + check.getString("verdict") + ": "
                    + check.getString("evidence"));
        });
        assertThat(verdicts).hasSize(12);
        assertThat(verdicts)
                .as("what this deployment has")
                .containsEntry("mongodb-backups", "PASS")
                .containsEntry("health-checks", "PASS")
                .containsEntry("network-exposure", "PASS")
                .containsEntry("monitoring", "PASS")
                .containsEntry("load-balancer", "PASS")
                .as("what it lacks")
                .containsEntry("authentication", "FAIL")
                .containsEntry("tls", "FAIL")
                .containsEntry("telemetry", "FAIL")
                .containsEntry("redis-persistence", "FAIL")
                .as("what it has, but not as the guide says")
                .containsEntry("cache-ttls", "WARN")
                .containsEntry("disaster-recovery", "WARN");
        assertThat(report.getString("overall")).isEqualTo("FAIL");
        assertThat(answer.body()).doesNotContain(Tracker.ADMIN_PASSWORD);

        HttpResponse<String> strict = admin.get("api/admin/preflight?strict=true");
        assertThat(strict.statusCode()).as("a pipeline gating on it stops").isEqualTo(503);
        assertThat(Http.json(strict).getJsonArray("checks")).hasSize(12);
        assertThat(tracker.newUser("nopreflight")
                        .http()
                        .get("api/admin/preflight")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theChecklistPageShowsEveryItemWithItsVerdictToAnAdmin() {
        org.issuetracker.support.WebForms web = new org.issuetracker.support.WebForms(new Http(deployment));
        web.signIn("admin", Tracker.ADMIN_PASSWORD);
        org.jsoup.nodes.Document page = web.page("admin/preflight.xhtml");

        assertThat(page.select("tr[id^=check-]")).hasSize(12);
        assertThat(page.select("#check-telemetry .health-badge").text()).isEqualTo("Fail");
        assertThat(page.select("#check-telemetry .fix").text()).contains("OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThat(web.page("admin/operations.xhtml").select("#preflightLink")).hasSize(1);
    }

    /** Two users' issues, approved, with comments and a vote; answers the issues' ids. */
    private List<String> seed(String prefix) {
        Tracker.User author = tracker.newUser(prefix);
        Tracker.User voter = tracker.newUser(prefix + "v");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = tracker.filePublic(author.http(), "Issue " + prefix + " " + i + " " + UUID.randomUUID())
                    .getString("id");
            HttpResponse<String> comment = voter.http()
                    .postJson("api/issues/" + id + "/comments", Http.jsonBody(Map.of("body", "A comment on " + i)));
            assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
            assertThat(voter.http().postEmpty("api/issues/" + id + "/votes").statusCode())
                    .isIn(200, 201, 204);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Every collection of a database but the backup records and the secrets (each deployment makes its own cache
     * signing key), its documents in _id order.
     */
    private static Map<String, List<Document>> documents(String name) {
        MongoDatabase database = mongo.getDatabase(name);
        Map<String, List<Document>> all = new TreeMap<>();
        for (String collection : database.listCollectionNames()) {
            if (!collection.equals("backups") && !collection.equals("secrets") && !collection.startsWith("system.")) {
                all.put(
                        collection,
                        database.getCollection(collection)
                                .find()
                                .sort(Sorts.ascending("_id"))
                                .into(new ArrayList<>()));
            }
        }
        all.values().removeIf(List::isEmpty);
        return all;
    }

    /** The archive with one entry's lines changed (its manifest left as it was). */
    private static byte[] rewritten(byte[] archive, String entryName, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write((entry.getName().equals(entryName) ? edit.apply(content) : content)
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
