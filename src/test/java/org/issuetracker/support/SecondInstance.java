package org.issuetracker.support;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.dev.PayaraMicroCommand;
import org.issuetracker.dev.ServerProcess;

/**
 * A second Payara Micro with the same WAR, MongoDB and Redis as the Arquillian one (as a second node behind a load
 * balancer would be), on its own loopback port. Started by the test that needs it, stopped by {@link #close}.
 */
public final class SecondInstance implements AutoCloseable {

    private final ServerProcess process;

    private SecondInstance(ServerProcess process) {
        this.process = process;
    }

    /** Starts it and waits (up to 3 minutes) until its readiness probe answers 200. */
    public static SecondInstance start() {
        SecondInstance instance = startWith(Map.of(), "second-instance");
        instance.awaitProbe("ready");
        return instance;
    }

    /**
     * Starts one with these system properties instead of the defaults of the same names (another MongoDB or Redis,
     * telemetry on...), logging to {@code target/<log>.log}, and waits only until it answers HTTP (its liveness
     * probe): it may not be started or ready, which is what the caller wants to see.
     */
    public static SecondInstance startWith(Map<String, String> overrides, String log) {
        int port = RedisServers.freePort();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mongodb.uri", "mongodb://127.0.0.1:" + Integer.getInteger("it.mongo.port"));
        properties.put("redis.address", "redis://127.0.0.1:" + Integer.getInteger("it.redis.port"));
        properties.put("cache.circuit.open-for", "PT1S");
        properties.put("bootstrap.admin.password", "admin-password");
        // the tests create hundreds of accounts: hashes at the lowest setting (the default is tested on its own)
        properties.put("security.password.iterations", "10000");
        properties.putAll(overrides);
        List<String> command = PayaraMicroCommand.of(
                port,
                "issuetracker",
                properties.entrySet().stream()
                        .map(property -> property.getKey() + "=" + property.getValue())
                        .toList());
        Path logFile = Path.of("target", log + ".log");
        try {
            Files.deleteIfExists(logFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SecondInstance instance = new SecondInstance(ServerProcess.start(log, port, command, logFile));
        instance.awaitProbe("live");
        return instance;
    }

    /** Where its application is, for {@link Http}. */
    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + process.port() + "/issuetracker/")
                    .toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 3 minutes) until {@code /health/<probe>} answers 200. */
    public void awaitProbe(String probe) {
        process.awaitProbe(probe, Duration.ofMinutes(3));
    }

    @Override
    public void close() {
        process.stop();
    }
}
