package org.issuetracker.infrastructure.redis;

import java.util.Collection;
import java.util.List;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/** The primaries of the configured topology, to ask them about themselves ({@code INFO}, {@code CONFIG GET}). */
final class RedisPrimaries {

    private RedisPrimaries() {}

    static Collection<? extends RedisNode> of(RedissonClient redisson, RedisSettings settings) {
        return switch (settings.mode()) {
            case SINGLE -> List.of(redisson.getRedisNodes(RedisNodes.SINGLE).getInstance());
            case REPLICATED ->
                List.of(redisson.getRedisNodes(RedisNodes.MASTER_SLAVE).getMaster());
            case SENTINEL ->
                List.of(redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster());
            case CLUSTER -> redisson.getRedisNodes(RedisNodes.CLUSTER).getMasters();
        };
    }
}
