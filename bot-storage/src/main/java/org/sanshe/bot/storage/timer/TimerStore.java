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

    public boolean markFired(long id) {
        return mapper.fired(id, clock.millis()) == 1;
    }

    public long pending() {
        return mapper.pending();
    }
}
