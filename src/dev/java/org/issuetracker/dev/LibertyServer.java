package org.issuetracker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one way this project starts the packaged WAR on OpenLiberty (the dev launcher, the dev cluster, the tests):
 * a server directory laid out from {@code server-config/liberty} (its {@code server.xml}, the Redisson file of the
 * HTTP session store, the Redisson jars of that store and the WAR), started in the foreground with
 * {@code bin/server run}. The settings reach the application as environment variables, the way the container image
 * gets them, so that MicroProfile Config and the session store's Redisson file read the same values.
 *
 * <p>Maven sets the system properties it needs: {@code liberty.home} (the unpacked runtime's {@code wlp}),
 * {@code liberty.user.dir} (where the servers are laid out), {@code liberty.redisson.lib} (the store's jars),
 * {@code liberty.jvm.options} and {@code issuetracker.war}.
 */
public final class LibertyServer {

    private final String name;
    private final Path directory;

    private LibertyServer(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    /**
     * A fresh server directory named {@code name} (an earlier one of that name, its sessions and logs included, is
     * deleted): the configuration as shipped, the WAR and the session store's libraries.
     */
    public static LibertyServer prepare(String name) {
        Path directory = userDir().resolve("servers").resolve(name);
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory.resolve("apps"));
            Path config = Path.of("server-config", "liberty");
            for (String file : List.of("server.xml", "redisson-sessions.yaml")) {
                Files.copy(config.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(
                    Path.of(DevSettings.requiredFile("issuetracker.war")),
                    directory.resolve("apps").resolve("issuetracker.war"));
            Path lib = Files.createDirectories(directory.resolve("lib").resolve("redisson"));
            try (Stream<Path> jars = Files.list(Path.of(DevSettings.requiredFile("liberty.redisson.lib")))) {
                for (Path jar :
                        jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, lib.resolve(jar.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LibertyServer(name, directory);
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The command that runs it on loopback {@code port} under {@code contextRoot}: each {@code key=value} of
     * {@code properties} becomes the environment variable MicroProfile Config maps to that key
     * ({@code redis.address} → {@code REDIS_ADDRESS}); the JVM options are the build's.
     */
    public ProcessBuilder command(int port, String contextRoot, List<String> properties) {
        Path home = Path.of(DevSettings.requiredFile("liberty.home"));
        ProcessBuilder builder =
                new ProcessBuilder(home.resolve("bin").resolve("server").toString(), "run", name);
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("WLP_USER_DIR", userDir().toString());
        environment.put(
                "JVM_ARGS", System.getProperty("liberty.jvm.options", "").trim());
        environment.put("HTTP_HOST", "127.0.0.1");
        environment.put("HTTP_PORT", String.valueOf(port));
        environment.put("CONTEXT_ROOT", contextRoot);
        for (String property : properties) {
            int equals = property.indexOf('=');
            environment.put(environmentName(property.substring(0, equals)), property.substring(equals + 1));
        }
        return builder;
    }

    /** MicroProfile Config's mapping of a property name to an environment variable: {@code a.b-c} → {@code A_B_C}. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Starts it (see {@link #command}), its console output in {@code log}. */
    public ServerProcess start(int port, String contextRoot, List<String> properties, Path log, boolean killWithJvm) {
        return ServerProcess.start(name, port, command(port, contextRoot, properties), log, killWithJvm);
    }

    private static Path userDir() {
        return Path.of(System.getProperty("liberty.user.dir", "target/liberty/usr"))
                .toAbsolutePath()
                .normalize();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
