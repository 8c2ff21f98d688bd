package org.issuetracker.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.issuetracker.support.Await;
import org.issuetracker.support.RedisServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The persistence drills, on Debian's Redis 7 with the shipped variants of server-config/redis: acknowledged writes,
 * then {@code kill -9}, then a restart on the same directory, and a count of what came back. Each drill runs its
 * contrast too (the same kill without the persistence keeps nothing), so a variant that silently stopped persisting
 * would fail here. The counts are printed: docs/deployment.md quotes them as the RPO of each variant.
 */
class RedisPersistenceDrillIT {

    private static final int WRITES = 2000;

    private RedisServers servers;

    @AfterEach
    void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * appendfsync everysec bounds the loss at a host crash (the kernel's unwritten pages) to about a second; a killed
     * process loses nothing Redis acknowledged, since Redis writes the AOF before it replies.
     */
    @ParameterizedTest
    @ValueSource(strings = {"redis-aof.conf", "redis-hybrid.conf"})
    void withAofEveryAcknowledgedWriteSurvivesKill9(String variant) {
        servers = new RedisServers("drill-" + variant.replace(".conf", ""));
        List<String> aof = RedisDrills.shippedVariant(variant, servers.root().resolve("redis"));
        int port = RedisServers.freePort();
        Process redis = servers.server("redis", port, aof);

        int acknowledged = RedisDrills.write(port, null, "aof:", WRITES);
        RedisDrills.kill9(redis);
        servers.server("redis", port, aof);
        int survived = RedisDrills.count(port, null, "aof:");

        System.out.printf(
                "RPO drill, %s (AOF everysec): %d of %d acknowledged writes survived kill -9%n",
                variant, survived, acknowledged);
        assertThat(acknowledged).isEqualTo(WRITES);
        assertThat(survived).isEqualTo(acknowledged);
    }

    @Test
    void withoutPersistenceKill9LosesEveryWrite() {
        servers = new RedisServers("drill-none");
        int port = RedisServers.freePort();
        // RedisServers' own lines: save "" and appendonly no
        Process redis = servers.server("redis", port, List.of());

        int acknowledged = RedisDrills.write(port, null, "none:", WRITES);
        RedisDrills.kill9(redis);
        servers.server("redis", port, List.of());

        assertThat(acknowledged).isEqualTo(WRITES);
        assertThat(RedisDrills.count(port, null, "none:")).isZero();
    }

    @Test
    void withRdbKill9LosesExactlyTheWritesSinceTheLastSnapshot() {
        servers = new RedisServers("drill-rdb");
        List<String> rdb =
                RedisDrills.shippedVariant("redis.conf", servers.root().resolve("redis"));
        int port = RedisServers.freePort();
        Process redis = servers.server("redis", port, rdb);

        int snapshotted = RedisDrills.write(port, null, "before:", WRITES);
        RedisServers.cli("-p", String.valueOf(port), "BGSAVE");
        Await.until("the snapshot", Duration.ofSeconds(30), () -> {
            String persistence = RedisServers.cli("-p", String.valueOf(port), "INFO", "persistence");
            return persistence.contains("rdb_bgsave_in_progress:0")
                    && persistence.contains("rdb_changes_since_last_save:0")
                    && persistence.contains("rdb_last_bgsave_status:ok");
        });
        // within 60 s of the snapshot none of save 900 1 / 300 100 / 60 1000 is due: these are lost
        int unsnapshotted = RedisDrills.write(port, null, "after:", WRITES);
        RedisDrills.kill9(redis);
        servers.server("redis", port, rdb);

        int survivedBefore = RedisDrills.count(port, null, "before:");
        int survivedAfter = RedisDrills.count(port, null, "after:");
        System.out.printf(
                "RPO drill, RDB (save 900 1 300 100 60 1000): %d of %d writes before the snapshot survived kill -9,"
                        + " %d of %d after it%n",
                survivedBefore, snapshotted, survivedAfter, unsnapshotted);
        assertThat(survivedBefore).isEqualTo(snapshotted);
        assertThat(survivedAfter).isZero();
    }
}
