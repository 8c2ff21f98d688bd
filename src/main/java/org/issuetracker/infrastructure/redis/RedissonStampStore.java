package org.issuetracker.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.issuetracker.application.caching.StampStore;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Stamps as plain Redis strings: a validation is one {@code MGET} (Redisson splits it by hash slot on a Redis
 * Cluster), a creation one pipelined batch of {@code SET NX PX} and {@code GET}.
 */
@ApplicationScoped
public class RedissonStampStore implements StampStore {

    @Inject
    RedissonClient redisson;

    @Override
    public List<String> read(List<String> keys) {
        Map<String, String> found = redisson.getBuckets(StringCodec.INSTANCE).get(keys.toArray(String[]::new));
        List<String> values = new ArrayList<>(keys.size());
        for (String key : keys) {
            values.add(found.get(key));
        }
        return values;
    }

    @Override
    public List<String> readOrCreate(List<String> keys, Supplier<String> fresh, Duration ttl) {
        RBatch batch = redisson.createBatch(BatchOptions.defaults());
        List<RFuture<String>> values = new ArrayList<>(keys.size());
        for (String key : keys) {
            var bucket = batch.<String>getBucket(key, StringCodec.INSTANCE);
            bucket.setIfAbsentAsync(fresh.get(), ttl);
            values.add(bucket.getAsync());
        }
        batch.execute();
        List<String> result = new ArrayList<>(keys.size());
        for (RFuture<String> value : values) {
            result.add(value.toCompletableFuture().join());
        }
        return result;
    }

    @Override
    public void renew(String key, String value, Duration ttl) {
        redisson.<String>getBucket(key, StringCodec.INSTANCE).set(value, ttl);
    }
}
