package org.issuetracker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the dev launchers ({@link DevServer}, {@link DevCluster}) read from the environment: {@code HTTP_PORT} (8080),
 * {@code ISSUETRACKER_DATA_DIR} (./data), {@code DEV_MONGO_PORT} (27027), {@code DEV_REDIS_PORT} (6389).
 */
public record DevSettings(int httpPort, int mongoPort, int redisPort, Path dataDir) {

    public static DevSettings fromEnvironment() {
        DevSettings settings = new DevSettings(
                intEnv("HTTP_PORT", 8080),
                intEnv("DEV_MONGO_PORT", 27027),
                intEnv("DEV_REDIS_PORT", 6389),
                Path.of(env("ISSUETRACKER_DATA_DIR", "data")).toAbsolutePath().normalize());
        settings.requireFree(List.of(settings.httpPort, settings.mongoPort, settings.redisPort));
        return settings;
    }

    /** Fails with what to do when one of the ports is taken. */
    public void requireFree(List<Integer> ports) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is in use. Stop what uses it, or choose other ports"
                        + " (HTTP_PORT, DEV_MONGO_PORT, DEV_REDIS_PORT, DEV_CLUSTER_PORT).");
            }
        }
    }

    /** A file that Maven names in a system property ({@code issuetracker.war}, {@code payara.micro.jar}). */
    public static String requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.exists(Path.of(value))) {
            throw new UncheckedIOException(
                    new IOException("System property " + property + " must name an existing file (was " + value
                            + "); start the application with `mvn -Prun`, `mvn -Pliberty` or `mvn -Pcluster`"));
        }
        return value;
    }

    /** Whether the launcher runs OpenLiberty ({@code -Dissuetracker.server=liberty}, set by Maven) or Payara Micro. */
    public static boolean liberty() {
        return "liberty".equals(System.getProperty("issuetracker.server", "payara"));
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static int intEnv(String name, int fallback) {
        String value = env(name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
        }
    }

    public static void log(String message) {
        System.out.println("[issuetracker] " + message);
    }
}
