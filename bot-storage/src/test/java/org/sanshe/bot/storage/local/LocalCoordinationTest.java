package org.sanshe.bot.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.storage.support.MutableClock;

/** The in-process twins behave like the Redis versions, for the embedded default. */
class LocalCoordinationTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

    @Test
    void remembersAKeyForItsTimeToLive() {
        var store = new LocalIdempotencyStore(clock, 100);
        store.remember("k", Duration.ofSeconds(10));
        assertThat(store.seen("k")).isTrue();
        clock.advance(Duration.ofSeconds(11));
        assertThat(store.seen("k")).isFalse();
    }

    @Test
    void forgetsRatherThanGrowsWithoutBound() {
        var store = new LocalIdempotencyStore(clock, 3);
        for (int i = 0; i < 10; i++) {
            store.remember("k" + i, Duration.ofMinutes(1));
        }
        assertThat(store.seen("k9")).isTrue();
        assertThat(store.seen("k0")).isFalse();
    }

    @Test
    void allowsTheLimitPerWindowThenRefusesUntilTheNextWindow() {
        var limiter = new LocalRateLimiter(clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("u1", 3, Duration.ofMinutes(1))).isTrue();
        }
        assertThat(limiter.tryAcquire("u1", 3, Duration.ofMinutes(1))).isFalse();
        assertThat(limiter.tryAcquire("u2", 3, Duration.ofMinutes(1)))
                .as("another member")
                .isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("u1", 3, Duration.ofMinutes(1))).isTrue();
    }
}
