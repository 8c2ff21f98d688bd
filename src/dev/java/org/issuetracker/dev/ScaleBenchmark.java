package org.issuetracker.dev;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.issuetracker.infrastructure.mongo.BenchmarkIssues;

/**
 * {@code mvn -Pbenchmark-scale}: how list and search requests grow with the number of issues, the cache on and off
 * side by side. Seeds realistic approved issues (varied titles, descriptions, labels, every category and status, 300
 * authors, votes) straight into the MongoDB-wire server in batches, up to each size of
 * {@code benchmark.scale.sizes} in turn (default 10 000, 100 000, 1 000 000), and measures with wrk ({@code -c4},
 * short runs) a list page (newest), one sorted by votes, a filtered one (status and category), a free-text search
 * and page 100, on the uncached instance and, after one request that fills the entry, on the cached one. Writes
 * {@code target/benchmark/scale-results.md}. mongo-java-server has no secondary indexes and scans every document
 * for each query: the uncached figures show this store's scans, not MongoDB's.
 */
public final class ScaleBenchmark {

    private static final List<Integer> SIZES = Arrays.stream(
                    System.getProperty("benchmark.scale.sizes", "10000,100000,1000000")
                            .split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    private static final String CONNECTIONS = System.getProperty("benchmark.scale.connections", "4");
    private static final int SECONDS = Integer.getInteger("benchmark.scale.seconds", 8);
    private static final int MAX_MINUTES = Integer.getInteger("benchmark.scale.max-minutes", 25);
    private static final int AUTHORS = 300;
    /** What one seeded issue takes in this JVM's heap (mongo-java-server's documents), measured roughly. */
    private static final long BYTES_PER_ISSUE = 4_000;

    private ScaleBenchmark() {}

    private record Cell(double p50, double p99, long requests, long failures, double rate, String duration) {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        CacheBenchmark.quietStores();
        Wrk.requireInstalled();
        Path out = Files.createDirectories(Path.of("target", "benchmark"));
        int cachedPort = Wrk.freePort();
        int uncachedPort = Wrk.freePort();
        // a list of 1 000 000 issues is a scan of many seconds in mongo-java-server, four at a time, and the driver's
        // heartbeat waits behind them: long timeouts, so that the store is not taken for unreachable
        List<String> slowStore = List.of(
                "mongodb.read-timeout=PT300S",
                "mongodb.connect-timeout=PT120S",
                "mongodb.server-selection-timeout=PT120S");
        List<String> uncachedProperties = new ArrayList<>(slowStore);
        uncachedProperties.add("cache.enabled=false");
        StringBuilder text = new StringBuilder(BenchmarkRig.header("Scale benchmark"));
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(Wrk.freePort()).start();
                EmbeddedRedis redis = new EmbeddedRedis(Wrk.freePort(), out.resolve("redis-scale")).start();
                MongoClient client = MongoClients.create(mongo.uri());
                ServerProcess cached = BenchmarkRig.payara(
                        "scale-cache-on", cachedPort, mongo.uri(), redis.address(), slowStore, out);
                ServerProcess uncached = BenchmarkRig.payara(
                        "scale-cache-off", uncachedPort, mongo.uri(), redis.address(), uncachedProperties, out)) {
            cached.awaitProbe("ready", Duration.ofMinutes(4));
            uncached.awaitProbe("ready", Duration.ofMinutes(4));
            MongoDatabase database = client.getDatabase("issuetracker");
            List<String> authors = new ArrayList<>();
            for (int i = 1; i <= AUTHORS; i++) {
                authors.add(String.format(Locale.ROOT, "user%03d", i));
            }
            BenchmarkIssues.insertUsers(database, authors);
            String open = database.getCollection("statuses")
                    .find(new Document("name", "Open"))
                    .first()
                    .getObjectId("_id")
                    .toHexString();
            String category = database.getCollection("categories")
                    .find()
                    .first()
                    .getObjectId("_id")
                    .toHexString();
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("list page, newest", "/api/issues?size=25&sort=newest");
            rows.put("list page, by votes", "/api/issues?size=25&sort=votes");
            rows.put(
                    "filtered: status Open + a category",
                    "/api/issues?size=25&status=" + open + "&category=" + category);
            rows.put("search `q=timeout`", "/api/issues?size=25&q=timeout");
            rows.put("page 100 (newest)", "/api/issues?size=25&page=100&sort=newest");

            text.append("- wrk -t2 -c")
                    .append(CONNECTIONS)
                    .append(" per cell, at least ")
                    .append(SECONDS)
                    .append(" s (longer where one request takes long: eight times the first request's time, at")
                    .append(" most 90 s), `--timeout 120s`. The cached cell follows one request that fills the")
                    .append(" entry (its time is the \"first request\" column); the uncached one reads MongoDB for")
                    .append(" every request: a find and a count, each a full scan in mongo-java-server.\n")
                    .append("- Each size adds issues to the ones before, then one vote and unvote through the API")
                    .append(" starts a new generation of the cached queries.\n\n")
                    .append("| issues | request | uncached p50 | uncached p99 | n | cached p50 | cached p99 | cached")
                    .append(" req/s | first request, cached instance |\n")
                    .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            List<String> notes = new ArrayList<>();
            int seeded = 0;
            boolean warmedUp = false;
            for (int size : SIZES) {
                double elapsedMinutes = (System.nanoTime() - started) / 60e9;
                long heapNeeded = (long) size * BYTES_PER_ISSUE;
                if (elapsedMinutes > MAX_MINUTES) {
                    notes.add(size + " issues skipped: " + String.format(Locale.ROOT, "%.0f", elapsedMinutes)
                            + " minutes had passed, more than benchmark.scale.max-minutes=" + MAX_MINUTES);
                    continue;
                }
                if (heapNeeded > Runtime.getRuntime().maxMemory() * 0.8) {
                    notes.add(size + " issues skipped: about " + heapNeeded / (1 << 20) + " MiB of documents would not"
                            + " fit this JVM's heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                            + " MiB; MAVEN_OPTS=-Xmx...)");
                    continue;
                }
                long seeding = System.nanoTime();
                BenchmarkIssues.insertRealistic(database, seeded, size - seeded, authors);
                seeded = size;
                notes.add(String.format(
                        Locale.ROOT,
                        "%d issues: seeded in %.0f s (insertMany, 1 000 a batch)",
                        size,
                        (System.nanoTime() - seeding) / 1e9));
                newQueryGeneration(cachedPort, database);
                if (!warmedUp) {
                    // the JIT: every request on both instances for a while before the first figures
                    for (String path : rows.values()) {
                        wrk(uncachedPort, path, 6, out.resolve("wrk-scale-warmup-off.txt"));
                        wrk(cachedPort, path, 6, out.resolve("wrk-scale-warmup-on.txt"));
                    }
                    newQueryGeneration(cachedPort, database);
                    warmedUp = true;
                }
                for (Map.Entry<String, String> row : rows.entrySet()) {
                    String slug = size + "-" + row.getKey().replaceAll("[^a-z0-9]+", "-");
                    long alone = timed(uncachedPort, row.getValue());
                    Cell off = wrk(
                            uncachedPort,
                            row.getValue(),
                            (int) Math.min(90, Math.max(SECONDS, 8 * alone / 1000)),
                            out.resolve("wrk-scale-off-" + slug + ".txt"));
                    long first = timed(cachedPort, row.getValue());
                    Cell on = wrk(cachedPort, row.getValue(), SECONDS, out.resolve("wrk-scale-on-" + slug + ".txt"));
                    text.append(String.format(
                            Locale.ROOT,
                            "| %d | %s | %s | %s | %d in %s%s | %s | %s | %.0f%s | %s |%n",
                            size,
                            row.getKey(),
                            Wrk.formatMillis(off.p50()),
                            Wrk.formatMillis(off.p99()),
                            off.requests(),
                            off.duration(),
                            off.failures() > 0 ? ", " + off.failures() + " failed" : "",
                            Wrk.formatMillis(on.p50()),
                            Wrk.formatMillis(on.p99()),
                            on.rate(),
                            on.failures() > 0 ? " (" + on.failures() + " failed)" : "",
                            Wrk.formatMillis(first)));
                    System.out.println("[scale] " + size + " " + row.getKey() + ": uncached p50 "
                            + Wrk.formatMillis(off.p50()) + ", cached p50 " + Wrk.formatMillis(on.p50()));
                }
            }
            BenchmarkRig.Memory cachedMemory = BenchmarkRig.memory(cached);
            BenchmarkRig.Memory uncachedMemory = BenchmarkRig.memory(uncached);
            text.append('\n');
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
            text.append(String.format(
                    Locale.ROOT,
                    "- peak RSS of the instances: cache on %.0f MiB, cache off %.0f MiB%n"
                            + "- wall time %.1f minutes%n",
                    cachedMemory.peakMiB(),
                    uncachedMemory.peakMiB(),
                    (System.nanoTime() - started) / 60e9));
        }
        Files.writeString(out.resolve("scale-results.md"), text.toString());
        System.out.println(text);
    }

    /**
     * A vote and an unvote by the administrator through the cached instance: the issue-queries region starts a new
     * generation, so that no page cached before the seeding is served.
     */
    private static void newQueryGeneration(int port, MongoDatabase database) throws Exception {
        String id = database.getCollection("issues")
                .find()
                .first()
                .getObjectId("_id")
                .toHexString();
        for (String method : List.of("POST", "DELETE")) {
            HttpResponse<String> answer = LocalHttp.send(
                    method, port, "/api/issues/" + id + "/votes", "", LocalHttp.basic(BenchmarkRig.ADMIN));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " vote answered " + answer.statusCode() + ": " + answer.body());
            }
        }
    }

    /** One request alone, its time in milliseconds. */
    private static long timed(int port, String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = LocalHttp.send("GET", port, path, null, null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Cell wrk(int port, String path, int seconds, Path output) throws Exception {
        String report = Wrk.run(
                List.of(
                        "-c" + CONNECTIONS,
                        "-d" + seconds + "s",
                        "--timeout",
                        "120s",
                        "http://127.0.0.1:" + port + path),
                output);
        long requests = Wrk.requests(report);
        return new Cell(
                requests == 0 ? Double.NaN : Wrk.percentileMillis(report, "50%"),
                requests == 0 ? Double.NaN : Wrk.percentileMillis(report, "99%"),
                requests,
                Wrk.non2xx(report) + Wrk.socketErrors(report),
                Wrk.requestsPerSecond(report),
                seconds + " s");
    }
}
