package org.issuetracker.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.issuetracker.support.RedisServers;
import org.issuetracker.support.Shell;

/** What the Redis drills share: the shipped configuration made local, writes that Redis acknowledged, counts. */
final class RedisDrills {

    /** The ACL user docker/redis-entrypoint.sh makes when REDIS_USERNAME is not set. */
    static final String USER = "issuetracker";

    private RedisDrills() {}

    /** redis-cli's address, as {@link #USER} when there is a password (the shipped ACL turns the default user off). */
    private static List<String> cli(int port, String password, String... more) {
        List<String> command =
                new ArrayList<>(List.of(RedisServers.CLI, "-h", "127.0.0.1", "-p", String.valueOf(port)));
        if (password != null) {
            command.addAll(List.of("--user", USER));
        }
        command.addAll(List.of(more));
        return command;
    }

    /**
     * A shipped variant of server-config/redis with this machine's lines: the include of common.conf points at a
     * copy in {@code dir} without its bind, port and dir (RedisServers sets loopback, the port and the directory).
     */
    static List<String> shippedVariant(String file, Path dir) {
        try {
            Files.createDirectories(dir);
            Path common = dir.resolve("common.conf");
            List<String> shared = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("server-config/redis/common.conf"))) {
                if (!line.startsWith("bind ") && !line.startsWith("port ") && !line.startsWith("dir ")) {
                    shared.add(line);
                }
            }
            Files.write(common, shared);
            List<String> variant = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("server-config/redis", file))) {
                variant.add(line.startsWith("include ") ? "include " + common : line);
            }
            return variant;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets keys {@code prefix0..prefix(n-1)} through one redis-cli, which sends each SET after the reply to the one
     * before: every key counted here was acknowledged by Redis. Returns how many were.
     */
    static int write(int port, String password, String prefix, int n) {
        StringBuilder commands = new StringBuilder();
        for (int i = 0; i < n; i++) {
            commands.append("SET ")
                    .append(prefix)
                    .append(i)
                    .append(" value-")
                    .append(i)
                    .append('\n');
        }
        Shell.Result result = Shell.run(
                cli(port, password),
                password == null ? Map.of() : Map.of("REDISCLI_AUTH", password),
                commands.toString(),
                Duration.ofSeconds(60));
        return (int) result.output().lines().filter("OK"::equals).count();
    }

    /** How many keys start with {@code prefix}. */
    static int count(int port, String password, String prefix) {
        Shell.Result result = Shell.run(
                cli(port, password, "--scan", "--pattern", prefix + "*"),
                password == null ? Map.of() : Map.of("REDISCLI_AUTH", password),
                null,
                Duration.ofSeconds(60));
        return (int) result.output().lines().filter(line -> !line.isBlank()).count();
    }

    /** kill -9: no shutdown, no last snapshot, no flush (Process.destroyForcibly is SIGKILL on Linux). */
    static void kill9(Process redis) {
        redis.destroyForcibly();
        try {
            redis.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
