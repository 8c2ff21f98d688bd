package org.issuetracker.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.issuetracker.application.caching.TestCacheSettings;
import org.issuetracker.application.preflight.RedisFacts;
import org.issuetracker.infrastructure.config.MapConfig;
import org.issuetracker.support.RedisServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * What the pre-deployment checklist learns from a real Redis: its persistence from CONFIG GET (or INFO where CONFIG
 * is renamed away, as managed services do), its exposure, and whether it refuses a PING without credentials.
 */
class RedissonRedisFactsIT {

    private final RedisServers servers = new RedisServers("facts");
    private final List<RedissonClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(RedissonClient::shutdown);
        servers.close();
    }

    @Test
    void aPasswordProtectedRedisWithAofRefusesAnonymousPingAndSaysItPersists() {
        int port = RedisServers.freePort();
        servers.server(
                "guarded",
                port,
                List.of("requirepass guard-password", "appendonly yes", "appendfsync everysec", "save 60 1000"),
                "-a",
                "guard-password",
                "--no-auth-warning");

        RedisFacts facts =
                facts(Map.of("redis.address", "redis://127.0.0.1:" + port, "redis.password", "guard-password"));

        assertThat(facts.appendOnly()).hasValue(true);
        assertThat(facts.save()).hasValue("60 1000");
        assertThat(facts.source()).isEqualTo("CONFIG GET");
        assertThat(facts.bind()).hasValue("127.0.0.1");
        assertThat(facts.protectedMode()).hasValue("yes");
        assertThat(facts.anonymousPing()).isEqualTo(Map.of("127.0.0.1:" + port, "refused"));
        assertThat(facts.hosts()).containsExactly("127.0.0.1");
        assertThat(facts.tls()).isFalse();
    }

    @Test
    void anOpenRedisWithoutPersistenceAnswersAnyoneAndSaysSo() {
        int port = RedisServers.freePort();
        servers.server("open", port, List.of());

        RedisFacts facts = facts(Map.of("redis.address", "redis://127.0.0.1:" + port));

        assertThat(facts.appendOnly()).hasValue(false);
        assertThat(facts.save()).hasValue("");
        assertThat(facts.anonymousPing()).isEqualTo(Map.of("127.0.0.1:" + port, "answered"));
    }

    @Test
    void whereConfigIsDisabledThePersistenceComesFromInfo() {
        int port = RedisServers.freePort();
        servers.server("managed", port, List.of("appendonly yes", "rename-command CONFIG \"\""));

        RedisFacts facts = facts(Map.of("redis.address", "redis://127.0.0.1:" + port));

        assertThat(facts.source()).isEqualTo("INFO persistence");
        assertThat(facts.appendOnly()).hasValue(true);
        assertThat(facts.bind()).isEmpty();
    }

    @Test
    void aRedisThatIsGoneIsUnreachableAndSaysNothing() {
        int port = RedisServers.freePort();
        servers.server("soon-gone", port, List.of());
        RedissonRedisFacts source = source(Map.of("redis.address", "redis://127.0.0.1:" + port));
        servers.close();

        RedisFacts facts = source.ask();

        assertThat(facts.anonymousPing()).isEqualTo(Map.of("127.0.0.1:" + port, "unreachable"));
        assertThat(facts.appendOnly()).isEmpty();
    }

    private RedisFacts facts(Map<String, String> topology) {
        return source(topology).ask();
    }

    private RedissonRedisFacts source(Map<String, String> topology) {
        Map<String, String> values = new HashMap<>(Map.of(
                "redis.mode", "single",
                "redis.read-from", "primary",
                "redis.timeout", "PT1S",
                "redis.connect-timeout", "PT1S",
                "redis.retry-attempts", "0",
                "redis.netty-threads", "4"));
        values.putAll(topology);
        RedissonRedisFacts source = new RedissonRedisFacts();
        source.settings = new RedisSettings(new MapConfig(values));
        source.redisson = Redisson.create(RedissonClientProducer.configuration(source.settings));
        clients.add(source.redisson);
        source.cache = TestCacheSettings.of("PT30M", "PT1S");
        return source;
    }
}
