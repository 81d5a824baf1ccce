package org.sanshe.bot.app.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.sanshe.bot.core.port.RateLimiter;

/**
 * Counts a batch's hits with one call to the shared limiter before the batch is decided, then answers each event's
 * check from those totals: the n-th hit of a key in the batch is allowed when (total before the batch + n) is within the
 * limit — the same answers as counting hit by hit, without a round trip per event. Outside a prepared batch (or for a
 * key not counted ahead) it asks the shared limiter directly. Prepared per dispatch thread.
 */
public final class BatchRateLimiter implements RateLimiter {
    private static final class Counted {
        final long before;
        int used;

        Counted(long before) {
            this.before = before;
        }
    }

    private final RateLimiter shared;
    private final ThreadLocal<Map<String, Counted>> prepared = ThreadLocal.withInitial(HashMap::new);

    public BatchRateLimiter(RateLimiter shared) {
        this.shared = shared;
    }

    /** Counts the hits this thread's next decisions will make. */
    public void prepare(Map<String, Integer> hits, Duration window) {
        Map<String, Counted> mine = prepared.get();
        mine.clear();
        Map<String, Long> totals = shared.countAll(hits, window);
        if (totals.isEmpty() && !hits.isEmpty()) {
            return; // the shared limiter counts per call (or is down): ask it hit by hit
        }
        hits.forEach((key, n) -> {
            Long total = totals.get(key);
            // a key the store did not answer for (it is down) is let through, as the store itself would
            mine.put(key, new Counted(total == null ? Long.MIN_VALUE / 2 : total - n));
        });
    }

    public void clear() {
        prepared.get().clear();
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window) {
        Counted c = prepared.get().get(key);
        if (c == null) {
            return shared.tryAcquire(key, limit, window);
        }
        c.used++;
        return c.before + c.used <= limit;
    }
}
