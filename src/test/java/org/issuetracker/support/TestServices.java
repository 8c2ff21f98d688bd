package org.issuetracker.support;

import java.nio.file.Path;
import org.issuetracker.dev.EmbeddedMongo;
import org.issuetracker.dev.EmbeddedRedis;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real Redis and a MongoDB wire-protocol server once for the whole integration-test run (Failsafe sets
 * {@code it.services} and the ports, which arquillian.xml hands to Payara too), and stops them at its end. Tests
 * stop and start them to see how the application copes.
 */
public class TestServices implements LauncherSessionListener {

    private static EmbeddedRedis redis;
    private static EmbeddedMongo mongo;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("it.services")) {
            return; // unit tests need no servers
        }
        int redisPort = Integer.getInteger("it.redis.port");
        int mongoPort = Integer.getInteger("it.mongo.port");
        redis = new EmbeddedRedis(redisPort, Path.of("target", "it-redis")).start();
        // in a file, as a real MongoDB keeps its data when the tests stop and start it
        Path mongoData = Path.of("target", "it-mongo");
        deleteRecursively(mongoData);
        mongo = EmbeddedMongo.inFile(mongoPort, mongoData.resolve("data.mv")).start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (redis != null) {
            redis.stop();
        }
        if (mongo != null) {
            mongo.stop();
        }
    }

    private static void deleteRecursively(Path directory) {
        try {
            if (java.nio.file.Files.exists(directory)) {
                try (var files = java.nio.file.Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
            java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static EmbeddedRedis redis() {
        return redis;
    }

    public static EmbeddedMongo mongo() {
        return mongo;
    }
}
