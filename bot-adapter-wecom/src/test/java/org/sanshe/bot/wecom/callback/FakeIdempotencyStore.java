package org.sanshe.bot.wecom.callback;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sanshe.bot.core.pipeline.IdempotencyStore;

/** Remembers keys in memory; can be made forgetful (as when Redis is down: {@code seen} answers false). */
final class FakeIdempotencyStore implements IdempotencyStore {
    private final Map<String, Duration> remembered = new LinkedHashMap<>();
    private boolean forgetful;

    @Override
    public synchronized boolean seen(String key) {
        return !forgetful && remembered.containsKey(key);
    }

    @Override
    public synchronized void remember(String key, Duration ttl) {
        remembered.put(key, ttl);
    }

    synchronized void forgetEverything() {
        forgetful = true;
    }

    synchronized Map<String, Duration> remembered() {
        return Map.copyOf(remembered);
    }
}
