package org.sanshe.bot.app.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.storage.timer.TimerMapper;
import org.sanshe.bot.storage.timer.TimerStore;
import org.sanshe.bot.wecom.translate.TimerPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6 of the pipeline: every instance looks for due timers and hands each to the inbox under the key
 * {@code timer:<id>}, then marks it fired. Several instances may see one timer due; the inbox key lets only one copy
 * in, so each timer is decided exactly once, and a timer whose hand-over failed is simply handed over again. Timers
 * are rows written with the decision that set them, so a restart loses none.
 */
public final class TimerLoop extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(TimerLoop.class);
    private static final int BATCH = 100;

    private final TimerStore timers;
    private final Inbox inbox;
    private final Clock clock;
    private final OutageLog outage = new OutageLog(log, "due timers not handed over");

    private final java.util.function.BooleanSupplier hold;

    public TimerLoop(TimerStore timers, Inbox inbox, Clock clock, Duration poll) {
        this(timers, inbox, clock, poll, () -> false);
    }

    /**
     * @param hold true while timers must wait: while callbacks received during a database outage are still in the
     *     spool, so that a 接手 pressed during the outage is decided before the timer it was meant to stop
     */
    public TimerLoop(
            TimerStore timers, Inbox inbox, Clock clock, Duration poll, java.util.function.BooleanSupplier hold) {
        super("timer-loop", poll);
        this.timers = timers;
        this.inbox = inbox;
        this.clock = clock;
        this.hold = hold;
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
    protected void tick() {
        try {
            if (hold.getAsBoolean()) {
                return;
            }
            fireDue();
            pruneFired();
            outage.ok();
        } catch (RuntimeException e) {
            // storage down: the timers stay due and are handed over on a later pass
            outage.failed(e);
        }
    }
}
