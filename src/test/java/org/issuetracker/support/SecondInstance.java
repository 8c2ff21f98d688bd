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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.issuetracker.dev.PayaraMicroCommand;

/**
 * A second Payara Micro with the same WAR, MongoDB and Redis as the Arquillian one (as a second node behind a load
 * balancer would be), on its own loopback port. Started by the test that needs it, stopped by {@link #close}.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final int port;

    private SecondInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it and waits (up to 3 minutes) until its readiness probe answers 200. */
    public static SecondInstance start() {
        int port = RedisServers.freePort();
        List<String> command = PayaraMicroCommand.of(
                port,
                "issuetracker",
                List.of(
                        "mongodb.uri=mongodb://127.0.0.1:" + Integer.getInteger("it.mongo.port"),
                        "redis.address=redis://127.0.0.1:" + Integer.getInteger("it.redis.port"),
                        "cache.circuit.open-for=PT1S",
                        "bootstrap.admin.password=admin-password"));
        try {
            Path log = Path.of("target", "second-instance.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            SecondInstance instance = new SecondInstance(process, port);
            instance.awaitReady();
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

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        RedisServers.await("the second instance is ready", Duration.ofMinutes(3), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the second instance ended: see target/second-instance.log");
            }
            try {
                return client.send(ready, HttpResponse.BodyHandlers.discarding())
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
