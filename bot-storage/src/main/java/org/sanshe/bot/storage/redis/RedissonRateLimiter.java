package org.sanshe.bot.storage.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;
import org.sanshe.bot.core.pipeline.Breaker;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.storage.local.LocalRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared by every instance: a fixed window per key, counted by a script (INCRBY, and PEXPIRE on the first
 * hit) — one round trip for one key or for a whole batch of keys. {@link #tryAcquire} counts a hit only if it fits (like
 * the in-process twin); {@link #countAll} counts every hit (every message a member sends counts against the flood limit). Redisson's {@code RRateLimiter} was measured first: it
 * needs two scripts per check, and checking event by event was 56% of the dispatcher's time (docs/PERFORMANCE.md).
 *
 * <p>When Redis is unreachable the limits are counted in process, each instance at its share of the limit (the limit
 * divided by the live instances, at least 1), so that together they stay within it — what matters most is WeCom's 30
 * messages a minute to one member, whose excess WeCom drops without a word, and crisis cards must keep flowing rather
 * than wait for Redis. After a failure no caller waits for Redis again: every few seconds one asynchronous probe checks
 * whether it is back. The switch each way is logged once.
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
    /**
     * One hit if it fits: a refused hit is not counted. Otherwise messages held back under a member's budget, tried
     * again every few seconds, would count every retry and soon use up the reserve kept for 紧急 cards.
     */
    private static final String ACQUIRE = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "if n > tonumber(ARGV[2]) then redis.call('DECR', KEYS[1]) return 0 end "
            + "return 1";

    private static final long WAIT_MILLIS = 1500;
    private final RedissonClient redisson;
    private final RateLimiter local;
    private final IntSupplier instances;
    private final Breaker breaker;

    /** With no other instance to share with while Redis is away (tests). */
    public RedissonRateLimiter(RedissonClient redisson) {
        this(redisson, new LocalRateLimiter(Clock.systemUTC()), () -> 1, Clock.systemUTC());
    }

    /**
     * @param local the in-process fallback
     * @param instances how many instances share the limits now (the dispatcher's count of live instances)
     */
    public RedissonRateLimiter(RedissonClient redisson, RateLimiter local, IntSupplier instances, Clock clock) {
        this.redisson = redisson;
        this.local = local;
        this.instances = instances;
        this.breaker = new Breaker(clock, Duration.ofSeconds(3));
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window) {
        if (breaker.closed()) {
            Boolean fits = acquire(key, limit, window);
            if (fits != null) {
                return fits;
            }
        } else {
            probe();
        }
        return local.tryAcquire(key, Math.max(1, limit / Math.max(1, instances.getAsInt())), window);
    }

    /** While Redis is away this answers nothing, and callers ask {@link #tryAcquire} hit by hit (in process). */
    @Override
    public Map<String, Long> countAll(Map<String, Integer> hits, Duration window) {
        if (hits.isEmpty()) {
            return Map.of();
        }
        if (!breaker.closed()) {
            probe();
            return Map.of();
        }
        Map<String, Long> n = count(hits, window);
        return n == null ? Map.of() : n;
    }

    /** @return whether the hit fits (and was counted), or null when Redis did not answer */
    private Boolean acquire(String key, int limit, Duration window) {
        long length = Math.max(1, window.toMillis());
        long slot = System.currentTimeMillis() / length;
        Long fits = bounded(() -> redisson.getScript(LongCodec.INSTANCE)
                .<Long>evalAsync(
                        RScript.Mode.READ_WRITE,
                        ACQUIRE,
                        RScript.ReturnType.INTEGER,
                        List.of(PREFIX + key + ":" + length + ":" + slot),
                        length,
                        limit));
        return fits == null ? null : fits == 1L;
    }

    /** @return the totals, or null when Redis did not answer */
    private Map<String, Long> count(Map<String, Integer> hits, Duration window) {
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
        List<Long> totals = bounded(() -> redisson.getScript(LongCodec.INSTANCE)
                .<List<Long>>evalAsync(RScript.Mode.READ_WRITE, COUNT, RScript.ReturnType.MULTI, keys, args));
        if (totals == null) {
            return null;
        }
        Map<String, Long> result = new HashMap<>();
        for (int i = 0; i < names.size() && i < totals.size(); i++) {
            result.put(names.get(i), totals.get(i));
        }
        return result;
    }

    /**
     * The answer of a Redis call, waited for at most {@code WAIT_MILLIS}; null when Redis did not answer (the breaker is
     * told). Bounded: Redisson retries a command for several seconds before it gives up on an unreachable Redis, and the
     * dispatcher would wait that long for every batch until the outage is detected.
     */
    private <T> T bounded(java.util.function.Supplier<org.redisson.api.RFuture<T>> call) {
        try {
            return call.get().toCompletableFuture().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (breaker.failed()) {
                log.warn(
                        "Redis unavailable ({}): rate limits are counted in this instance, at its share of each limit,"
                                + " until it is back",
                        cause.getClass().getSimpleName());
            }
            return null;
        }
    }

    /** One asynchronous look at Redis every few seconds while it is away; nobody waits for it. */
    private void probe() {
        if (!breaker.allowProbe()) {
            return;
        }
        try {
            redisson.getBucket(PREFIX + "probe").isExistsAsync().whenComplete((exists, e) -> {
                if (e != null) {
                    breaker.failed();
                } else if (breaker.succeeded()) {
                    log.info("Redis back: rate limits are shared again");
                }
            });
        } catch (RuntimeException e) {
            breaker.failed();
        }
    }
}
