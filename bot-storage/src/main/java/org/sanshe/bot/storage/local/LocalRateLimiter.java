package org.sanshe.bot.storage.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sanshe.bot.core.port.RateLimiter;

/** The in-process twin of the Redis rate limiter: a fixed window per key, for the embedded default. */
public final class LocalRateLimiter implements RateLimiter {
    private record Window(long start, int used) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window) {
        long now = clock.millis();
        long length = window.toMillis();
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.start + length <= now);
        }
        boolean[] allowed = new boolean[1];
        windows.compute(key, (k, w) -> {
            if (w == null || w.start + length <= now) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            allowed[0] = w.used < limit;
            return allowed[0] ? new Window(w.start, w.used + 1) : w;
        });
        return allowed[0];
    }
}
