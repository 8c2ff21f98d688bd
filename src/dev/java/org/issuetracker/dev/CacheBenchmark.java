package org.issuetracker.dev;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.issuetracker.infrastructure.mongo.BenchmarkIssues;

/**
 * {@code mvn -Pbenchmark}: the cache on and off, side by side in one run. Starts a MongoDB-wire server and Redis,
 * two Payara Micro instances of the packaged WAR on them (one with {@code cache.enabled=false}), seeds 10 000
 * approved issues, runs the same wrk load against each ({@code src/dev/wrk/zipf-mix.lua}: Zipf-distributed issue
 * reads, list pages, the summary, 10 % votes), then reads every issue through the cached instance and compares it
 * with MongoDB (stale reads). Writes {@code target/benchmark/results.md}. Needs {@code wrk} (Debian's package).
 *
 * <p>MongoDB here is mongo-java-server, in memory: the uncached side's figures are this machine's in-process
 * store, not a real MongoDB's.
 */
public final class CacheBenchmark {

    private static final int ISSUES = Integer.getInteger("benchmark.issues", 10_000);
    private static final String DURATION = System.getProperty("benchmark.duration", "30s");
    private static final String WARMUP = System.getProperty("benchmark.warmup", "20s");
    private static final String CONNECTIONS = System.getProperty("benchmark.connections", "8");
    private static final String ADMIN_PASSWORD = "benchmark-admin";

    private CacheBenchmark() {}

    public static void main(String[] args) throws Exception {
        Wrk.requireInstalled();
        Path out = Files.createDirectories(Path.of("target", "benchmark"));
        int mongoPort = Wrk.freePort();
        int redisPort = Wrk.freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(mongoPort).start();
                EmbeddedRedis redis = new EmbeddedRedis(redisPort, out.resolve("redis")).start()) {
            int cachedPort = Wrk.freePort();
            int uncachedPort = Wrk.freePort();
            Process cached = payara(cachedPort, mongo, redis, true, out.resolve("cached.log"));
            Process uncached = payara(uncachedPort, mongo, redis, false, out.resolve("uncached.log"));
            try {
                awaitReady(cachedPort, cached);
                awaitReady(uncachedPort, uncached);
                String voter = createVoter(cachedPort);
                List<String> ids;
                try (MongoClient client = MongoClients.create(mongo.uri())) {
                    MongoDatabase database = client.getDatabase("issuetracker");
                    ids = BenchmarkIssues.insert(database, ISSUES, "admin");
                }
                // rank 1 = the most read: a shuffled order, so that popularity has nothing to do with age
                List<String> ranked = new ArrayList<>(ids);
                java.util.Collections.shuffle(ranked, new java.util.Random(42));
                Path idsFile = Files.write(out.resolve("ids.txt"), ranked);
                String auth = LocalHttp.basic(voter);

                Map<String, String> results = new LinkedHashMap<>();
                // as production traffic would over a TTL: every issue has been read once
                readAll(cachedPort, ids);
                readAll(uncachedPort, ids);
                wrk(cachedPort, idsFile, auth, WARMUP, "mix", out.resolve("warmup-cached.txt"));
                JsonObject afterWarmup = cacheFigures(cachedPort);
                String cachedRun = wrk(cachedPort, idsFile, auth, DURATION, "mix", out.resolve("wrk-cached.txt"));
                JsonObject after = cacheFigures(cachedPort);
                wrk(uncachedPort, idsFile, auth, WARMUP, "mix", out.resolve("warmup-uncached.txt"));
                String uncachedRun = wrk(uncachedPort, idsFile, auth, DURATION, "mix", out.resolve("wrk-uncached.txt"));
                String cachedReads =
                        wrk(cachedPort, idsFile, auth, DURATION, "reads", out.resolve("wrk-cached-reads.txt"));
                String uncachedReads =
                        wrk(uncachedPort, idsFile, auth, DURATION, "reads", out.resolve("wrk-uncached-reads.txt"));
                String cachedQueries =
                        wrk(cachedPort, idsFile, auth, DURATION, "queries", out.resolve("wrk-cached-queries.txt"));
                String uncachedQueries =
                        wrk(uncachedPort, idsFile, auth, DURATION, "queries", out.resolve("wrk-uncached-queries.txt"));
                long stale = staleReads(cachedPort, mongo, ids);

                results.put("cache on, mixed load", summary(cachedRun));
                results.put("cache off, mixed load", summary(uncachedRun));
                results.put("cache on, single-issue reads only", summary(cachedReads));
                results.put("cache off, single-issue reads only", summary(uncachedReads));
                results.put("cache on, list pages and report only", summary(cachedQueries));
                results.put("cache off, list pages and report only", summary(uncachedQueries));
                String report = report(results, afterWarmup, after, stale, ids.size());
                Files.writeString(out.resolve("results.md"), report);
                System.out.println(report);
            } finally {
                stop(cached);
                stop(uncached);
            }
        }
    }

    private static Process payara(int port, EmbeddedMongo mongo, EmbeddedRedis redis, boolean cache, Path log)
            throws IOException {
        List<String> command = PayaraMicroCommand.of(
                port,
                "/",
                List.of(
                        "mongodb.uri=" + mongo.uri(),
                        "redis.address=" + redis.address(),
                        "cache.enabled=" + cache,
                        "bootstrap.admin.password=" + ADMIN_PASSWORD));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitReady(int port, Process payara) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara on port " + port + " ended; see target/benchmark/*.log");
            }
            try {
                if (send("GET", port, "/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // booting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Payara on port " + port + " not ready within 4 minutes");
    }

    /** A user who votes (the issues' author, admin, may not): "username:password". */
    private static String createVoter(int port) throws IOException, InterruptedException {
        String body = "{\"username\":\"voter\",\"displayName\":\"Benchmark voter\",\"email\":\"voter@example.com\","
                + "\"password\":\"voter-password\",\"roles\":[\"USER\"]}";
        HttpResponse<String> created = send("POST", port, "/api/users", body, "admin:" + ADMIN_PASSWORD);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create the voter: " + created.body());
        }
        return "voter:voter-password";
    }

    /** Reads every issue once, 8 at a time. */
    private static void readAll(int port, List<String> ids) throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (String id : ids) {
            pool.submit(() -> send("GET", port, "/api/issues/" + id, null, null));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    private static String wrk(int port, Path ids, String auth, String duration, String mode, Path output)
            throws IOException, InterruptedException {
        return Wrk.run(
                List.of(
                        "-c" + CONNECTIONS,
                        "-d" + duration,
                        "-s",
                        Path.of("src", "dev", "wrk", "zipf-mix.lua").toString(),
                        "http://127.0.0.1:" + port,
                        "--",
                        ids.toString(),
                        auth,
                        mode),
                output);
    }

    /** Requests/s, latency percentiles and non-2xx answers from wrk's report. */
    private static String summary(String wrk) {
        return "| "
                + Wrk.line(wrk, "Requests/sec:").replace("Requests/sec:", "").trim() + " | "
                + Wrk.percentile(wrk, "50%") + " | " + Wrk.percentile(wrk, "90%") + " | " + Wrk.percentile(wrk, "99%")
                + " | " + Wrk.non2xx(wrk) + " |";
    }

    /** Every issue read through the cached instance, compared with MongoDB: how many differed. */
    private static long staleReads(int port, EmbeddedMongo mongo, List<String> ids) throws Exception {
        long stale = 0;
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoDatabase database = client.getDatabase("issuetracker");
            for (String id : ids) {
                HttpResponse<String> response = send("GET", port, "/api/issues/" + id, null, null);
                JsonObject issue =
                        Json.createReader(new StringReader(response.body())).readObject();
                long[] record = BenchmarkIssues.versionAndVotes(database, id);
                if (issue.getJsonNumber("version").longValue() != record[0] || issue.getInt("votes") != record[1]) {
                    stale++;
                }
            }
        }
        return stale;
    }

    private static JsonObject cacheFigures(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", port, "/api/admin/cache", null, "admin:" + ADMIN_PASSWORD);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String report(Map<String, String> runs, JsonObject from, JsonObject to, long stale, int issues) {
        StringBuilder text = new StringBuilder();
        text.append("# Cache benchmark\n\n")
                .append(issues)
                .append(" approved issues; wrk -t2 -c")
                .append(CONNECTIONS)
                .append(" -d")
                .append(DURATION)
                .append(" with src/dev/wrk/zipf-mix.lua against each instance in turn. Before: every issue read once")
                .append(" through each instance, then a ")
                .append(WARMUP)
                .append(" warm-up with the mixed load.\n\n")
                .append(
                        "| instance | requests/s | p50 | p90 | p99 | non-2xx |\n| --- | --- | --- | --- | --- | --- |\n");
        runs.forEach((name, row) ->
                text.append("| ").append(name).append(" ").append(row).append('\n'));
        text.append("\nHit ratio per region during the measured mixed run (cache on):\n\n")
                .append("| region | hits | misses | hit ratio | invalidations |\n| --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < to.getJsonArray("regions").size(); i++) {
            JsonObject a = from.getJsonArray("regions").getJsonObject(i);
            JsonObject b = to.getJsonArray("regions").getJsonObject(i);
            long hits = b.getJsonNumber("hits").longValue()
                    - a.getJsonNumber("hits").longValue();
            long misses = b.getJsonNumber("misses").longValue()
                    - a.getJsonNumber("misses").longValue();
            long invalidations = b.getJsonNumber("invalidations").longValue()
                    - a.getJsonNumber("invalidations").longValue();
            if (hits + misses == 0 && invalidations == 0) {
                continue;
            }
            text.append("| ")
                    .append(b.getString("region"))
                    .append(" | ")
                    .append(hits)
                    .append(" | ")
                    .append(misses)
                    .append(" | ")
                    .append(hits + misses == 0 ? "-" : String.format("%.1f %%", 100.0 * hits / (hits + misses)))
                    .append(" | ")
                    .append(invalidations)
                    .append(" |\n");
        }
        text.append("\nStale reads: ")
                .append(stale)
                .append(" of ")
                .append(issues)
                .append(" issues read through the cached instance after the run differed from MongoDB.\n");
        return text.toString();
    }

    private static HttpResponse<String> send(String method, int port, String path, String body, String user)
            throws IOException, InterruptedException {
        return LocalHttp.send(method, port, path, body, user == null ? null : LocalHttp.basic(user));
    }

    private static void stop(Process payara) throws InterruptedException {
        payara.destroy();
        if (!payara.waitFor(20, TimeUnit.SECONDS)) {
            payara.destroyForcibly();
        }
    }
}
