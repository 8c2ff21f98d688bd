package org.issuetracker.infrastructure.security;

import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Failed sign-ins in Redis, shared by every instance: per key a counter that expires {@code forgetAfter} after its
 * latest failure, and a marker whose time to live is the wait (Redis ends both by itself; instances' clocks never
 * matter). Each call is one script, so a counter never exists without its expiry. Both keys of one key share a hash
 * tag, which keeps them on one node of a Redis Cluster as a script needs. A call that fails throws: {@link
 * ThrottleLedger} then goes on without Redis for a while.
 */
final class RedisFailureCounts implements FailureCounts {

    private static final String STATE =
            "return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[2])}";
    private static final String FAILED =
            "local n = redis.call('INCR', KEYS[1]) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return n";
    // the counter must outlive the wait it caused, or the next failure would start from nothing
    private static final String BLOCK = "if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[1]) then"
            + " redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])"
            + " if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end"
            + " end return 0";

    private final RScript scripts;
    private final RedissonClient redisson;

    RedisFailureCounts(RedissonClient redisson) {
        this.redisson = redisson;
        this.scripts = redisson.getScript(StringCodec.INSTANCE);
    }

    @Override
    public State state(String key) {
        List<Long> state = scripts.eval(RScript.Mode.READ_ONLY, STATE, RScript.ReturnType.LIST, keys(key));
        long ttl = state.get(1);
        return new State(state.get(0), ttl > 0 ? Duration.ofMillis(ttl) : Duration.ZERO);
    }

    @Override
    public long failed(String key, Duration forgetAfter) {
        return scripts.eval(
                RScript.Mode.READ_WRITE,
                FAILED,
                RScript.ReturnType.LONG,
                keys(key),
                String.valueOf(forgetAfter.toMillis()));
    }

    @Override
    public void block(String key, Duration wait) {
        scripts.eval(
                RScript.Mode.READ_WRITE,
                BLOCK,
                RScript.ReturnType.LONG,
                keys(key),
                String.valueOf(Math.max(1, wait.toMillis())));
    }

    @Override
    public void forget(String key) {
        List<Object> keys = keys(key);
        redisson.getKeys().delete((String) keys.get(0), (String) keys.get(1));
    }

    private static List<Object> keys(String key) {
        String tagged = "issuetracker:signin:{" + key + "}:";
        return List.of(tagged + "failures", tagged + "blocked");
    }
}
