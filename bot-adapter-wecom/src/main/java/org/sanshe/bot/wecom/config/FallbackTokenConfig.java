package org.sanshe.bot.wecom.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.WxCpRedissonConfigImpl;
import org.redisson.api.RedissonClient;
import org.sanshe.bot.core.pipeline.Breaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeCom access token kept in Redis for every instance, as the library does it, with a copy in this instance: while
 * Redis is unreachable the token is read and written here (and fetched from WeCom by this instance if it has none:
 * WeCom answers the same token while it is valid), so that messages keep going out. No caller waits for Redis after a
 * failure: every few seconds one asynchronous probe checks whether it is back. The switch each way is logged once.
 */
final class FallbackTokenConfig extends WxCpRedissonConfigImpl {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(FallbackTokenConfig.class);

    private final transient RedissonClient redisson;
    private final transient Clock clock;
    private final transient Breaker breaker;
    private final transient ReentrantLock localLock = new ReentrantLock();
    private volatile String localToken;
    private volatile long localExpiresAt;

    FallbackTokenConfig(RedissonClient redisson, String keyPrefix, Clock clock) {
        super(redisson, keyPrefix);
        this.redisson = redisson;
        this.clock = clock;
        this.breaker = new Breaker(clock, Duration.ofSeconds(3));
    }

    @Override
    public String getAccessToken() {
        if (breaker.closed()) {
            try {
                String token = super.getAccessToken();
                if (token != null) {
                    localToken = token;
                    return token;
                }
                // a Redis restarted empty while this instance judged expiry from its own copy (the probe closed the
                // breaker in between): its own token, not none, which WeCom would refuse as invalid
                return localToken;
            } catch (RuntimeException e) {
                down(e);
            }
        } else {
            probe();
        }
        return localToken;
    }

    @Override
    public boolean isAccessTokenExpired() {
        if (breaker.closed()) {
            try {
                return super.isAccessTokenExpired();
            } catch (RuntimeException e) {
                down(e);
            }
        } else {
            probe();
        }
        return localToken == null || clock.millis() >= localExpiresAt;
    }

    @Override
    public void updateAccessToken(WxAccessToken token) {
        updateAccessToken(token.getAccessToken(), token.getExpiresIn());
    }

    @Override
    public void updateAccessToken(String token, int expiresInSeconds) {
        localToken = token;
        localExpiresAt = clock.millis() + Math.max(0, expiresInSeconds - 200) * 1000L;
        if (breaker.closed()) {
            try {
                super.updateAccessToken(token, expiresInSeconds);
            } catch (RuntimeException e) {
                down(e);
            }
        }
    }

    @Override
    public void expireAccessToken() {
        localExpiresAt = 0;
        if (breaker.closed()) {
            try {
                super.expireAccessToken();
            } catch (RuntimeException e) {
                down(e);
            }
        }
    }

    /** Redis's lock while Redis answers; this instance's own while it does not (or when taking Redis's fails). */
    @Override
    public Lock getAccessTokenLock() {
        if (!breaker.closed()) {
            probe();
            return localLock;
        }
        return new EitherLock(super.getAccessTokenLock());
    }

    private void down(RuntimeException e) {
        if (breaker.failed()) {
            log.warn(
                    "Redis unavailable ({}): the WeCom access token is kept in this instance until it is back",
                    e.getClass().getSimpleName());
        }
    }

    private void probe() {
        if (!breaker.allowProbe()) {
            return;
        }
        try {
            redisson.getBucket(keyPrefix + ":probe").isExistsAsync().whenComplete((exists, e) -> {
                if (e != null) {
                    breaker.failed();
                } else if (breaker.succeeded()) {
                    log.info("Redis back: the WeCom access token is shared again");
                }
            });
        } catch (RuntimeException e) {
            breaker.failed();
        }
    }

    /** Takes Redis's lock, or this instance's when Redis fails; unlocks the one it took. Used by one thread. */
    private final class EitherLock implements Lock {
        private final Lock shared;
        private Lock taken;

        EitherLock(Lock shared) {
            this.shared = shared;
        }

        @Override
        public void lock() {
            try {
                shared.lock();
                taken = shared;
            } catch (RuntimeException e) {
                down(e);
                localLock.lock();
                taken = localLock;
            }
        }

        @Override
        public void unlock() {
            if (taken == null) {
                return;
            }
            try {
                taken.unlock();
            } catch (RuntimeException e) {
                // Redis went away while holding it: its lease lets it go
                down(e);
            } finally {
                taken = null;
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            lock();
        }

        @Override
        public boolean tryLock() {
            lock();
            return true;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) {
            lock();
            return true;
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }
}
