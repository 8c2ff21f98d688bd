package org.issuetracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real {@code redis-server} and {@code redis-sentinel} processes (Debian's Redis 7) for the topology tests, each on a
 * free loopback port with its own directory under {@code target/redis-topologies}, all stopped by {@link #close}.
 */
public final class RedisServers implements AutoCloseable {

    public static final String SERVER = "/usr/bin/redis-server";
    public static final String CLI = "/usr/bin/redis-cli";

    private final Path root;
    private final List<Process> processes = new ArrayList<>();

    public RedisServers(String name) {
        root = Path.of("target", "redis-topologies", name).toAbsolutePath();
        try {
            if (Files.exists(root)) {
                try (var paths = Files.walk(root)) {
                    paths.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code redis-server} with a configuration file of the given lines (plus loopback binding, its own
     * directory, no persistence unless the lines say otherwise) and waits until it answers PING.
     */
    public Process server(String name, int port, List<String> lines, String... cliOptions) {
        Path dir = directory(name);
        List<String> config = new ArrayList<>(List.of(
                "bind 127.0.0.1", "port " + port, "dir " + dir, "save \"\"", "appendonly no", "protected-mode yes"));
        config.addAll(lines);
        Process process = start(
                name,
                dir,
                List.of(SERVER, write(dir.resolve("redis.conf"), config).toString()));
        awaitPong(port, cliOptions);
        return process;
    }

    /** Starts a sentinel with the given lines and waits until it answers PING. */
    public Process sentinel(String name, int port, List<String> lines, String... cliOptions) {
        Path dir = directory(name);
        List<String> config = new ArrayList<>(List.of("bind 127.0.0.1", "port " + port, "dir " + dir));
        config.addAll(lines);
        Process process = start(
                name,
                dir,
                List.of(SERVER, write(dir.resolve("sentinel.conf"), config).toString(), "--sentinel"));
        awaitPong(port, cliOptions);
        return process;
    }

    /**
     * The lines docker/redis-entrypoint.sh generates (the default user off, the application's ACL user, masteruser
     * and masterauth) for {@code password}, with the given environment and redis-server arguments: the script itself
     * runs, up to the image's entrypoint, which a stand-in replaces here.
     */
    public List<String> shippedAcl(String name, String password, Map<String, String> environment, String... arguments) {
        Path dir = directory(name + "-entrypoint");
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path standIn = Files.writeString(bin.resolve("docker-entrypoint.sh"), "#!/bin/sh\nexit 0\n");
            standIn.toFile().setExecutable(true);
            Path secret = Files.writeString(dir.resolve("redis_password"), password + "\n");
            Path auth = dir.resolve("redis-auth.conf");
            Map<String, String> variables = new HashMap<>(environment);
            variables.put("PATH", bin + ":" + System.getenv("PATH"));
            variables.put("REDIS_PASSWORD_FILE", secret.toString());
            variables.put("REDIS_AUTH_FILE", auth.toString());
            List<String> command = new ArrayList<>(List.of("/bin/sh", "docker/redis-entrypoint.sh"));
            command.addAll(List.of(arguments));
            Shell.Result result = Shell.run(command, variables, null, Duration.ofSeconds(30));
            if (result.exitCode() != 0) {
                throw new IllegalStateException("redis-entrypoint.sh failed: " + result.transcript());
            }
            return Files.readAllLines(auth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code redis-cli} and returns what it printed; fails if it does not end within 60 s. */
    public static String cli(String... arguments) {
        List<String> command = new ArrayList<>(List.of(CLI));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli did not end: " + command);
            }
            return output.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitPong(int port, String... cliOptions) {
        List<String> arguments = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", String.valueOf(port)));
        arguments.addAll(List.of(cliOptions));
        arguments.add("PING");
        Await.until("redis on port " + port + " answers", Duration.ofSeconds(20), () -> cli(arguments.toArray(
                        String[]::new))
                .contains("PONG"));
    }

    private Process start(String name, Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path directory(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, List<String> lines) {
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
