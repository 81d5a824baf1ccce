package org.sanshe.bot.wecom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.misc.CompletableFutureWrapper;

/** The access token while Redis is unreachable: kept in the instance, nobody waits for Redis, shared again after. */
class FallbackTokenConfigTest {
    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Ticking clock = new Ticking();
    private final AtomicBoolean redisUp = new AtomicBoolean(false);
    private final AtomicBoolean redisEmpty = new AtomicBoolean(false);
    private final AtomicInteger redisCalls = new AtomicInteger();
    private final CompletableFuture<Boolean> probe = new CompletableFuture<>();

    @SuppressWarnings("unchecked")
    private RedissonClient redisson() {
        RedissonClient redisson = mock(RedissonClient.class);
        RBucket<Object> bucket = mock(RBucket.class, invocation -> {
            if (invocation.getMethod().getName().equals("isExistsAsync")) {
                return new CompletableFutureWrapper<>(probe);
            }
            redisCalls.incrementAndGet();
            if (!redisUp.get()) {
                throw new RedisConnectionException("down");
            }
            return switch (invocation.getMethod().getName()) {
                case "get" -> redisEmpty.get() ? null : "SHARED";
                case "remainTimeToLive" -> 3_600_000L;
                default -> null;
            };
        });
        when(redisson.getBucket(anyString())).thenReturn(bucket);
        when(redisson.getBucket(anyString(), org.mockito.ArgumentMatchers.any()))
                .thenReturn(bucket);
        RLock lock = mock(RLock.class, invocation -> {
            redisCalls.incrementAndGet();
            throw new RedisConnectionException("down");
        });
        when(redisson.getLock(anyString())).thenReturn(lock);
        return redisson;
    }

    @Test
    void keepsTheTokenInTheInstanceWhileRedisIsAwayAndSharesItAgainOnceAProbeFindsRedisBack() {
        var config = new FallbackTokenConfig(redisson(), "sanshe:wecom", clock);
        config.setCorpId("corp");
        config.setAgentId(1000002);

        assertThat(config.isAccessTokenExpired()).isTrue(); // Redis failed: no token in the instance yet
        int afterFirstFailure = redisCalls.get();
        assertThat(config.getAccessTokenLock()).isInstanceOf(ReentrantLock.class);
        config.updateAccessToken("LOCAL", 7200); // fetched from WeCom by this instance
        assertThat(config.isAccessTokenExpired()).isFalse();
        assertThat(config.getAccessToken()).isEqualTo("LOCAL");
        assertThat(redisCalls.get())
                .as("nobody waited for Redis after the first failure")
                .isEqualTo(afterFirstFailure);

        clock.now = clock.now.plus(Duration.ofSeconds(4));
        assertThat(config.getAccessToken()).isEqualTo("LOCAL"); // starts one probe, does not wait for it
        redisUp.set(true);
        probe.complete(true);
        assertThat(config.getAccessToken()).isEqualTo("SHARED");
    }

    @Test
    void answersItsOwnTokenWhenRedisComesBackEmpty() {
        var config = new FallbackTokenConfig(redisson(), "sanshe:wecom", clock);
        config.setCorpId("corp");
        config.setAgentId(1000002);
        config.isAccessTokenExpired(); // Redis fails: the breaker opens
        config.updateAccessToken("LOCAL", 7200);

        clock.now = clock.now.plus(Duration.ofSeconds(4));
        config.getAccessToken(); // starts the probe
        redisUp.set(true);
        redisEmpty.set(true); // restarted without persistence: the shared token is gone
        probe.complete(true);

        assertThat(config.getAccessToken())
                .as("between the expiry check and the read, Redis came back empty")
                .isEqualTo("LOCAL");
    }
}
