package org.issuetracker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn -Prun}: the whole application on one machine with nothing installed. Starts a MongoDB wire-protocol
 * server (H2 file under the data directory, so data survives restarts), a real Redis, and Payara Micro with the
 * WAR at {@code http://localhost:$HTTP_PORT/}. Ctrl-C stops all three.
 *
 * <p>Environment: {@code HTTP_PORT} (8080), {@code ISSUETRACKER_DATA_DIR} (./data), {@code DEV_MONGO_PORT} (27027),
 * {@code DEV_REDIS_PORT} (6389). Any application property may be set too (e.g. {@code CACHE_TTL_ISSUES=PT1M}):
 * Payara inherits the environment.
 */
public final class DevServer {

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        int httpPort = intEnv("HTTP_PORT", 8080);
        int mongoPort = intEnv("DEV_MONGO_PORT", 27027);
        int redisPort = intEnv("DEV_REDIS_PORT", 6389);
        Path dataDir =
                Path.of(env("ISSUETRACKER_DATA_DIR", "data")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        for (int port : List.of(httpPort, mongoPort, redisPort)) {
            requireFree(port);
        }

        EmbeddedMongo mongo =
                EmbeddedMongo.inFile(mongoPort, dataDir.resolve("mongo.mv")).start();
        EmbeddedRedis redis = new EmbeddedRedis(redisPort, dataDir.resolve("redis")).start();
        log("MongoDB wire-protocol server on " + mongo.uri() + " (data in " + dataDir.resolve("mongo.mv") + ")");
        log("Redis on " + redis.address());

        Process payara = startPayara(httpPort, mongo, redis);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(payara, redis, mongo), "dev-server-stop"));
        announceWhenReady(httpPort, payara);
        int exit = payara.waitFor();
        if (exit != 0) {
            log("Payara Micro exited with status " + exit);
        }
    }

    private static Process startPayara(int httpPort, EmbeddedMongo mongo, EmbeddedRedis redis) throws IOException {
        required("payara.micro.jar");
        required("issuetracker.war");
        List<String> command = PayaraMicroCommand.of(
                httpPort,
                "/",
                List.of(
                        "mp.config.profile=dev", // demo users and issues, admin password "admin"
                        "mongodb.uri=" + mongo.uri(),
                        "redis.address=" + redis.address()));
        log("Starting Payara Micro on http://localhost:" + httpPort + "/ (10 to 30 s)");
        return new ProcessBuilder(command).inheritIO().start();
    }

    /** Says where to go once the readiness probe answers 200, so nobody has to read Payara's log. */
    private static void announceWhenReady(int httpPort, Process payara) {
        Thread watcher = new Thread(
                () -> {
                    URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
                    while (payara.isAlive()) {
                        try {
                            HttpURLConnection connection =
                                    (HttpURLConnection) ready.toURL().openConnection();
                            connection.setConnectTimeout(1000);
                            connection.setReadTimeout(5000);
                            if (connection.getResponseCode() == 200) {
                                log("Ready: http://localhost:" + httpPort + "/  (API: /api/issues, health: /health,"
                                        + " metrics: /metrics). Ctrl-C stops everything.");
                                return;
                            }
                        } catch (IOException notYet) {
                            // still booting
                        }
                        sleep(1000);
                    }
                },
                "dev-server-ready");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void stopAll(Process payara, EmbeddedRedis redis, EmbeddedMongo mongo) {
        log("Stopping Payara Micro, Redis and MongoDB...");
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            payara.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        redis.stop();
        mongo.stop();
        log("Stopped.");
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use. Stop what uses it, or choose other ports"
                    + " with HTTP_PORT, DEV_MONGO_PORT and DEV_REDIS_PORT.");
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.exists(Path.of(value))) {
            throw new UncheckedIOException(new IOException("System property " + property
                    + " must name an existing file (was " + value + "); start the application with `mvn -Prun`"));
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intEnv(String name, int fallback) {
        String value = env(name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String message) {
        System.out.println("[issuetracker] " + message);
    }
}
