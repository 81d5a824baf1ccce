package org.sanshe.bot.app.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what the callbacks spooled while the database was down into the inbox, oldest first, a batch per statement
 * ({@link Inbox#acceptAll}: the order of one chat's events is kept), and releases each batch only once it is stored. A
 * batch stored but not released (a crash between the two) is stored again later: the inbox's dedup key drops the copy.
 * What a previous run left is replayed from the first pass. When the spool is empty the inbox is declared back, and
 * callbacks go to it again. Logs one WARN when replaying starts failing and one INFO when an outage is over.
 */
public final class SpoolReplayer extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(SpoolReplayer.class);
    private static final int BATCH = 200;

    private final Spool spool;
    private final Inbox inbox;
    private final Counter replayed;
    private final java.util.function.LongPredicate undecidedUpTo;
    private boolean failing;
    private long outageReplayed;
    /** The latest arrival time among replayed entries while they may still wait to be decided; 0 when none. */
    private volatile long replayedUpTo;

    private volatile long replayedAt;

    public SpoolReplayer(Spool spool, Inbox inbox, Duration interval, MeterRegistry meters) {
        this(spool, inbox, interval, meters, t -> false);
    }

    /**
     * @param undecidedUpTo whether events that arrived at or before a time are still waiting to be decided (the inbox
     *     backlog): {@link #replayedUndecided} asks it
     */
    public SpoolReplayer(
            Spool spool,
            Inbox inbox,
            Duration interval,
            MeterRegistry meters,
            java.util.function.LongPredicate undecidedUpTo) {
        super("spool-replay", interval);
        this.spool = spool;
        this.inbox = inbox;
        this.undecidedUpTo = undecidedUpTo;
        this.replayed = Counter.builder("bot.spool.replayed")
                .description("spooled callbacks moved into the inbox")
                .register(meters);
    }

    /** One pass: replays until the spool is empty or the inbox fails. Returns how many entries were moved. */
    int replay() {
        int moved = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<InboxEntry> batch = spool.peek(BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                inbox.acceptAll(batch);
                long latest = batch.stream()
                        .mapToLong(e -> e.receivedAt().toEpochMilli())
                        .max()
                        .orElse(0);
                replayedUpTo = Math.max(replayedUpTo, latest);
                replayedAt = System.currentTimeMillis();
                spool.release(batch.size());
                moved += batch.size();
                replayed.increment(batch.size());
            }
        } catch (RuntimeException e) {
            outageReplayed += moved;
            if (!failing) {
                failing = true;
                log.warn(
                        "spooled callbacks not replayed yet ({} waiting), trying again every pass: {}",
                        spool.depth(),
                        e.getClass().getSimpleName());
            }
            return moved;
        }
        outageReplayed += moved;
        if (spool.depth() == 0 && (spool.inboxBack() || failing || outageReplayed > 0)) {
            log.info("inbox back: {} spooled callbacks replayed, new callbacks go to the inbox again", outageReplayed);
            outageReplayed = 0;
        }
        failing = false;
        return moved;
    }

    /** How long timers wait at most for replayed events to be decided. */
    private static final long HOLD_MILLIS = 60_000;

    /**
     * True while events replayed from the spool are stored but not yet decided (for at most a minute after the last
     * replay): the timer loop waits for them, so that a 接手 pressed during the outage is decided before the ack timer
     * it stops — they are in different partitions, and the click's may have a backlog of replayed events before it.
     */
    public boolean replayedUndecided() {
        long upTo = replayedUpTo;
        if (upTo == 0) {
            return false;
        }
        try {
            if (System.currentTimeMillis() - replayedAt < HOLD_MILLIS && undecidedUpTo.test(upTo)) {
                return true;
            }
        } catch (RuntimeException e) {
            return true; // the database again: the timers cannot fire anyway
        }
        replayedUpTo = 0;
        return false;
    }

    @Override
    protected void tick() {
        try {
            replay();
        } catch (RuntimeException e) {
            log.warn("spool replay pass failed: {}", e.getClass().getSimpleName());
        }
    }
}
