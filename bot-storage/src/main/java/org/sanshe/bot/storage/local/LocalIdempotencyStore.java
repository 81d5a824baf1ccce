package org.sanshe.bot.storage.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sanshe.bot.core.pipeline.IdempotencyStore;

/**
 * The in-process twin of the Redis idempotency store, for the embedded default (one instance). Bounded: when full,
 * expired keys are dropped first, then the store forgets everything — which only costs database lookups, since the
 * inbox's unique key is the guarantee.
 */
public final class LocalIdempotencyStore implements IdempotencyStore {
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxKeys;

    public LocalIdempotencyStore(Clock clock, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    @Override
    public boolean seen(String key) {
        Long until = expiries.get(key);
        return until != null && until > clock.millis();
    }

    @Override
    public void remember(String key, Duration ttl) {
        if (expiries.size() >= maxKeys) {
            long now = clock.millis();
            for (Iterator<Long> it = expiries.values().iterator(); it.hasNext(); ) {
                if (it.next() <= now) {
                    it.remove();
                }
            }
            if (expiries.size() >= maxKeys) {
                expiries.clear();
            }
        }
        expiries.put(key, clock.millis() + ttl.toMillis());
    }
}
