package org.issuetracker.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The dependencies of the dev launchers: the MongoDB wire-protocol server (an H2 file in the data directory, so data
 * survives restarts) and a real Redis, both on 127.0.0.1, and the application properties that point the server at them.
 */
public final class DevServices implements AutoCloseable {

    private final EmbeddedMongo mongo;
    private final EmbeddedRedis redis;

    private DevServices(EmbeddedMongo mongo, EmbeddedRedis redis) {
        this.mongo = mongo;
        this.redis = redis;
    }

    public static DevServices start(DevSettings settings) {
        DevSettings.requiredFile(DevSettings.liberty() ? "liberty.home" : "payara.micro.jar");
        DevSettings.requiredFile("issuetracker.war");
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedMongo mongo = EmbeddedMongo.inFile(
                        settings.mongoPort(), settings.dataDir().resolve("mongo.mv"))
                .start();
        EmbeddedRedis redis =
                new EmbeddedRedis(settings.redisPort(), settings.dataDir().resolve("redis")).start();
        DevSettings.log("MongoDB wire-protocol server on " + mongo.uri() + " (data in "
                + settings.dataDir().resolve("mongo.mv") + ")");
        DevSettings.log("Redis on " + redis.address());
        return new DevServices(mongo, redis);
    }

    /** The dev profile (demo users and issues, admin password "admin") on these servers. */
    public List<String> applicationProperties() {
        return List.of("mp.config.profile=dev", "mongodb.uri=" + mongo.uri(), "redis.address=" + redis.address());
    }

    @Override
    public void close() {
        redis.stop();
        mongo.stop();
    }
}
