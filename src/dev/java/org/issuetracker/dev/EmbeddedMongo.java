package org.issuetracker.dev;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) on 127.0.0.1: in memory, or in an H2 file that survives
 * restarts. For correctness, never for performance figures: it has no secondary indexes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final int port;
    private final Path file;
    private MongoServer server;

    private EmbeddedMongo(int port, Path file) {
        this.port = port;
        this.file = file;
    }

    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(port, null);
    }

    public static EmbeddedMongo inFile(int port, Path file) {
        return new EmbeddedMongo(port, file);
    }

    public synchronized EmbeddedMongo start() {
        if (server == null) {
            MongoBackend backend = file == null ? new MemoryBackend() : new H2Backend(file.toString());
            server = new MongoServer(backend);
            server.bind("127.0.0.1", port);
        }
        return this;
    }

    /** Stops the server and closes its store (for an H2 file, everything written is on disk afterwards). */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
