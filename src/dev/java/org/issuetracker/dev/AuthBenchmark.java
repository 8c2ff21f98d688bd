package org.issuetracker.dev;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.infrastructure.mongo.BenchmarkIssues;

/**
 * {@code mvn -Pbenchmark,auth-benchmark}: what authentication costs a cached read. One issue read with wrk, 32
 * connections, anonymously, with HTTP Basic and with a personal API token (Bearer), in turns (each round starting with
 * another), several rounds, after warm-up rounds until the rate settles, against
 * one instance with the shipped password hashing (PBKDF2 at 600 000 iterations); and once with Basic against a
 * second instance where successful verifications are not remembered ({@code security.basic.verified-for=PT0.001S}),
 * which is what Basic cost before they were. Both instances run with the production JVM settings (the JDK's
 * default JIT and G1, not the tests' C1-only JVM). Writes {@code target/benchmark/auth-results.md}.
 */
public final class AuthBenchmark {

    private static final String DURATION = System.getProperty("benchmark.duration", "10s");
    private static final String CONNECTIONS = System.getProperty("benchmark.connections", "32");
    private static final int MIN_WARMUP_ROUNDS = Integer.getInteger("benchmark.min-warmup-rounds", 8);
    private static final int MAX_WARMUP_ROUNDS = Integer.getInteger("benchmark.warmup-rounds", 14);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 6);
    private static final String ADMIN_PASSWORD = "benchmark-admin";
    private static final String READER = "reader:reader-password";

    private AuthBenchmark() {}

    public static void main(String[] args) throws Exception {
        Wrk.requireInstalled();
        Path out = Files.createDirectories(Path.of("target", "benchmark"));
        int port = Wrk.freePort();
        int uncachedBasicPort = Wrk.freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(Wrk.freePort()).start();
                EmbeddedRedis redis = new EmbeddedRedis(Wrk.freePort(), out.resolve("redis")).start();
                ServerProcess shipped = payara("auth", port, mongo, redis, List.of(), out)) {
            shipped.awaitProbe("ready", Duration.ofMinutes(4));
            createReader(port);
            String token = createToken(port);
            String issue;
            try (MongoClient client = MongoClients.create(mongo.uri())) {
                MongoDatabase database = client.getDatabase("issuetracker");
                issue = BenchmarkIssues.insert(database, 100, "admin").get(0);
            }
            String path = "/api/issues/" + issue;
            String basic = LocalHttp.basic(READER);
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("anonymous", null);
            callers.put("HTTP Basic", basic);
            callers.put("API token (Bearer)", "Bearer " + token);
            for (String header : callers.values()) {
                check(send(port, path, header));
            }
            // Warm-up: the server JIT-compiles for minutes on 2 cores (rates rose 2.5-fold over the first five
            // minutes in one run); at least MIN_WARMUP_ROUNDS rounds of all callers, then more until a round's
            // anonymous rate is within 10 % of the one before.
            List<Double> warmup = new ArrayList<>();
            while (warmup.size() < MAX_WARMUP_ROUNDS
                    && (warmup.size() < MIN_WARMUP_ROUNDS
                            || Math.abs(warmup.get(warmup.size() - 1) / warmup.get(warmup.size() - 2) - 1) > 0.1)) {
                for (String header : callers.values()) {
                    String run = wrk(port, path, header, DURATION, out.resolve("auth-warmup.txt"));
                    if (header == null) {
                        warmup.add(Wrk.requestsPerSecond(run));
                    }
                }
            }
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, String> lastRun = new LinkedHashMap<>();
            List<Map.Entry<String, String>> order = new ArrayList<>(callers.entrySet());
            for (int round = 1; round <= ROUNDS; round++) {
                // each round starts with another caller, so that no caller always runs first or last
                java.util.Collections.rotate(order, -1);
                for (Map.Entry<String, String> caller : order) {
                    String run = wrk(
                            port,
                            path,
                            caller.getValue(),
                            DURATION,
                            out.resolve("wrk-auth-" + slug(caller.getKey()) + "-" + round + ".txt"));
                    rates.computeIfAbsent(caller.getKey(), k -> new ArrayList<>())
                            .add(Wrk.requestsPerSecond(run));
                    lastRun.put(caller.getKey(), run);
                }
            }
            // only now, so that its boot and its JIT take no CPU from the rounds above
            String unremembered;
            try (ServerProcess uncachedBasic = payara(
                    "auth-basic-unremembered",
                    uncachedBasicPort,
                    mongo,
                    redis,
                    List.of("security.basic.verified-for=PT0.001S"),
                    out)) {
                uncachedBasic.awaitProbe("ready", Duration.ofMinutes(4));
                check(send(uncachedBasicPort, path, basic));
                unremembered =
                        wrk(uncachedBasicPort, path, basic, DURATION, out.resolve("wrk-auth-basic-unremembered.txt"));
            }
            String report = report(warmup, rates, lastRun, unremembered);
            Files.writeString(out.resolve("auth-results.md"), report);
            System.out.println(report);
        }
    }

    private static ServerProcess payara(
            String name, int port, EmbeddedMongo mongo, EmbeddedRedis redis, List<String> extra, Path out) {
        List<String> properties = new ArrayList<>(List.of(
                "mongodb.uri=" + mongo.uri(),
                "redis.address=" + redis.address(),
                "bootstrap.admin.password=" + ADMIN_PASSWORD));
        properties.addAll(extra);
        return ServerProcess.start(
                name, port, PayaraMicroCommand.of(port, "/", properties), out.resolve(name + ".log"));
    }

    private static void createReader(int port) throws IOException, InterruptedException {
        String body = "{\"username\":\"reader\",\"displayName\":\"Benchmark reader\",\"email\":\"reader@example.com\","
                + "\"password\":\"reader-password\",\"roles\":[\"USER\"]}";
        HttpResponse<String> created =
                LocalHttp.send("POST", port, "/api/users", body, LocalHttp.basic("admin:" + ADMIN_PASSWORD));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create the reader: " + created.body());
        }
    }

    private static String createToken(int port) throws IOException, InterruptedException {
        HttpResponse<String> created =
                LocalHttp.send("POST", port, "/api/me/tokens", "{\"name\":\"benchmark\"}", LocalHttp.basic(READER));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create the token: " + created.body());
        }
        return Json.createReader(new StringReader(created.body())).readObject().getString("token");
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "The benchmark's read answers " + response.statusCode() + ": " + response.body());
        }
    }

    private static String wrk(int port, String path, String authorization, String duration, Path output)
            throws IOException, InterruptedException {
        // a long timeout: an unremembered Basic request waits seconds for its hash, and must count, not time out
        List<String> arguments = new ArrayList<>(List.of("-c" + CONNECTIONS, "-d" + duration, "--timeout", "60s"));
        if (authorization != null) {
            arguments.addAll(List.of("-H", "Authorization: " + authorization));
        }
        arguments.add("http://127.0.0.1:" + port + path);
        return Wrk.run(arguments, output);
    }

    private static String report(
            List<Double> warmup, Map<String, List<Double>> rates, Map<String, String> lastRun, String unremembered) {
        List<Double> anonymous = rates.get("anonymous");
        StringBuilder text = new StringBuilder("# Authentication benchmark\n\n")
                .append("One cached issue read, wrk -t2 -c")
                .append(CONNECTIONS)
                .append(" -d")
                .append(DURATION)
                .append(" per caller and round, the callers in turns (each round starting with another), ")
                .append(ROUNDS)
                .append(" rounds, after ")
                .append(warmup.size())
                .append(" warm-up rounds (anonymous requests/s in them: ")
                .append(warmup.stream().map(r -> String.format("%.0f", r)).toList())
                .append("). Requests/s is the median of the rounds; \"vs anonymous\" the median of each round's")
                .append(" ratio to that round's anonymous rate; the percentiles are the last round's.\n\n")
                .append("| caller | requests/s (median) | each round | vs anonymous | p50 | p99 | non-2xx |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        rates.forEach((caller, runs) -> text.append(row(caller, runs, ratios(runs, anonymous), lastRun.get(caller))));
        double unrememberedRate = Wrk.requestsPerSecond(unremembered);
        text.append(row(
                "HTTP Basic, verifications not remembered (PBKDF2 per request; a second instance, after the rounds)",
                List.of(unrememberedRate),
                List.of(unrememberedRate / median(anonymous)),
                unremembered));
        return text.toString();
    }

    private static List<Double> ratios(List<Double> runs, List<Double> anonymous) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ratios.add(runs.get(i) / anonymous.get(i));
        }
        return ratios;
    }

    private static String row(String caller, List<Double> runs, List<Double> ratios, String wrk) {
        return "| " + caller + " | " + String.format("%.0f", median(runs)) + " | "
                + runs.stream().map(r -> String.format("%.0f", r)).toList() + " | "
                + String.format("%.2f", median(ratios)) + " | " + Wrk.percentile(wrk, "50%") + " | "
                + Wrk.percentile(wrk, "99%") + " | " + Wrk.non2xx(wrk) + " |\n";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String slug(String caller) {
        return caller.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
    }

    private static HttpResponse<String> send(int port, String path, String authorization)
            throws IOException, InterruptedException {
        return LocalHttp.send("GET", port, path, null, authorization);
    }
}
