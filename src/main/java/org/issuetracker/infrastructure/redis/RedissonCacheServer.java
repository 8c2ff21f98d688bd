package org.issuetracker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.issuetracker.application.caching.CacheCircuitBreaker;
import org.issuetracker.application.caching.CacheServer;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;

/** {@link CacheServer} from Redis' {@code INFO memory}, {@code INFO stats} and {@code DBSIZE} of each primary. */
@ApplicationScoped
public class RedissonCacheServer implements CacheServer {

    private static final Logger LOG = Logger.getLogger(RedissonCacheServer.class.getName());

    @Inject
    RedissonClient redisson;

    @Inject
    RedisSettings settings;

    @Inject
    CacheCircuitBreaker breaker;

    @Override
    public Optional<Memory> memory() {
        if (breaker.isOpen()) { // only looks: the breaker's one trial call belongs to the cache's own requests
            return Optional.empty();
        }
        try {
            long used = 0;
            long max = 0;
            long evicted = 0;
            long keys = 0;
            String policy = "";
            Collection<? extends RedisNode> primaries = primaries();
            for (RedisNode primary : primaries) {
                Map<String, String> memory = primary.info(RedisNode.InfoSection.MEMORY);
                Map<String, String> stats = primary.info(RedisNode.InfoSection.STATS);
                used += number(memory.get("used_memory"));
                max += number(memory.get("maxmemory"));
                policy = memory.getOrDefault("maxmemory_policy", "");
                evicted += number(stats.get("evicted_keys"));
                keys += keyCount(primary);
            }
            return Optional.of(new Memory(used, max, policy, evicted, keys, primaries.size()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis did not say how much memory it uses", e);
            return Optional.empty();
        }
    }

    private Collection<? extends RedisNode> primaries() {
        return RedisPrimaries.of(redisson, settings);
    }

    private static long keyCount(RedisNode primary) {
        Map<String, String> keyspace = primary.info(RedisNode.InfoSection.KEYSPACE);
        // db0:keys=12,expires=3,avg_ttl=0
        String db0 = keyspace.getOrDefault("db0", "");
        for (String part : db0.split(",")) {
            if (part.startsWith("keys=")) {
                return number(part.substring(5));
            }
        }
        return 0;
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
