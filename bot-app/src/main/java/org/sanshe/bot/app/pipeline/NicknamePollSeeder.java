package org.sanshe.bot.app.pipeline;

import java.time.Clock;
import java.time.Duration;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.nickname.NicknameDesk;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.timer.TimerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * At start, every registered customer group whose type has a nickname convention gets its next nickname poll, if it has
 * none: a group registered by configuration or before nickname checks existed would otherwise be read only when
 * somebody joins. The poll then keeps itself going (each read sets the next). The timer's subject names its slot, so
 * seeding a group whose poll is already set changes nothing, and several instances starting at once set one timer.
 */
public final class NicknamePollSeeder implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NicknamePollSeeder.class);

    private final MybatisGroups groups;
    private final GroupTypes types;
    private final TimerStore timers;
    private final Clock clock;
    private final Duration pollInterval;
    private volatile boolean running;

    public NicknamePollSeeder(
            MybatisGroups groups, GroupTypes types, TimerStore timers, Clock clock, Duration pollInterval) {
        this.groups = groups;
        this.types = types;
        this.timers = timers;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    /** @return how many groups were given a poll timer (already set ones count too: the insert is idempotent) */
    int seed() {
        int seeded = 0;
        for (var g : groups.all()) {
            boolean checked = g.channel() == Channel.CUSTOMER
                    && types.byCode(g.typeCode())
                            .map(t -> !t.nicknameConvention().isEmpty())
                            .orElse(false);
            if (checked) {
                timers.apply(NicknameDesk.pollTimer(g.chat(), clock.instant(), pollInterval));
                seeded++;
            }
        }
        return seeded;
    }

    @Override
    public void start() {
        try {
            int n = seed();
            log.info("nickname polls set for {} customer groups", n);
        } catch (RuntimeException e) {
            // storage down at start: the groups are still read when members join or on /昵称 检查
            log.warn("nickname polls not set at start: {}", e.getClass().getSimpleName());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 150; // after the registry bootstrap, before the timer loop and the dispatcher
    }
}
