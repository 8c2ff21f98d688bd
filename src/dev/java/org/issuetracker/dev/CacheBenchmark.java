package org.issuetracker.dev;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.issuetracker.infrastructure.mongo.BenchmarkIssues;

/**
 * {@code mvn -Pbenchmark}: one table of what a request costs, each row measured side by side with its reference in
 * paired rounds. Starts a MongoDB-wire server and Redis, two Payara Micro instances of the packaged WAR on both (one
 * as shipped, one with {@code cache.enabled=false}) with the production JVM options, seeds approved issues, a user
 * and the user's API token, reads every issue through both instances (keeping each one's ETag), then runs wrk
 * ({@code src/dev/wrk/zipf-mix.lua}) for each row in rounds after a JIT warm-up: the static CSS file (the
 * reference), cached single-issue reads anonymous, with {@code If-None-Match} (304) and with the token, cached list
 * pages, uncached single reads, and the mixed load with 10 % votes on each instance. Then the hit ratio per region
 * over the measured mixed runs, a check that a write on one instance is never followed by an older version on the
 * other, stale reads against MongoDB, and each instance's memory. Writes {@code target/benchmark/results.md}.
 * {@code -Dbenchmark.quick=true}: 500 issues, no warm-up rounds, two rounds of 2 s (a smoke run of under 3
 * minutes whose rates are those of a cold JIT).
 * {@code -Dbenchmark.break-invalidation=true} puts the uncached instance on a Redis of its own, so that its writes
 * invalidate nothing the cached one reads: the checks must then find stale reads (they are shown to be able to).
 */
public final class CacheBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("benchmark.quick");
    private static final int ISSUES = Integer.getInteger("benchmark.issues", QUICK ? 500 : 10_000);
    private static final String DURATION = System.getProperty("benchmark.duration", QUICK ? "2s" : "10s");
    private static final String WARMUP_DURATION = System.getProperty("benchmark.warmup-duration", QUICK ? "1s" : "5s");
    private static final int MIN_WARMUP_ROUNDS = Integer.getInteger("benchmark.min-warmup-rounds", QUICK ? 0 : 2);
    private static final int MAX_WARMUP_ROUNDS = Integer.getInteger("benchmark.max-warmup-rounds", QUICK ? 0 : 4);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", QUICK ? 2 : 3);
    private static final String CONNECTIONS = System.getProperty("benchmark.connections", "32");
    private static final int MIN_CHECKED_WRITES = Integer.getInteger("benchmark.checked-writes", QUICK ? 20 : 400);
    private static final boolean PROFILE =
            Boolean.parseBoolean(System.getProperty("benchmark.profile", String.valueOf(!QUICK)));
    private static final String PROFILE_DURATION = System.getProperty("benchmark.profile-duration", "15s");
    private static final boolean BREAK_INVALIDATION = Boolean.getBoolean("benchmark.break-invalidation");
    private static final String USER = "voter:voter-password";
    private static final Path SCRIPT = Path.of("src", "dev", "wrk", "zipf-mix.lua");

    private CacheBenchmark() {}

    /** One row of the table: which instance, which mode of the wrk script, which extra header. */
    private record Row(String number, String key, String label, int port, String mode, String header) {}

    /** One wrk run of a row. */
    private record Run(double rate, double p50, double p99, long failures, long socketErrors) {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String header = BenchmarkRig.header("Benchmark" + (QUICK ? " (quick mode)" : ""));
        quietStores();
        Wrk.requireInstalled();
        Path out = Files.createDirectories(Path.of("target", "benchmark"));
        int cachedPort = Wrk.freePort();
        int uncachedPort = Wrk.freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(Wrk.freePort()).start();
                EmbeddedRedis redis = new EmbeddedRedis(Wrk.freePort(), out.resolve("redis")).start();
                EmbeddedRedis otherRedis = BREAK_INVALIDATION
                        ? new EmbeddedRedis(Wrk.freePort(), out.resolve("redis-other")).start()
                        : null;
                MongoClient client = MongoClients.create(mongo.uri());
                ServerProcess cached =
                        BenchmarkRig.payara("cache-on", cachedPort, mongo.uri(), redis.address(), List.of(), out)) {
            // one after the other: two Payara boots at once on 2 cores take longer than two in turn (and longer still
            // next to the warm pass); only the user, the token and the issues are made while the second boots
            cached.awaitProbe("ready", Duration.ofMinutes(4));
            progress(started, "cache-on instance ready");
            ServerProcess uncached = BenchmarkRig.payara(
                    "cache-off",
                    uncachedPort,
                    mongo.uri(),
                    (BREAK_INVALIDATION ? otherRedis : redis).address(),
                    List.of("cache.enabled=false"),
                    out);
            try {
                BenchmarkRig.createUser(cachedPort, "voter", "voter-password");
                String bearer = "Bearer " + BenchmarkRig.createToken(cachedPort, USER);
                List<String> ids = BenchmarkIssues.insert(client.getDatabase("issuetracker"), ISSUES, "admin");
                progress(started, ISSUES + " issues seeded");
                uncached.awaitProbe("ready", Duration.ofMinutes(4));
                progress(started, "cache-off instance ready");
                run(started, header, out, client, cached, uncached, bearer, ids);
            } finally {
                uncached.stop();
            }
        }
    }

    private static void run(
            long started,
            String header,
            Path out,
            MongoClient client,
            ServerProcess cached,
            ServerProcess uncached,
            String bearer,
            List<String> ids)
            throws Exception {
        int cachedPort = cached.port();
        int uncachedPort = uncached.port();
        long booted = System.nanoTime();
        MongoDatabase database = client.getDatabase("issuetracker");
        // rank 1 = the most read: a shuffled order, so that popularity has nothing to do with age
        List<String> ranked = new ArrayList<>(ids);
        Collections.shuffle(ranked, new Random(42));
        Path issuesFile = out.resolve("issues.txt");

        // as production traffic would over a TTL: every issue read once. The uncached instance has nothing to
        // fill, but its first requests after the boot take seconds (a 2 s row of quick mode could count none)
        Map<String, String> etags = readAll(cachedPort, ranked);
        readAll(uncachedPort, ranked.subList(0, Math.min(ranked.size(), 200)));
        Map<String, long[]> records = BenchmarkIssues.versionsAndVotes(database);
        long etagMismatches = ranked.stream()
                .filter(id -> !etags.get(id).equals("\"" + records.get(id)[0] + "\""))
                .count();
        if (etagMismatches > 0) {
            throw new IllegalStateException(etagMismatches + " ETags differ from the stored versions");
        }
        writeIssues(issuesFile, ranked, etags);
        long warmed = System.nanoTime();
        progress(started, "every issue read once through the cache-on instance (200 through the other)");

        List<Row> rows = List.of(
                new Row(
                        "1",
                        "static",
                        "static file `GET /resources/css/app.css` (reference)",
                        cachedPort,
                        "static",
                        null),
                new Row("2", "cached", "cached single-issue read, anonymous", cachedPort, "reads", null),
                new Row(
                        "3",
                        "etag",
                        "cached single read, `If-None-Match` → 304 (failures: non-304)",
                        cachedPort,
                        "etag",
                        null),
                new Row("4", "lists", "cached list page (`size=25`, pages 0-9, 4 sorts)", cachedPort, "lists", null),
                new Row("5", "token", "cached single read, API token (Bearer)", cachedPort, "reads", bearer),
                new Row("6", "uncached", "uncached single read (`cache.enabled=false`)", uncachedPort, "reads", null),
                new Row("7a", "mix-on", "mixed Zipf load, 10 % writes, cache on", cachedPort, "mix", null),
                new Row("7b", "mix-off", "mixed Zipf load, 10 % writes, cache off", uncachedPort, "mix", null));
        Measurer measurer = new Measurer(out, issuesFile, bearer, database, ranked, cachedPort);

        // JIT warm-up: every row, round after round, until the static and the cached rate are each within 10 %
        // of the round before (at least MIN_WARMUP_ROUNDS, at most MAX_WARMUP_ROUNDS)
        List<double[]> warmup = new ArrayList<>();
        while (warmup.size() < MAX_WARMUP_ROUNDS
                && (warmup.size() < MIN_WARMUP_ROUNDS || warmup.size() < 2 || !settled(warmup))) {
            double[] round = new double[2];
            for (Row row : rows) {
                Run run = measurer.run(row, WARMUP_DURATION, "warmup", false);
                if (row.key().equals("static")) {
                    round[0] = run.rate();
                } else if (row.key().equals("cached")) {
                    round[1] = run.rate();
                }
            }
            warmup.add(round);
        }
        long warmedUp = System.nanoTime();
        progress(started, warmup.size() + " warm-up rounds done");

        Map<String, List<Run>> runs = new LinkedHashMap<>();
        rows.forEach(row -> runs.put(row.key(), new ArrayList<>()));
        List<Row> order = new ArrayList<>(rows);
        for (int round = 1; round <= ROUNDS; round++) {
            // each round starts with another row, so that no row always runs first or last
            if (round > 1) {
                Collections.rotate(order, -1);
            }
            for (Row row : order) {
                runs.get(row.key()).add(measurer.run(row, DURATION, String.valueOf(round), true));
            }
        }
        long measured = System.nanoTime();
        progress(started, ROUNDS + " measured rounds done");

        long[] twoInstance = twoInstanceCheck(measurer, rows.get(6), cachedPort, uncachedPort, bearer, ranked);
        // after the load: every issue through the cached instance, compared with MongoDB
        progress(started, "two-instance check done");
        long stale = staleReads(cachedPort, database, ranked);
        progress(started, "stale-read check done");
        String profile = PROFILE ? profile(measurer, rows.get(1), cached, out) : "";
        BenchmarkRig.Memory cachedMemory = BenchmarkRig.memory(cached);
        BenchmarkRig.Memory uncachedMemory = BenchmarkRig.memory(uncached);

        String report = report(
                header,
                rows,
                runs,
                warmup,
                measurer.regions,
                twoInstance,
                stale,
                cachedMemory,
                uncachedMemory,
                profile,
                new long[] {started, booted, warmed, warmedUp, measured, System.nanoTime()});
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
    }

    /** mongo-java-server and the MongoDB driver log each connection at INFO (through java.util.logging) */
    private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    static void quietStores() {
        for (String name : List.of("de.bwaldvogel", "org.mongodb.driver")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIET.add(logger);
        }
    }

    private static void progress(long started, String what) {
        System.out.printf(Locale.ROOT, "[benchmark] %4.0f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    private static boolean settled(List<double[]> rounds) {
        double[] last = rounds.get(rounds.size() - 1);
        double[] before = rounds.get(rounds.size() - 2);
        return Math.abs(last[0] / before[0] - 1) <= 0.1 && Math.abs(last[1] / before[1] - 1) <= 0.1;
    }

    /** Runs the rows' wrk, keeps the hit and miss counters of the cached mixed runs, refreshes the ETags file. */
    private static final class Measurer {
        private final Path out;
        private final Path issuesFile;
        private final String bearer;
        private final MongoDatabase database;
        private final List<String> ranked;
        private final int cachedPort;
        private final Map<String, long[]> regions = new java.util.TreeMap<>();
        private boolean versionsChanged;

        Measurer(Path out, Path issuesFile, String bearer, MongoDatabase database, List<String> ranked, int port) {
            this.out = out;
            this.issuesFile = issuesFile;
            this.bearer = bearer;
            this.database = database;
            this.ranked = ranked;
            this.cachedPort = port;
        }

        Run run(Row row, String duration, String round, boolean counted) throws IOException, InterruptedException {
            if (row.mode().equals("etag") && versionsChanged) {
                // the votes of the mixed runs made new versions: the ETags as MongoDB has them now (the warm pass
                // checked that they are what the instance sends)
                Map<String, long[]> records = BenchmarkIssues.versionsAndVotes(database);
                Map<String, String> etags = new HashMap<>();
                ranked.forEach(id -> etags.put(id, "\"" + records.get(id)[0] + "\""));
                writeIssues(issuesFile, ranked, etags);
                versionsChanged = false;
            }
            boolean countHits = counted && row.key().equals("mix-on");
            Map<String, long[]> before = countHits ? BenchmarkRig.cacheCounters(cachedPort) : null;
            String report = wrk(row, duration, out.resolve("wrk-" + row.key() + "-" + round + ".txt"));
            if (countHits) {
                BenchmarkRig.addDifference(regions, before, BenchmarkRig.cacheCounters(cachedPort));
            }
            if (row.mode().equals("mix")) {
                versionsChanged = true;
            }
            long failures = Wrk.non2xx(report);
            if (row.mode().equals("etag")) {
                String line = Wrk.line(report, "non-304:");
                if (line.isEmpty()) {
                    throw new IllegalStateException("The etag mode counted nothing:\n" + report);
                }
                failures = Long.parseLong(line.replaceAll("non-304: (\\d+) of .*", "$1"));
            }
            return new Run(
                    Wrk.requestsPerSecond(report),
                    Wrk.percentileMillis(report, "50%"),
                    Wrk.percentileMillis(report, "99%"),
                    failures,
                    Wrk.socketErrors(report));
        }

        String wrk(Row row, String duration, Path output) throws IOException, InterruptedException {
            List<String> arguments = new ArrayList<>(List.of("-c" + CONNECTIONS, "-d" + duration, "--timeout", "10s"));
            if (row.header() != null) {
                arguments.addAll(List.of("-H", "Authorization: " + row.header()));
            }
            arguments.addAll(List.of(
                    "-s",
                    SCRIPT.toString(),
                    "http://127.0.0.1:" + row.port(),
                    "--",
                    issuesFile.toString(),
                    bearer,
                    row.mode()));
            return Wrk.run(arguments, output);
        }
    }

    private static void writeIssues(Path file, List<String> ranked, Map<String, String> etags) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String id : ranked) {
            lines.add(id + " " + etags.get(id).replace("\"", ""));
        }
        Files.write(file, lines);
    }

    /** Reads every issue once, 16 at a time; their ETags. */
    private static Map<String, String> readAll(int port, List<String> ids) throws Exception {
        Map<String, String> etags = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (String id : ids) {
                reads.add(pool.submit(() -> {
                    HttpResponse<String> read = LocalHttp.send("GET", port, "/api/issues/" + id, null, null);
                    if (read.statusCode() != 200) {
                        throw new IllegalStateException("GET /api/issues/" + id + ": " + read.statusCode());
                    }
                    etags.put(id, read.headers().firstValue("ETag").orElse("?"));
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            pool.shutdown();
        }
        return etags;
    }

    /**
     * While the mixed load runs on the cached instance: read an issue on one instance (so that the cached one holds
     * it), vote or unvote it on the other, and read it at once on the first again; a version older than the
     * write's answer is a stale read. The writes alternate between the two directions. Returns {writes from the
     * uncached instance read on the cached one, stale among them, writes the other way, stale among them}.
     */
    private static long[] twoInstanceCheck(
            Measurer measurer, Row mixedLoad, int cachedPort, int uncachedPort, String bearer, List<String> ranked)
            throws Exception {
        long[] counts = new long[4];
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<String> load = background.submit(
                    () -> measurer.wrk(mixedLoad, DURATION, measurer.out.resolve("wrk-two-instance-load.txt")));
            Random random = new Random(7);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            for (int i = 0;
                    (!load.isDone() || counts[0] + counts[2] < MIN_CHECKED_WRITES) && System.nanoTime() < deadline;
                    i++) {
                boolean toCached = i % 2 == 0;
                int writer = toCached ? uncachedPort : cachedPort;
                int reader = toCached ? cachedPort : uncachedPort;
                // mostly the popular issues, which the load keeps cached
                String id = ranked.get(Math.min(ranked.size() - 1, (int) Math.abs(random.nextGaussian() * 50)));
                String path = "/api/issues/" + id;
                version(LocalHttp.send("GET", reader, path, null, null));
                for (String method : List.of("POST", "DELETE")) {
                    long written = version(LocalHttp.send(method, writer, path + "/votes", "", bearer));
                    long read = version(LocalHttp.send("GET", reader, path, null, null));
                    counts[toCached ? 0 : 2]++;
                    if (read < written) {
                        counts[toCached ? 1 : 3]++;
                    }
                }
            }
            load.get();
        } finally {
            background.shutdown();
        }
        measurer.versionsChanged = true;
        return counts;
    }

    private static long version(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(
                response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    /** Every issue read through the cached instance, compared with MongoDB (version and votes): how many differed. */
    private static long staleReads(int port, MongoDatabase database, List<String> ids) throws Exception {
        Map<String, long[]> records = BenchmarkIssues.versionsAndVotes(database);
        AtomicLong stale = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (String id : ids) {
                reads.add(pool.submit(() -> {
                    HttpResponse<String> response = LocalHttp.send("GET", port, "/api/issues/" + id, null, null);
                    jakarta.json.JsonObject issue = jakarta.json.Json.createReader(
                                    new java.io.StringReader(response.body()))
                            .readObject();
                    long[] record = records.get(id);
                    if (issue.getJsonNumber("version").longValue() != record[0] || issue.getInt("votes") != record[1]) {
                        stale.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            pool.shutdown();
        }
        return stale.get();
    }

    /**
     * A flight recording of the cached instance under the cached single-read load: the methods on top of the
     * sampled stacks, and the share of samples in which some layers appear at all.
     */
    private static String profile(Measurer measurer, Row cachedReads, ServerProcess server, Path out) throws Exception {
        Path recording = out.resolve("cached-reads.jfr").toAbsolutePath();
        Files.deleteIfExists(recording);
        String bin = Path.of(System.getProperty("java.home"), "bin").toString();
        BenchmarkRig.command(
                List.of(
                        bin + "/jcmd",
                        String.valueOf(server.pid()),
                        "JFR.start",
                        "name=benchmark",
                        "settings=profile",
                        "filename=" + recording),
                Duration.ofSeconds(30));
        measurer.wrk(cachedReads, PROFILE_DURATION, out.resolve("wrk-profiled-cached-reads.txt"));
        BenchmarkRig.command(
                List.of(bin + "/jcmd", String.valueOf(server.pid()), "JFR.stop", "name=benchmark"),
                Duration.ofSeconds(60));
        Path printed = out.resolve("cached-reads-samples.txt");
        Process print = new ProcessBuilder(
                        bin + "/jfr",
                        "print",
                        "--events",
                        "jdk.ExecutionSample",
                        "--stack-depth",
                        "96",
                        recording.toString())
                .redirectErrorStream(true)
                .redirectOutput(printed.toFile())
                .start();
        print.waitFor(5, TimeUnit.MINUTES);
        return Samples.summary(printed);
    }

    /** The rows as a table, and what else was found. */
    private static String report(
            String header,
            List<Row> rows,
            Map<String, List<Run>> runs,
            List<double[]> warmup,
            Map<String, long[]> regions,
            long[] twoInstance,
            long stale,
            BenchmarkRig.Memory cachedMemory,
            BenchmarkRig.Memory uncachedMemory,
            String profile,
            long[] times) {
        StringBuilder text = new StringBuilder(header);
        if (BREAK_INVALIDATION) {
            text.append("- **Invalidation broken on purpose** (`benchmark.break-invalidation`): the cache-off instance"
                    + " runs on a Redis of its own, so its writes evict nothing the cache-on instance reads.\n");
        }
        text.append("- ")
                .append(ISSUES)
                .append(
                        " approved issues, every one read once through the cache-on instance first (its ETags kept); wrk -t2 -c")
                .append(CONNECTIONS)
                .append(", ")
                .append(DURATION)
                .append(" per row and round, ")
                .append(ROUNDS)
                .append(" rounds (each starting with another row), ")
                .append(
                        warmup.isEmpty()
                                ? "without warm-up rounds: the rates are those of a JIT still compiling (quick mode).\n"
                                : "after " + warmup.size() + " warm-up rounds of " + WARMUP_DURATION
                                        + " per row (until the static and the cached single-read rate were each within 10 %"
                                        + " of the round before, or at most " + MAX_WARMUP_ROUNDS
                                        + "; their requests/s: "
                                        + warmup.stream()
                                                .map(r -> BenchmarkRig.rate(r[0]) + " / " + BenchmarkRig.rate(r[1]))
                                                .toList()
                                        + ").\n")
                .append("- requests/s: the median of the rounds; p50 and p99: the medians of the rounds'; failures:")
                .append(" answers of 400 and above (row 3: answers other than 304), all rounds together; a ratio: the")
                .append(" median of the rounds' ratios (each round's rows ran side by side).\n\n")
                .append("| # | row | requests/s | each round | p50 | p99 | failures | vs row 1 | other ratio |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        List<Run> reference = runs.get("static");
        for (Row row : rows) {
            List<Run> these = runs.get(row.key());
            String other =
                    switch (row.key()) {
                        case "token" -> "**" + ratio(these, runs.get("cached")) + "** vs row 2";
                        case "uncached" -> "row 2 / row 6: **" + ratio(runs.get("cached"), these) + "**";
                        case "mix-on" -> "7a / 7b: **" + ratio(these, runs.get("mix-off")) + "**";
                        default -> "";
                    };
            long failures = these.stream().mapToLong(Run::failures).sum();
            long socketErrors = these.stream().mapToLong(Run::socketErrors).sum();
            text.append("| ")
                    .append(row.number())
                    .append(" | ")
                    .append(row.label())
                    .append(" | **")
                    .append(BenchmarkRig.rate(
                            BenchmarkRig.median(these.stream().map(Run::rate).toList())))
                    .append("** | ")
                    .append(these.stream().map(r -> BenchmarkRig.rate(r.rate())).toList())
                    .append(" | ")
                    .append(Wrk.formatMillis(
                            BenchmarkRig.median(these.stream().map(Run::p50).toList())))
                    .append(" | ")
                    .append(Wrk.formatMillis(
                            BenchmarkRig.median(these.stream().map(Run::p99).toList())))
                    .append(" | ")
                    .append(failures)
                    .append(socketErrors > 0 ? " (+" + socketErrors + " socket errors)" : "")
                    .append(" | ")
                    .append(row.key().equals("static") ? "1" : ratio(these, reference))
                    .append(" | ")
                    .append(other)
                    .append(" |\n");
        }
        text.append("\nHit ratio per cache region on the cache-on instance over the measured mixed runs (7a; the")
                .append(" counters of /metrics before and after each run, the differences added up):\n\n")
                .append("| region | hits | misses | hit ratio |\n| --- | --- | --- | --- |\n");
        regions.forEach((region, counts) -> {
            if (counts[0] + counts[1] > 0) {
                text.append("| ")
                        .append(region)
                        .append(" | ")
                        .append(counts[0])
                        .append(" | ")
                        .append(counts[1])
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * counts[0] / (counts[0] + counts[1])))
                        .append(" |\n");
            }
        });
        text.append("\nStale reads (both instances on the same Redis")
                .append(BREAK_INVALIDATION ? " — not in this run: invalidation broken on purpose" : "")
                .append(" and the same MongoDB):\n\n")
                .append("- two-instance rule, during a ")
                .append(DURATION)
                .append(" mixed load on the cache-on instance: **")
                .append(twoInstance[1])
                .append(" stale of ")
                .append(twoInstance[0])
                .append("** votes/unvotes on the cache-off instance read at once on the cache-on one (older version")
                .append(" than the write answered); ")
                .append(twoInstance[3])
                .append(" of ")
                .append(twoInstance[2])
                .append(" the other way (the cache-off instance reads MongoDB itself)\n")
                .append("- after the load, every issue read through the cache-on instance and compared with MongoDB")
                .append(" (version and votes): **")
                .append(stale)
                .append(" stale of ")
                .append(ISSUES)
                .append("**\n\nMemory after the load (VmHWM and VmRSS of the server process; heap after `jcmd")
                .append(" GC.run`, from `GC.heap_info`):\n\n")
                .append("| instance | peak RSS | RSS now | heap after a full GC |\n| --- | --- | --- | --- |\n")
                .append(memoryRow("cache on", cachedMemory))
                .append(memoryRow("cache off", uncachedMemory));
        if (!profile.isEmpty()) {
            text.append("\nWhere the cache-on instance spends its CPU under row 2's load (JFR, ")
                    .append(PROFILE_DURATION)
                    .append(", `settings=profile`):\n\n")
                    .append(profile);
        }
        text.append(String.format(
                Locale.ROOT,
                "%nWall time: %.0f s (boots and seeding %.0f s, warm pass %.0f s, warm-up rounds %.0f s, measured"
                        + " rounds %.0f s, checks%s %.0f s).%n",
                seconds(times[0], times[5]),
                seconds(times[0], times[1]),
                seconds(times[1], times[2]),
                seconds(times[2], times[3]),
                seconds(times[3], times[4]),
                PROFILE ? ", profile and memory" : " and memory",
                seconds(times[4], times[5])));
        return text.toString();
    }

    private static String memoryRow(String name, BenchmarkRig.Memory memory) {
        return String.format(
                Locale.ROOT,
                "| %s | %.0f MiB | %.0f MiB | %s |%n",
                name,
                memory.peakMiB(),
                memory.rssMiB(),
                memory.heapAfterGc());
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /** The median of the rounds' {@code these / those} rates. */
    private static String ratio(List<Run> these, List<Run> those) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < these.size(); i++) {
            // a round in which the reference counted nothing has no ratio (NaN: the median leaves it out)
            ratios.add(
                    those.get(i).rate() > 0 ? these.get(i).rate() / those.get(i).rate() : Double.NaN);
        }
        return String.format(Locale.ROOT, "%.2f", BenchmarkRig.median(ratios));
    }
}
