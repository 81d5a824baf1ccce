package org.sanshe.bot.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.dispatch.StoredEvent;
import org.sanshe.bot.storage.support.MutableClock;
import org.sanshe.bot.storage.timer.TimerMapper;
import org.sanshe.bot.storage.timer.TimerStore;
import org.sanshe.bot.wecom.translate.TimerPayload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances' timer loops over the same stored timers (ARCHITECTURE.md "Timers"): each due timer reaches the
 * inbox exactly once, under the key {@code timer:<id>}, however many loops saw it due at the same moment; a timer whose
 * hand-over failed stays due and is handed over on a later pass. Real storage (the inbox, the timer table), two
 * {@link TimerLoop} instances as two service instances would run them.
 */
abstract class TimerLoopContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TimerStore timers;

    @Autowired
    @Qualifier("inbox")
    Inbox inbox;

    @Autowired
    DispatchStore dispatch;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.sanshe.bot.storage.group.MybatisGroups groups;

    /** A residents' type with a nickname convention and a focus type without one. */
    private static final org.sanshe.bot.core.chat.GroupTypes TYPES = new org.sanshe.bot.core.chat.GroupTypes(List.of(
            new org.sanshe.bot.core.chat.GroupType(
                    "RESIDENTS",
                    "线上小区居民群",
                    List.of(),
                    org.sanshe.bot.core.chat.GroupType.Tier.CORE,
                    "",
                    List.of("楼栋房号-自住"),
                    List.of(),
                    "",
                    ""),
            org.sanshe.bot.core.chat.GroupType.named("FOCUS_SERVICE", "聚焦服务群")));

    @BeforeEach
    void emptyTables() {
        for (String t : List.of("inbox", "outbox", "timer", "dispatch_lease", "dispatch_node")) {
            jdbc.update("DELETE FROM " + t);
        }
        dispatch.ensurePartitions();
    }

    private TimerLoop loop(Inbox to) {
        return new TimerLoop(timers, to, clock, Duration.ofMillis(200));
    }

    private long setDue(String subject) {
        timers.apply(new StateChange.TimerSet(
                "escalation-ack", subject, clock.instant().minusSeconds(1)));
        return jdbc.queryForObject("SELECT id FROM timer WHERE subject = ?", Long.class, subject);
    }

    private long inboxRows(String dedupKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE dedup_key = ?", Long.class, dedupKey);
    }

    /** Every inbox row waiting to be decided, decrypted, as the dispatcher reads them. */
    private List<StoredEvent> pendingEvents() {
        List<StoredEvent> all = new ArrayList<>();
        for (int p = 0; p < dispatch.partitions().count(); p++) {
            all.addAll(dispatch.pending(p, 1000));
        }
        return all;
    }

    /**
     * The real inbox, but each accept waits until the other loop is inside accept as well: both loops have then read
     * the timer as due and neither has marked it fired, the race two instances run into.
     */
    private static Inbox meetingAt(CyclicBarrier barrier, Inbox real) {
        return new Inbox() {
            @Override
            public boolean accept(InboxEntry entry) {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other loop never got here", e);
                }
                return real.accept(entry);
            }
        };
    }

    @Test
    void dueTimersWaitWhileTheSpoolHoldsCallbacksAndFireOnceItIsEmpty() {
        long id = setDue("esc:8:1700000000000");
        java.util.concurrent.atomic.AtomicBoolean spoolHolds = new java.util.concurrent.atomic.AtomicBoolean(true);
        TimerLoop held = new TimerLoop(timers, inbox, clock, Duration.ofMillis(200), spoolHolds::get);

        held.tick(); // a 接手 pressed during the outage may still be in the spool: it is decided first
        assertThat(inboxRows("timer:" + id)).isZero();

        spoolHolds.set(false);
        held.tick();
        assertThat(inboxRows("timer:" + id)).isEqualTo(1);
    }

    @Test
    void twoLoopsThatBothSeeOneTimerDueHandItToTheInboxOnce() throws Exception {
        long id = setDue("esc:7:1700000000000");
        CyclicBarrier bothInside = new CyclicBarrier(2);
        TimerLoop a = loop(meetingAt(bothInside, inbox));
        TimerLoop b = loop(meetingAt(bothInside, inbox));

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> fa = two.submit(a::fireDue);
            Future<Integer> fb = two.submit(b::fireDue);
            assertThat(fa.get(30, TimeUnit.SECONDS)).as("loop a saw it due").isEqualTo(1);
            assertThat(fb.get(30, TimeUnit.SECONDS)).as("loop b saw it due").isEqualTo(1);
        } finally {
            two.shutdownNow();
        }

        assertThat(inboxRows("timer:" + id)).as("one inbox entry").isEqualTo(1);
        List<StoredEvent> pending = pendingEvents();
        assertThat(pending).as("exactly one event to decide").singleElement().satisfies(e -> {
            assertThat(e.dedupKey()).isEqualTo("timer:" + id);
            assertThat(e.channel()).isEqualTo(Channel.TIMER);
            JsonNode payload = JSON.readTree(e.payload());
            assertThat(payload.path("id").asLong()).isEqualTo(id);
            assertThat(payload.path("timer").asText()).isEqualTo("escalation-ack");
            assertThat(payload.path("subject").asText()).isEqualTo("esc:7:1700000000000");
            assertThat(payload.path("due").asLong())
                    .isEqualTo(clock.instant().minusSeconds(1).toEpochMilli());
        });
        assertThat(jdbc.queryForObject("SELECT status FROM timer WHERE id = ?", String.class, id))
                .isEqualTo("FIRED");
        assertThat(timers.due(10)).isEmpty();
        assertThat(a.fireDue() + b.fireDue()).as("nothing left").isZero();
    }

    @Test
    void manyTimersRacedByTwoLoopsReachTheInboxOnceEach() throws Exception {
        int n = 60;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(setDue("esc:" + (100 + i) + ":1"));
        }
        TimerLoop a = loop(inbox);
        TimerLoop b = loop(inbox);
        ExecutorService two = Executors.newFixedThreadPool(2);
        int handed = 0;
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> fa = two.submit(() -> {
                go.await();
                return a.fireDue();
            });
            Future<Integer> fb = two.submit(() -> {
                go.await();
                return b.fireDue();
            });
            go.countDown();
            handed = fa.get(60, TimeUnit.SECONDS) + fb.get(60, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }

        assertThat(handed).as("every timer handed over at least once").isBetween(n, 2 * n);
        for (long id : ids) {
            assertThat(inboxRows("timer:" + id)).as("timer %d", id).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE dedup_key LIKE 'timer:%'", Long.class))
                .isEqualTo(n);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timer WHERE status = 'FIRED'", Long.class))
                .isEqualTo(n);
        assertThat(pendingEvents()).hasSize(n);
    }

    @Test
    void aTimerThatIsNotDueYetIsLeftAloneUntilItIs() {
        timers.apply(new StateChange.TimerSet(
                "escalation-ack", "esc:8:1", clock.instant().plusSeconds(2)));
        TimerLoop a = loop(inbox);

        assertThat(a.fireDue()).isZero();
        assertThat(pendingEvents()).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(a.fireDue()).isEqualTo(1);
        assertThat(pendingEvents()).extracting(StoredEvent::channel).containsExactly(Channel.TIMER);
    }

    @Test
    void aTimerWhoseHandOverFailedStaysDueAndIsHandedOverOnTheNextPass() {
        long id = setDue("esc:9:1");
        Inbox down = new Inbox() {
            @Override
            public boolean accept(InboxEntry entry) {
                throw new InboxUnavailableException("database down", null);
            }
        };

        assertThatThrownBy(() -> loop(down).fireDue()).isInstanceOf(InboxUnavailableException.class);
        assertThat(jdbc.queryForObject("SELECT status FROM timer WHERE id = ?", String.class, id))
                .as("not marked fired: nobody has it")
                .isEqualTo("PENDING");
        assertThat(inboxRows("timer:" + id)).isZero();

        assertThat(loop(inbox).fireDue()).isEqualTo(1);
        assertThat(inboxRows("timer:" + id)).isEqualTo(1);
        assertThat(timers.due(10)).extracting(TimerMapper.DueRow::id).doesNotContain(id);
    }

    @Test
    void aTimerHandedOverAgainAfterACrashBeforeItWasMarkedStaysOneEntry() {
        // an instance stored the entry and died before marking the timer fired: the next pass hands it over again
        long id = setDue("esc:10:1");
        TimerMapper.DueRow due = timers.due(10).get(0);
        inbox.accept(TimerPayload.entry(
                due.id(), due.timer(), due.subject(), Instant.ofEpochMilli(due.dueAt()), clock.instant()));

        assertThat(loop(inbox).fireDue()).isEqualTo(1);

        assertThat(inboxRows("timer:" + id)).isEqualTo(1);
        assertThat(timers.due(10)).isEmpty();
    }

    @Test
    void atStartEveryRegisteredCustomerGroupWithAConventionGetsOneNicknamePoll() {
        String customer = "wrSeedCust" + System.nanoTime();
        String internal = "wrSeedInt" + System.nanoTime();
        groups.register(
                org.sanshe.bot.core.chat.ChatId.of(customer),
                "5栋居民群",
                "RESIDENTS",
                org.sanshe.bot.core.chat.Channel.CUSTOMER);
        groups.register(
                org.sanshe.bot.core.chat.ChatId.of(internal),
                "聚焦群",
                "FOCUS_SERVICE",
                org.sanshe.bot.core.chat.Channel.AIBOT);
        var seeder = new NicknamePollSeeder(groups, TYPES, timers, clock, Duration.ofMinutes(30));

        seeder.seed();
        seeder.seed(); // a second start, or a second instance: still one poll

        assertThat(jdbc.queryForList("SELECT subject FROM timer WHERE timer = 'nickname-check'", String.class))
                .filteredOn(subject -> subject.contains(customer) || subject.contains(internal))
                .singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("poll:" + customer + ":"));
        assertThat(jdbc.queryForObject(
                        "SELECT due_at FROM timer WHERE subject LIKE ?", Long.class, "poll:" + customer + ":%"))
                .isBetween(
                        clock.instant().plus(Duration.ofMinutes(15)).toEpochMilli(),
                        clock.instant().plus(Duration.ofMinutes(45)).toEpochMilli());
    }
}
