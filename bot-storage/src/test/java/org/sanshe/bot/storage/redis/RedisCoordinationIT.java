package org.sanshe.bot.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.sanshe.bot.storage.support.RealServices;

/** The Redisson-backed coordination on a real Redis: what several instances share. */
class RedisCoordinationIT {
    private static RedissonClient redisson;
    private static RedissonClient other;

    @BeforeAll
    static void connect() {
        RealServices.requireRedis();
        redisson = client();
        other = client(); // a second instance
    }

    private static RedissonClient client() {
        Config config = new Config();
        config.useSingleServer().setAddress(RealServices.redisAddress()).setConnectionMinimumIdleSize(1);
        return Redisson.create(config);
    }

    @AfterAll
    static void close() {
        if (redisson != null) {
            redisson.shutdown();
            other.shutdown();
        }
    }

    @Test
    void theRateLimitIsSharedAcrossInstances() {
        String key = "it-" + UUID.randomUUID();
        var mine = new RedissonRateLimiter(redisson);
        var theirs = new RedissonRateLimiter(other);
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += (i % 2 == 0 ? mine : theirs).tryAcquire(key, 6, Duration.ofMinutes(1)) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(6);
    }

    @Test
    void aRateLimitWindowExpires() {
        String key = "it-" + UUID.randomUUID();
        var limiter = new RedissonRateLimiter(redisson);
        assertThat(limiter.tryAcquire(key, 1, Duration.ofMinutes(1))).isTrue();
        assertThat(limiter.tryAcquire(key, 1, Duration.ofMinutes(1))).isFalse();
        assertThat(redisson.getKeys().getKeysByPattern("sanshe:rate:" + key + "*"))
                .allSatisfy(k ->
                        assertThat(redisson.getBucket(k).remainTimeToLive()).isBetween(1L, 60_000L));
    }

    @Test
    void aRefusedHitDoesNotCountSoALargerLimitStillHasItsReserve() {
        String key = "it-" + UUID.randomUUID();
        var limiter = new RedissonRateLimiter(redisson);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(key, 3, Duration.ofMinutes(1))).isTrue();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire(key, 3, Duration.ofMinutes(1))).isFalse(); // held back, tried again
        }
        // what only the larger limit may use (紧急 cards) is still there
        assertThat(limiter.tryAcquire(key, 5, Duration.ofMinutes(1))).isTrue();
        assertThat(limiter.tryAcquire(key, 5, Duration.ofMinutes(1))).isTrue();
        assertThat(limiter.tryAcquire(key, 5, Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void countsABatchOfHitsInOneCall() {
        String a = "it-" + UUID.randomUUID();
        String b = "it-" + UUID.randomUUID();
        var limiter = new RedissonRateLimiter(redisson);
        limiter.tryAcquire(a, 10, Duration.ofMinutes(1));

        var totals = limiter.countAll(java.util.Map.of(a, 3, b, 2), Duration.ofMinutes(1));

        assertThat(totals).containsEntry(a, 4L).containsEntry(b, 2L);
    }
}
