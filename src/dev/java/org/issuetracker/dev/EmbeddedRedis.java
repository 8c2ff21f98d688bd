package org.issuetracker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis ({@code redis-server} 6.2, the binary inside {@code embedded-redis}) on 127.0.0.1, as a child
 * process. No persistence: it only holds the cache.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final Path directory;
    private RedisServer server;

    public EmbeddedRedis(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    public synchronized EmbeddedRedis start() {
        if (server == null) {
            try {
                java.nio.file.Files.createDirectories(directory);
                server = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("dir " + directory.toAbsolutePath())
                        .setting("maxmemory 128mb")
                        .setting("maxmemory-policy allkeys-lru")
                        .onShutdownForceStop(true)
                        .build();
                server.start();
            } catch (IOException e) {
                server = null;
                throw new UncheckedIOException("Redis could not start on port " + port, e);
            }
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
