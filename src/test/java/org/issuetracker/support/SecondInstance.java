package org.issuetracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.issuetracker.dev.PayaraMicroCommand;

/**
 * A second Payara Micro with the same WAR, MongoDB and Redis as the Arquillian one (as a second node behind a load
 * balancer would be), on its own loopback port. Started by the test that needs it, stopped by {@link #close}.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String log;

    private SecondInstance(Process process, int port, String log) {
        this.process = process;
        this.port = port;
        this.log = log;
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
        properties.putAll(overrides);
        List<String> command = PayaraMicroCommand.of(
                port,
                "issuetracker",
                properties.entrySet().stream()
                        .map(property -> property.getKey() + "=" + property.getValue())
                        .toList());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", log + ".log").toFile())
                    .start();
            SecondInstance instance = new SecondInstance(process, port, log);
            instance.awaitProbe("live");
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where its application is, for {@link Http}. */
    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/issuetracker/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 3 minutes) until {@code /health/<probe>} answers 200. */
    public void awaitProbe(String probe) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/" + probe))
                .timeout(Duration.ofSeconds(5))
                .build();
        Await.until("the second instance answers " + probe + " 200", Duration.ofMinutes(3), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the second instance ended: see target/" + log + ".log");
            }
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
