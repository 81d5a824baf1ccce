package org.sanshe.bot.core.port;

import java.time.Duration;

/** Counts actions per key in a window; shared by all instances in production. */
public interface RateLimiter {
    /** True when one more action under {@code key} fits in {@code limit} per {@code window}, and counts it. */
    boolean tryAcquire(String key, int limit, Duration window);

    /**
     * Counts many hits at once (one round trip for a shared store) and answers, per key, the total in the current
     * window after counting them. An implementation that is cheap per call may answer an empty map: callers then ask
     * {@link #tryAcquire} hit by hit.
     */
    default java.util.Map<String, Long> countAll(java.util.Map<String, Integer> hits, Duration window) {
        return java.util.Map.of();
    }
}
