package org.sanshe.bot.storage.timer;

import java.time.Clock;
import java.util.List;
import org.sanshe.bot.core.engine.StateChange;

/**
 * Stored timers. Set in the dispatcher's commit (so a timer exists exactly when the decision that set it does); read
 * by the app's timer loop, which hands each due timer to the inbox and then marks it fired.
 */
public final class TimerStore {
    private final TimerMapper mapper;
    private final Clock clock;

    public TimerStore(TimerMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @return false when the change is not a timer */
    public boolean apply(StateChange change) {
        if (change instanceof StateChange.TimerSet t) {
            mapper.set(t.timer(), t.subject(), t.due().toEpochMilli(), clock.millis());
            return true;
        }
        return false;
    }

    public List<TimerMapper.DueRow> due(int limit) {
        return mapper.due(clock.millis(), limit);
    }

    /**
     * @return true for the one caller that moved the timer from pending to fired. Losing a lock race (a deadlock
     *     victim on InnoDB's index locks) counts as losing: the timer is then fired by the winner, or still pending and
     *     handed over again on the next pass, which the inbox key makes harmless.
     */
    public boolean markFired(long id) {
        try {
            return mapper.fired(id, clock.millis()) == 1;
        } catch (org.springframework.dao.PessimisticLockingFailureException e) {
            return false;
        }
    }

    /**
     * Deletes timers fired more than {@code keep} ago, a bounded batch at a time: a fired timer is never looked at again
     * (its subject names a moment that has passed, so it is never set again), and polls add one a group per interval.
     *
     * @return how many were deleted
     */
    public int prune(java.time.Duration keep, int limit) {
        return mapper.prune(clock.millis() - keep.toMillis(), limit);
    }

    /** Timers not fired yet: a gauge for operators (a growing number means no instance is firing them). */
    public long pending() {
        return mapper.pending();
    }
}
