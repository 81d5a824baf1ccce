package org.sanshe.bot.core.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A switch around a shared service that may go away (Redis): after a failure callers stop waiting for it and use their
 * in-process fallback; every {@code retryAfter} one caller is let through to probe it (or starts a probe of its own),
 * and the first success switches back. {@link #failed} and {@link #succeeded} say when an outage begins and ends, so
 * that each is logged once.
 */
public final class Breaker {
    private final Clock clock;
    private final long retryAfterMillis;
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long retryAt;

    public Breaker(Clock clock, Duration retryAfter) {
        this.clock = clock;
        this.retryAfterMillis = retryAfter.toMillis();
    }

    /** True while the service is thought to work. */
    public boolean closed() {
        return !open.get();
    }

    /**
     * True when the caller should try the service: always while closed; while open, for one caller once
     * {@code retryAfter} has passed since the last failure (it must then report {@link #failed} or {@link #succeeded}).
     */
    public boolean allowProbe() {
        return clock.millis() >= retryAt && probing.compareAndSet(false, true);
    }

    /** @return true when this failure begins an outage */
    public boolean failed() {
        retryAt = clock.millis() + retryAfterMillis;
        boolean began = open.compareAndSet(false, true);
        probing.set(false);
        return began;
    }

    /** @return true when this success ends an outage */
    public boolean succeeded() {
        boolean ended = open.compareAndSet(true, false);
        probing.set(false);
        return ended;
    }
}
