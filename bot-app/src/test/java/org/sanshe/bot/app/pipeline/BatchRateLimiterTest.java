package org.sanshe.bot.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.port.RateLimiter;

class BatchRateLimiterTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** A shared limiter that counts like Redis and says how often it was called. */
    static final class CountingStore implements RateLimiter {
        final Map<String, Long> counts = new HashMap<>();
        int calls;

        @Override
        public boolean tryAcquire(String key, int limit, Duration window) {
            calls++;
            return counts.merge(key, 1L, Long::sum) <= limit;
        }

        @Override
        public Map<String, Long> countAll(Map<String, Integer> hits, Duration window) {
            calls++;
            Map<String, Long> totals = new HashMap<>();
            hits.forEach((k, n) -> totals.put(k, counts.merge(k, (long) n, Long::sum)));
            return totals;
        }
    }

    private List<Boolean> answers(RateLimiter limiter, List<String> keys, int limit) {
        List<Boolean> out = new ArrayList<>();
        keys.forEach(k -> out.add(limiter.tryAcquire(k, limit, WINDOW)));
        return out;
    }

    @Test
    void answersABatchExactlyAsCountingHitByHitWouldWithOneCall() {
        List<String> batch = List.of("cmd:a", "cmd:b", "cmd:a", "cmd:a", "cmd:b", "cmd:a");
        CountingStore byHit = new CountingStore();
        byHit.counts.put("cmd:a", 1L); // one message earlier in the window
        List<Boolean> expected = answers(byHit, batch, 3);

        CountingStore store = new CountingStore();
        store.counts.put("cmd:a", 1L);
        BatchRateLimiter limiter = new BatchRateLimiter(store);
        Map<String, Integer> hits = new HashMap<>();
        batch.forEach(k -> hits.merge(k, 1, Integer::sum));
        limiter.prepare(hits, WINDOW);
        List<Boolean> actual = answers(limiter, batch, 3);

        assertThat(actual).isEqualTo(expected).containsExactly(true, true, true, false, true, false);
        assertThat(store.calls).isEqualTo(1);
    }

    @Test
    void asksTheStoreDirectlyOutsideAPreparedBatch() {
        CountingStore store = new CountingStore();
        BatchRateLimiter limiter = new BatchRateLimiter(store);
        limiter.prepare(Map.of("cmd:a", 1), WINDOW);
        limiter.clear();
        assertThat(limiter.tryAcquire("cmd:a", 5, WINDOW)).isTrue();
        assertThat(store.calls).isEqualTo(2);
    }

    @Test
    void fallsBackToHitByHitWhenTheStoreCannotCountAhead() {
        RateLimiter perCall = (key, limit, window) -> false; // counts only per call, and refuses
        BatchRateLimiter limiter = new BatchRateLimiter(perCall);
        limiter.prepare(Map.of("cmd:a", 2), WINDOW);
        assertThat(limiter.tryAcquire("cmd:a", 5, WINDOW)).isFalse();
    }
}
