package org.sanshe.bot.core.pipeline;

import java.time.Duration;

/**
 * A fast memory (per instance) of events already stored, in front of the inbox's unique key (which stays the guarantee): it
 * lets WeCom's retries be acknowledged without touching the database. Only keys whose entry is durably stored are
 * remembered, so a "seen" answer can never acknowledge an event that was lost. In process and bounded: a key it
 * forgot only costs the inbox a lookup. Asked on the callback path, so it must answer from memory without blocking.
 */
public interface IdempotencyStore {
    boolean seen(String key);

    void remember(String key, Duration ttl);
}
