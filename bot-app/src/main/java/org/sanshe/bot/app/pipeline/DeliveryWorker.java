package org.sanshe.bot.app.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.pipeline.DeliveryResult;
import org.sanshe.bot.core.pipeline.OutboxSender;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.storage.outbox.ClaimedMessage;
import org.sanshe.bot.storage.outbox.OutboxStore;
import org.sanshe.bot.wecom.outbound.DeliveryPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Step 5 of the pipeline: claims due outbox rows (each by one worker only, with a lease), sends them, and records the
 * end: sent; retry later with exponential backoff and jitter; or failed for good — kept, logged with its ids and counted
 * ({@code bot.delivery{outcome=failed}}, {@code bot.outbox.failed}) so that the administrator sees it. App messages to one
 * member are held back under WeCom's per-member limit instead of being dropped by WeCom.
 */
public final class DeliveryWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** The platform id of a message taken as delivered by an earlier attempt that got no answer. */
    static final String USED_BY_UNANSWERED_ATTEMPT = "used-by-unanswered-attempt";

    private final OutboxStore outbox;
    private final OutboxSender sender;
    private final RateLimiter rateLimiter;
    private final BotProperties.Pipeline config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WakeUp wakeUp = new WakeUp();
    /** Sent without a platform id (AI-bot replies): marked by the loop in one statement per round. */
    private final java.util.concurrent.ConcurrentLinkedQueue<ClaimedMessage> sent =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /**
     * Sent with a platform id whose recording failed (the database away): kept and recorded by the loop once it is
     * back, before anything is claimed again, rather than sent a second time.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<SentWithId> unrecorded =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private record SentWithId(ClaimedMessage message, String platformId) {}

    private final OutageLog readLog = new OutageLog(log, "outbox not read");
    private final OutageLog recordLog = new OutageLog(log, "deliveries not recorded");

    private volatile boolean running;
    private ExecutorService pool;
    private Semaphore inFlight;
    private Thread loop;

    public DeliveryWorker(
            OutboxStore outbox,
            OutboxSender sender,
            RateLimiter rateLimiter,
            BotProperties.Pipeline config,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.sender = sender;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    public void wake() {
        wakeUp.nudge();
    }

    @Override
    public void start() {
        running = true;
        // one claimed row per thread plus as many queued, so that each claim round fetches several rows
        inFlight = new Semaphore(config.deliveryThreads() * 2);
        pool = Executors.newFixedThreadPool(config.deliveryThreads(), r -> {
            Thread t = new Thread(r, "delivery");
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::runLoop, "delivery-loop");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushSent();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    private void runLoop() {
        while (running) {
            if (!flushSent()) {
                // sent but not recorded (the database is away): claim nothing until they are, or they could be
                // claimed again when their lease runs out and sent twice
                if (running && !wakeUp.awaitUpTo(config.pollInterval())) {
                    return;
                }
                continue;
            }
            int free = inFlight.availablePermits();
            List<ClaimedMessage> claimed = List.of();
            if (free > 0) {
                try {
                    claimed = outbox.claimDue(free, config.deliveryLease());
                    readLog.ok();
                } catch (RuntimeException e) {
                    readLog.failed(e);
                }
            }
            for (ClaimedMessage m : claimed) {
                inFlight.acquireUninterruptibly();
                try {
                    pool.execute(() -> {
                        try {
                            deliver(m);
                        } finally {
                            inFlight.release();
                            wake();
                        }
                    });
                } catch (RuntimeException e) {
                    inFlight.release(); // shutting down: the lease brings the row back
                }
            }
            if (claimed.isEmpty() || inFlight.availablePermits() == 0) {
                if (running && !wakeUp.awaitUpTo(config.pollInterval())) {
                    return;
                }
            }
        }
    }

    void deliver(ClaimedMessage m) {
        try {
            int budget = budgetOf(m.message().kind());
            if (budget > 0
                    && !rateLimiter.tryAcquire("app-to:" + m.message().target(), budget, Duration.ofMinutes(1))) {
                outbox.postpone(m, clock.instant().plusSeconds(10));
                count(m, "postponed");
                return;
            }
            DeliveryResult result = sender.send(m.message());
            if (result instanceof DeliveryResult.Sent done) {
                if (done.platformId().isEmpty()) {
                    sent.add(m);
                } else {
                    recordSent(m, done.platformId());
                }
                count(m, "sent");
            } else if (result instanceof DeliveryResult.Retry retry) {
                retryOrFail(
                        m,
                        retry.unanswered() ? ClaimedMessage.UNANSWERED + retry.reason() : retry.reason(),
                        retry.notBefore().orElse(Duration.ZERO));
            } else if (result instanceof DeliveryResult.Failed failed) {
                fail(m, failed.reason());
            } else if (result instanceof DeliveryResult.UsedUp usedUp) {
                usedUp(m, usedUp.reason());
            }
        } catch (RuntimeException e) {
            // not sent (a sent message is recorded by recordSent, which does not throw); if even recording the retry
            // fails (the database is away) the row stays SENDING and comes back after its lease
            try {
                retryOrFail(m, e.getClass().getSimpleName(), Duration.ZERO);
            } catch (RuntimeException again) {
                recordLog.failed(again);
            }
        }
    }

    /**
     * How many app messages of this kind one member may be sent a minute (0: not an app message, no limit). All share
     * one count; a 紧急 card may use the whole budget, everything else stops short of the reserve kept for cards.
     */
    int budgetOf(String kind) {
        return switch (kind) {
            case DeliveryPlanner.APP_CARD -> config.appMessagesPerMinute();
            case DeliveryPlanner.APP_TEXT, DeliveryPlanner.APP_NOTE -> config.ordinaryMessagesPerMinute();
            default -> 0;
        };
    }

    /** Sent: from here on it must never be sent again, so a failure to record it is kept and retried by the loop. */
    private void recordSent(ClaimedMessage m, String platformId) {
        try {
            outbox.markSent(m, platformId);
        } catch (RuntimeException e) {
            unrecorded.add(new SentWithId(m, platformId));
            recordLog.failed(e);
        }
    }

    /**
     * Records what was sent. If the database is away the marks are kept in memory and tried again on every round, before
     * anything new is claimed; only if this instance dies meanwhile do the rows come back after their lease (sent again,
     * never lost).
     */
    private boolean flushSent() {
        List<ClaimedMessage> batch = new java.util.ArrayList<>();
        for (ClaimedMessage m; (m = sent.poll()) != null; ) {
            batch.add(m);
        }
        List<SentWithId> withIds = new java.util.ArrayList<>();
        for (SentWithId s; (s = unrecorded.poll()) != null; ) {
            withIds.add(s);
        }
        if (batch.isEmpty() && withIds.isEmpty()) {
            return true;
        }
        try {
            if (!batch.isEmpty()) {
                outbox.markAllSent(batch);
                batch.clear();
            }
            while (!withIds.isEmpty()) {
                SentWithId s = withIds.get(0);
                outbox.markSent(s.message(), s.platformId());
                withIds.remove(0);
            }
            recordLog.ok();
            return true;
        } catch (RuntimeException e) {
            sent.addAll(batch);
            unrecorded.addAll(withIds);
            recordLog.failed(e);
            return false;
        }
    }

    private void retryOrFail(ClaimedMessage m, String reason, Duration notBefore) {
        if (m.attempt() >= config.maxDeliveryAttempts()) {
            fail(m, "gave up after " + m.attempt() + " attempts: " + reason);
            return;
        }
        Duration backoff = backoff(m.attempt());
        Instant next = clock.instant().plus(backoff.compareTo(notBefore) >= 0 ? backoff : notBefore);
        outbox.retryAt(m, next, reason);
        count(m, "retry");
        log.info(
                "outbox {} (inbox {}) attempt {} will be retried at {}: {}",
                m.id(),
                m.inboxId(),
                m.attempt(),
                next,
                reason);
    }

    /**
     * A one-use target (an AI-bot response_url) refused the message. After an unanswered attempt (a timeout, a lost
     * connection, a holder that stopped before recording the end) that attempt most likely used it: the reply was
     * shown then, and sending it again is neither possible nor needed — recorded as sent, with that said in its
     * platform id and counted apart ({@code bot.delivery{outcome=sent-unanswered}}). Otherwise it failed.
     */
    private void usedUp(ClaimedMessage m, String reason) {
        if (!m.previousAttemptUnanswered()) {
            fail(m, reason);
            return;
        }
        outbox.markSent(m, USED_BY_UNANSWERED_ATTEMPT);
        count(m, "sent-unanswered");
        log.info(
                "outbox {} (inbox {}, {}) attempt {}: {} after an unanswered attempt; taken as delivered by it",
                m.id(),
                m.inboxId(),
                m.message().kind(),
                m.attempt(),
                reason);
    }

    private void fail(ClaimedMessage m, String reason) {
        outbox.markFailed(m, reason);
        count(m, "failed");
        log.error(
                "outbox {} (inbox {}, {}) failed for good: {}",
                m.id(),
                m.inboxId(),
                m.message().kind(),
                reason);
    }

    /** 1 s, 2 s, 4 s … capped at 5 minutes, with ±50% jitter so that retries after an outage do not arrive together. */
    static Duration backoff(int attempt) {
        long base = baseBackoffMillis(attempt);
        long jitter = (long) (base * (ThreadLocalRandom.current().nextDouble() - 0.5));
        return Duration.ofMillis(Math.max(200, base + jitter));
    }

    private static long baseBackoffMillis(int attempt) {
        return Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(20, Math.max(0, attempt - 1)));
    }

    /** The shortest wait {@link #backoff} gives after {@code attempt} (its jitter at the low end). */
    static Duration shortestBackoff(int attempt) {
        return Duration.ofMillis(Math.max(200, baseBackoffMillis(attempt) / 2));
    }

    /**
     * The shortest time from the first to the last of {@code maxAttempts} attempts: how long WeCom may be unavailable
     * at least before a message is given up as FAILED.
     */
    static Duration shortestRetrySpan(int maxAttempts) {
        Duration span = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            span = span.plus(shortestBackoff(attempt));
        }
        return span;
    }

    private void count(ClaimedMessage m, String outcome) {
        meters.counter("bot.delivery", "kind", m.message().kind(), "outcome", outcome)
                .increment();
    }
}
