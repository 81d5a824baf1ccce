package org.sanshe.bot.storage.redis;

import java.time.Duration;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.sanshe.bot.core.port.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared by every instance ({@link RRateLimiter}, one per key, expiring when unused). When Redis is down
 * it lets the action through: refusing residents' commands because our cache is down would be the worse failure.
 */
public final class RedissonRateLimiter implements RateLimiter {
    private static final Logger log = LoggerFactory.getLogger(RedissonRateLimiter.class);
    private static final String PREFIX = "sanshe:rate:";
    private final RedissonClient redisson;

    public RedissonRateLimiter(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window) {
        try {
            RRateLimiter limiter = redisson.getRateLimiter(PREFIX + key + ":" + limit + "/" + window.toSeconds());
            limiter.trySetRate(RateType.OVERALL, limit, window, window.multipliedBy(2));
            return limiter.tryAcquire();
        } catch (RuntimeException e) {
            log.warn(
                    "rate limit not checked, Redis unavailable: {}",
                    e.getClass().getSimpleName());
            return true;
        }
    }
}
