package org.sanshe.bot.app.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.storage.timer.TimerMapper;
import org.sanshe.bot.storage.timer.TimerStore;
import org.sanshe.bot.wecom.translate.TimerPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Step 6 of the pipeline: every instance looks for due timers and hands each to the inbox under the key
 * {@code timer:<id>}, then marks it fired. Several instances may see one timer due; the inbox key lets only one copy
 * in, so each timer is decided exactly once, and a timer whose hand-over failed is simply handed over again. Timers
 * are rows written with the decision that set them, so a restart loses none.
 */
public final class TimerLoop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TimerLoop.class);
    private static final int BATCH = 100;

    private final TimerStore timers;
    private final Inbox inbox;
    private final Clock clock;
    private final Duration poll;
    private volatile boolean running;
    private ScheduledExecutorService loop;

    public TimerLoop(TimerStore timers, Inbox inbox, Clock clock, Duration poll) {
        this.timers = timers;
        this.inbox = inbox;
        this.clock = clock;
        this.poll = poll;
    }

    /** Fired timers are kept this long (for an operator looking into an escalation), then deleted. */
    static final Duration KEEP_FIRED = Duration.ofDays(7);

    private long lastPrune;

    /** Deletes long-fired timers, at most once a minute and a thousand at a time. */
    int pruneFired() {
        long now = clock.millis();
        if (now - lastPrune < 60_000) {
            return 0;
        }
        lastPrune = now;
        return timers.prune(KEEP_FIRED, 1000);
    }

    /** One pass: every due timer handed to the inbox and marked. Returns how many were handed over. */
    int fireDue() {
        int handed = 0;
        for (TimerMapper.DueRow t : timers.due(BATCH)) {
            inbox.accept(TimerPayload.entry(
                    t.id(), t.timer(), t.subject(), Instant.ofEpochMilli(t.dueAt()), clock.instant()));
            timers.markFired(t.id());
            handed++;
        }
        return handed;
    }

    @Override
    public void start() {
        running = true;
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timer-loop");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(
                () -> {
                    try {
                        fireDue();
                        pruneFired();
                    } catch (RuntimeException e) {
                        // storage down: the timers stay due and are handed over on a later pass
                        log.warn("due timers not handed over: {}", e.getClass().getSimpleName());
                    }
                },
                poll.toMillis(),
                poll.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
