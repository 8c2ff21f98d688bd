package org.issuetracker.dev;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks share: their Payara instances (the packaged WAR with the JVM options Maven passes, the
 * production ones), users and API tokens made through the API, the cache counters from {@code /metrics}, a server's
 * memory from {@code /proc}, and the header of a report (commit, date, machine, JVM settings).
 */
final class BenchmarkRig {

    static final String ADMIN_PASSWORD = "benchmark-admin";
    static final String ADMIN = "admin:" + ADMIN_PASSWORD;

    private static final Pattern COUNTER =
            Pattern.compile("^(cache_hits_total|cache_misses_total)\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern REGION = Pattern.compile("cache=\"([^\"]+)\"");

    private BenchmarkRig() {}

    /** A Payara Micro instance of the packaged WAR on these stores; {@code extra}: further system properties. */
    static ServerProcess payara(
            String name, int port, String mongoUri, String redisAddress, List<String> extra, Path out) {
        List<String> properties = new ArrayList<>(List.of(
                "mongodb.uri=" + mongoUri,
                "redis.address=" + redisAddress,
                "bootstrap.admin.password=" + ADMIN_PASSWORD));
        properties.addAll(extra);
        return ServerProcess.start(
                name, port, PayaraMicroCommand.of(port, "/", properties), out.resolve(name + ".log"));
    }

    /** A user with the USER role, created by the administrator through the API. */
    static void createUser(int port, String username, String password) throws IOException, InterruptedException {
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"Benchmark " + username + "\",\"email\":\""
                + username + "@example.com\",\"password\":\"" + password + "\",\"roles\":[\"USER\"]}";
        HttpResponse<String> created = LocalHttp.send("POST", port, "/api/users", body, LocalHttp.basic(ADMIN));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + created.body());
        }
    }

    /** A personal API token of {@code user} ("username:password"), made through the API. */
    static String createToken(int port, String user) throws IOException, InterruptedException {
        HttpResponse<String> created =
                LocalHttp.send("POST", port, "/api/me/tokens", "{\"name\":\"benchmark\"}", LocalHttp.basic(user));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create the token: " + created.body());
        }
        return Json.createReader(new StringReader(created.body())).readObject().getString("token");
    }

    /** Hits and misses per cache region since the instance started, from its {@code /metrics}. */
    static Map<String, long[]> cacheCounters(int port) throws IOException, InterruptedException {
        HttpResponse<String> metrics = LocalHttp.send("GET", port, "/metrics", null, null);
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + metrics.statusCode());
        }
        Map<String, long[]> counters = new TreeMap<>();
        for (String line : metrics.body().split("\\R")) {
            Matcher counter = COUNTER.matcher(line);
            if (!counter.find()) {
                continue;
            }
            Matcher region = REGION.matcher(counter.group(2));
            if (region.find()) {
                long[] both = counters.computeIfAbsent(region.group(1), r -> new long[2]);
                both[counter.group(1).startsWith("cache_hits") ? 0 : 1] += (long) Double.parseDouble(counter.group(3));
            }
        }
        return counters;
    }

    /** {@code after} less {@code before}, per region, added to {@code sum}. */
    static void addDifference(Map<String, long[]> sum, Map<String, long[]> before, Map<String, long[]> after) {
        after.forEach((region, counts) -> {
            long[] was = before.getOrDefault(region, new long[2]);
            long[] total = sum.computeIfAbsent(region, r -> new long[2]);
            total[0] += counts[0] - was[0];
            total[1] += counts[1] - was[1];
        });
    }

    /** A server's peak and current resident memory (VmHWM, VmRSS) in MiB, and its heap after a full GC. */
    record Memory(double peakMiB, double rssMiB, String heapAfterGc) {}

    static Memory memory(ServerProcess server) {
        double peak = Double.NaN;
        double rss = Double.NaN;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = kib(line) / 1024.0;
                } else if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024.0;
                }
            }
        } catch (IOException gone) {
            // the process ended: NaN
        }
        return new Memory(peak, rss, heapAfterGc(server.pid()));
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** {@code jcmd GC.run}, then the used heap and metaspace from {@code GC.heap_info}; "?" if jcmd fails. */
    static String heapAfterGc(long pid) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            command(List.of(jcmd, String.valueOf(pid), "GC.run"), Duration.ofSeconds(60));
            String info = command(List.of(jcmd, String.valueOf(pid), "GC.heap_info"), Duration.ofSeconds(30));
            Matcher heap =
                    Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K").matcher(info);
            Matcher metaspace = Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(info);
            if (!heap.find()) {
                return "?";
            }
            String text = String.format(
                    Locale.ROOT,
                    "%.0f MiB used of %.0f MiB committed",
                    Long.parseLong(heap.group(2)) / 1024.0,
                    Long.parseLong(heap.group(1)) / 1024.0);
            if (metaspace.find()) {
                text += String.format(Locale.ROOT, "; metaspace %.0f MiB", Long.parseLong(metaspace.group(1)) / 1024.0);
            }
            return text;
        } catch (IOException | RuntimeException failed) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Runs a command, its output as text (standard error with it). */
    static String command(List<String> command, Duration max) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        return text;
    }

    /** The lines every report starts with: the commit, when, which machine, which JVM settings (call it first). */
    static String header(String title) {
        String commit = git("rev-parse", "--short", "HEAD");
        // what was measured: the code, the build and the server configuration (not the docs)
        String dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src", "pom.xml", "server-config")
                        .isBlank()
                ? ""
                : " (with local changes)";
        String cpu = "?";
        long memoryMiB = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("?");
            memoryMiB = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                            .filter(line -> line.startsWith("MemTotal:"))
                            .mapToLong(BenchmarkRig::kib)
                            .findFirst()
                            .orElse(0)
                    / 1024;
        } catch (IOException notLinux) {
            // "?" and 0
        }
        return "# " + title + "\n\n"
                + "- commit " + commit + dirty + ", " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)
                + "\n- machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), "
                + String.format(Locale.ROOT, "%.1f GiB", memoryMiB / 1024.0) + " memory, " + cpu + ", Linux "
                + System.getProperty("os.version")
                + "\n- Payara instances: JVM " + System.getProperty("java.vm.version") + ", options `"
                + System.getProperty("payara.jvm.options", "").trim() + "`\n"
                + "- wrk, the Payara instances, Redis and the MongoDB-wire server (mongo-java-server, in memory, in the"
                + " benchmark's own JVM) share these cores. mongo-java-server is an in-memory Java store without"
                + " secondary indexes: its speed is not MongoDB's.\n";
    }

    private static String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            return command(command, Duration.ofSeconds(10)).trim();
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static String rate(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
