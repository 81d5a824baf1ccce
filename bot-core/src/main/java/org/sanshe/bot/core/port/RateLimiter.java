package org.sanshe.bot.core.port;

import java.time.Duration;

/** Counts actions per key in a window; shared by all instances in production. */
public interface RateLimiter {
    /** True when one more action under {@code key} fits in {@code limit} per {@code window}, and counts it. */
    boolean tryAcquire(String key, int limit, Duration window);
}
