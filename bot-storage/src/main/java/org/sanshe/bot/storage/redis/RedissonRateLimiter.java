package org.sanshe.bot.storage.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.sanshe.bot.core.port.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared by every instance: a fixed window per key, counted by a script (INCRBY, and PEXPIRE on the first
 * hit) — one round trip for one key or for a whole batch of keys. Redisson's {@code RRateLimiter} was measured first: it
 * needs two scripts per check, and checking event by event was 56% of the dispatcher's time (docs/PERFORMANCE.md).
 * When Redis is down the action is let through: refusing residents because our cache is down would be the worse failure.
 */
public final class RedissonRateLimiter implements RateLimiter {
    private static final Logger log = LoggerFactory.getLogger(RedissonRateLimiter.class);
    private static final String PREFIX = "sanshe:rate:";
    private static final String COUNT = "local out = {} "
            + "for i = 1, #KEYS do "
            + "  local n = redis.call('INCRBY', KEYS[i], ARGV[i + 1]) "
            + "  if n == tonumber(ARGV[i + 1]) then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end "
            + "  out[i] = n "
            + "end return out";
    private final RedissonClient redisson;

    public RedissonRateLimiter(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window) {
        Long n = countAll(Map.of(key, 1), window).get(key);
        return n == null || n <= limit;
    }

    @Override
    public Map<String, Long> countAll(Map<String, Integer> hits, Duration window) {
        if (hits.isEmpty()) {
            return Map.of();
        }
        long length = Math.max(1, window.toMillis());
        long slot = System.currentTimeMillis() / length;
        List<String> names = new ArrayList<>(hits.keySet());
        List<Object> keys = new ArrayList<>(names.size());
        Object[] args = new Object[names.size() + 1];
        args[0] = length;
        for (int i = 0; i < names.size(); i++) {
            keys.add(PREFIX + names.get(i) + ":" + length + ":" + slot);
            args[i + 1] = hits.get(names.get(i));
        }
        try {
            List<Long> totals = redisson.getScript(LongCodec.INSTANCE)
                    .eval(RScript.Mode.READ_WRITE, COUNT, RScript.ReturnType.MULTI, keys, args);
            Map<String, Long> result = new HashMap<>();
            for (int i = 0; i < names.size() && i < totals.size(); i++) {
                result.put(names.get(i), totals.get(i));
            }
            return result;
        } catch (RuntimeException e) {
            log.warn(
                    "rate limit not checked, Redis unavailable: {}",
                    e.getClass().getSimpleName());
            return Map.of(); // nothing counted: every hit is let through
        }
    }
}
