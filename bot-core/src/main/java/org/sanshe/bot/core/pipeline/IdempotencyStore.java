package org.sanshe.bot.core.pipeline;

import java.time.Duration;

/**
 * A fast memory (per instance) of events already stored, in front of the inbox's unique key (which stays the guarantee): it
 * lets WeCom's retries be acknowledged without touching the database. Only keys whose entry is durably stored are
 * remembered, so a "seen" answer can never acknowledge an event that was lost. Best effort: when the store is down,
 * {@link #seen} answers false and the inbox decides.
 */
public interface IdempotencyStore {
    boolean seen(String key);

    /** {@link #seen} without holding a thread; never completes exceptionally (an outage answers false). */
    default java.util.concurrent.CompletableFuture<Boolean> seenAsync(String key) {
        return java.util.concurrent.CompletableFuture.completedFuture(seen(key));
    }

    void remember(String key, Duration ttl);
}
