package org.sanshe.bot.storage.redis;

import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.sanshe.bot.core.pipeline.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored-event keys in Redis, shared by every instance. Best effort by design: when Redis is down the answer is "not
 * seen" and the inbox's unique key decides, so an outage costs database round trips, never a lost or doubled event.
 */
public final class RedissonIdempotencyStore implements IdempotencyStore {
    private static final Logger log = LoggerFactory.getLogger(RedissonIdempotencyStore.class);
    private static final String PREFIX = "sanshe:seen:";
    private final RedissonClient redisson;

    public RedissonIdempotencyStore(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public boolean seen(String key) {
        try {
            return redisson.getBucket(PREFIX + key, StringCodec.INSTANCE).isExists();
        } catch (RuntimeException e) {
            log.warn(
                    "idempotency lookup skipped, Redis unavailable: {}",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public java.util.concurrent.CompletableFuture<Boolean> seenAsync(String key) {
        try {
            return redisson.getBucket(PREFIX + key, StringCodec.INSTANCE)
                    .isExistsAsync()
                    .toCompletableFuture()
                    .completeOnTimeout(false, 500, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .exceptionally(e -> false);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
    }

    /** Not waited for: the entry is already durable; the key only saves a later retry a database round trip. */
    @Override
    public void remember(String key, Duration ttl) {
        try {
            redisson.getBucket(PREFIX + key, StringCodec.INSTANCE)
                    .setAsync("1", ttl)
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            log.debug(
                                    "idempotency key not remembered: {}",
                                    e.getClass().getSimpleName());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn(
                    "idempotency key not remembered, Redis unavailable: {}",
                    e.getClass().getSimpleName());
        }
    }
}
