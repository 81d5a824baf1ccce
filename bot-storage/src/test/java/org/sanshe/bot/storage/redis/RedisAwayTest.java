package org.sanshe.bot.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBucket;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.codec.Codec;
import org.redisson.misc.CompletableFutureWrapper;
import org.sanshe.bot.storage.local.LocalRateLimiter;
import org.sanshe.bot.storage.support.MutableClock;

/** The shared rate limiter while Redis is unreachable: in process at this instance's share, and nobody waits. */
class RedisAwayTest {
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-24T00:00:00Z"));
    private final RedissonClient redisson = mock(RedissonClient.class);
    private final RScript script = mock(RScript.class);

    @SuppressWarnings("unchecked")
    private final RBucket<Object> probe = mock(RBucket.class);

    private final CompletableFuture<Boolean> probeAnswer = new CompletableFuture<>();

    RedisAwayTest() {
        when(redisson.getScript(any(Codec.class))).thenReturn(script);
        when(script.eval(
                        any(RScript.Mode.class),
                        anyString(),
                        any(RScript.ReturnType.class),
                        anyList(),
                        any(Object[].class)))
                .thenThrow(new RedisConnectionException("down"));
        when(redisson.getBucket(anyString())).thenReturn(probe);
        RFuture<Boolean> f = new CompletableFutureWrapper<>(probeAnswer);
        when(probe.isExistsAsync()).thenReturn(f);
    }

    @Test
    void countsInProcessAtThisInstancesShareWithoutAskingRedisAgainUntilAProbeFindsItBack() {
        var limiter = new RedissonRateLimiter(redisson, new LocalRateLimiter(clock), () -> 3, clock);

        // 25 a minute shared by 3 instances: 8 each while Redis is away
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            if (limiter.tryAcquire("app-to:sw1", 25, Duration.ofMinutes(1))) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(8);
        verify(script, times(1))
                .evalAsync(
                        any(RScript.Mode.class),
                        anyString(),
                        any(RScript.ReturnType.class),
                        anyList(),
                        any(Object[].class));
        // a batch is not counted ahead either: its hits are asked one by one, in process
        assertThat(limiter.countAll(Map.of("cmd:u1", 3), Duration.ofMinutes(1))).isEmpty();
        verify(probe, never()).isExistsAsync(); // not before the retry interval

        clock.advance(Duration.ofSeconds(4));
        assertThat(limiter.tryAcquire("cmd:u2", 10, Duration.ofMinutes(1))).isTrue();
        verify(probe, times(1)).isExistsAsync(); // one asynchronous probe, nobody waited for it
        assertThat(limiter.tryAcquire("cmd:u2", 10, Duration.ofMinutes(1))).isTrue();
        verify(probe, times(1)).isExistsAsync(); // and only one while it is out

        probeAnswer.complete(true); // Redis answers: shared again
        limiter.tryAcquire("cmd:u3", 10, Duration.ofMinutes(1));
        verify(script, times(2))
                .evalAsync(
                        any(RScript.Mode.class),
                        anyString(),
                        any(RScript.ReturnType.class),
                        anyList(),
                        any(Object[].class));
    }
}
