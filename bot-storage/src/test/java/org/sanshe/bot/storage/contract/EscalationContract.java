package org.sanshe.bot.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.escalation.Escalation;
import org.sanshe.bot.core.escalation.EscalationState;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.escalation.MybatisEscalations;
import org.sanshe.bot.storage.moderation.MybatisRuleBreaches;
import org.sanshe.bot.storage.support.MutableClock;
import org.sanshe.bot.storage.timer.TimerMapper;
import org.sanshe.bot.storage.timer.TimerStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What storage promises crisis escalations (issue 4), run unchanged on H2 and, as {@code *IT}, on MariaDB with the V4
 * migration applied: an escalation stored whole and changed in place, found by number, by subject and chat, and in the
 * list of unresolved ones newest first; the resident's words and the timeline's details encrypted at rest; numbers
 * never handed out twice, also under concurrency; stored timers set once per (timer, subject), due only when due and
 * pending, fired once; and the whole decision of an escalation (escalation, steps, timer, audit, card) committed with
 * the inbox row's "done", or not at all. Rule breaches (V5) are kept per member and group with the decision that
 * recorded them, ids and rule only.
 */
abstract class EscalationContract {
    private static final ChatId FOCUS = ChatId.of("wrEscFocus");
    private static final ChatId OTHER = ChatId.of("wrEscOther");

    @Autowired
    @Qualifier("inbox")
    Inbox inbox;

    @Autowired
    DispatchStore dispatch;

    @Autowired
    MybatisEscalations escalations;

    @Autowired
    TimerStore timers;

    @Autowired
    MutableClock clock;

    @Autowired
    MybatisRuleBreaches breaches;

    @Autowired
    org.sanshe.bot.storage.nickname.MybatisNicknameRecords nicknames;

    @Autowired
    JdbcTemplate jdbc;

    private int rows;

    @BeforeEach
    void emptyTables() {
        for (String t : List.of(
                "inbox",
                "outbox",
                "escalation",
                "escalation_step",
                "timer",
                "audit_log",
                "rule_breach",
                "escalation_pager",
                "escalation_notice",
                "escalation_feedback",
                "nickname_record",
                "nickname_group")) {
            jdbc.update("DELETE FROM " + t);
        }
        dispatch.ensurePartitions();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A stored inbox row to hang a decision on, as the dispatcher would have one. */
    private long row() {
        String key = "app:esc" + rows++ + ":" + System.nanoTime();
        inbox.accept(new InboxEntry(key, Channel.APP, "p:esc", "x", clock.instant()));
        return jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = ?", Long.class, key);
    }

    /** Commits one decision with these changes, as the dispatcher does after deciding an event. */
    private void commit(StateChange... changes) {
        assertThat(dispatch.commit(List.of(new Decision(row(), List.of(changes), List.of()))))
                .isEqualTo(1);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Escalation escalation(
            long number, Optional<ChatId> chat, String subject, String excerpt, Instant openedAt) {
        return new Escalation(
                number,
                chat,
                UserId.of(subject),
                "SELF_HARM",
                3,
                "自伤：不想活",
                excerpt,
                EscalationState.OPEN,
                0,
                0,
                Optional.empty(),
                openedAt,
                openedAt);
    }

    private static StateChange.EscalationSaved saved(Escalation e) {
        return new StateChange.EscalationSaved(e);
    }

    // --- escalations ----------------------------------------------------------------------------------------------

    @Test
    void anEscalationIsStoredWholeAndFoundByItsNumber() {
        long n = escalations.nextNumber();
        Instant at = clock.instant();
        commit(saved(escalation(n, Optional.of(FOCUS), "res-found", "我不想活了", at)));

        Escalation e = escalations.find(n).orElseThrow();
        assertThat(e.number()).isEqualTo(n);
        assertThat(e.chat()).contains(FOCUS);
        assertThat(e.subject()).isEqualTo(UserId.of("res-found"));
        assertThat(e.category()).isEqualTo("SELF_HARM");
        assertThat(e.severity()).isEqualTo(3);
        assertThat(e.excerpt()).isEqualTo("我不想活了");
        assertThat(e.state()).isEqualTo(EscalationState.OPEN);
        assertThat(e.level()).isZero();
        assertThat(e.round()).isZero();
        assertThat(e.owner()).isEmpty();
        assertThat(e.openedAt()).isEqualTo(at);
        assertThat(e.updatedAt()).isEqualTo(at);

        assertThat(escalations.find(n + 1000)).isEmpty();
    }

    @Test
    void anEscalationFromAPrivateChatWithoutAGroupKeepsAnEmptyChat() {
        long n = escalations.nextNumber();
        commit(saved(escalation(n, Optional.empty(), "res-private", "活着没意思", clock.instant())));

        assertThat(escalations.find(n).orElseThrow().chat()).isEmpty();
        assertThat(escalations.unresolvedFor(UserId.of("res-private"), Optional.empty()))
                .map(Escalation::number)
                .contains(n);
        assertThat(escalations.unresolvedFor(UserId.of("res-private"), Optional.of(FOCUS)))
                .as("a private escalation is not the group's")
                .isEmpty();
    }

    @Test
    void savingAnEscalationAgainChangesItInPlace() {
        long n = escalations.nextNumber();
        Instant opened = clock.instant();
        Escalation e = escalation(n, Optional.of(FOCUS), "res-upd", "我不想活了", opened);
        commit(saved(e));

        Instant later = opened.plusSeconds(300);
        commit(saved(e.with(EscalationState.OPEN, 1, 0, Optional.empty(), later)));
        assertThat(escalations.find(n).orElseThrow()).satisfies(x -> {
            assertThat(x.level()).isEqualTo(1);
            assertThat(x.round()).isZero();
            assertThat(x.updatedAt()).isEqualTo(later);
        });

        Instant acked = later.plusSeconds(30);
        commit(saved(e.with(EscalationState.ACKNOWLEDGED, 1, 1, Optional.of(UserId.of("sw-upd")), acked)));

        Escalation x = escalations.find(n).orElseThrow();
        assertThat(x.state()).isEqualTo(EscalationState.ACKNOWLEDGED);
        assertThat(x.level()).isEqualTo(1);
        assertThat(x.round()).isEqualTo(1);
        assertThat(x.owner()).contains(UserId.of("sw-upd"));
        assertThat(x.updatedAt()).isEqualTo(acked);
        assertThat(x.openedAt()).as("kept").isEqualTo(opened);
        assertThat(x.excerpt()).as("kept").isEqualTo("我不想活了");
        assertThat(count("SELECT COUNT(*) FROM escalation WHERE id = ?", n)).isEqualTo(1);

        // an owner can be taken away again (handed back to the chain): stored as NULL
        commit(saved(x.with(EscalationState.OPEN, 0, 1, Optional.empty(), acked.plusSeconds(1))));
        assertThat(escalations.find(n).orElseThrow().owner()).isEmpty();
    }

    @Test
    void unresolvedForFindsTheOpenEscalationOfThatMemberInThatChatOnly() {
        Instant t = clock.instant();
        long resolved = escalations.nextNumber();
        long open = escalations.nextNumber();
        long elsewhere = escalations.nextNumber();
        long someoneElse = escalations.nextNumber();
        commit(
                saved(escalation(resolved, Optional.of(FOCUS), "res-uf", "旧的", t)
                        .with(EscalationState.RESOLVED, 0, 0, Optional.of(UserId.of("sw-uf")), t.plusSeconds(1))),
                saved(escalation(open, Optional.of(FOCUS), "res-uf", "新的", t.plusSeconds(2))),
                saved(escalation(elsewhere, Optional.of(OTHER), "res-uf", "别的群", t.plusSeconds(3))),
                saved(escalation(someoneElse, Optional.of(FOCUS), "res-uf-2", "别人", t.plusSeconds(4))));

        assertThat(escalations.unresolvedFor(UserId.of("res-uf"), Optional.of(FOCUS)))
                .map(Escalation::number)
                .contains(open);
        assertThat(escalations.unresolvedFor(UserId.of("res-uf"), Optional.of(OTHER)))
                .map(Escalation::number)
                .contains(elsewhere);
        assertThat(escalations.unresolvedFor(UserId.of("res-uf"), Optional.of(ChatId.of("wrEscNone"))))
                .isEmpty();
        assertThat(escalations.unresolvedFor(UserId.of("res-nobody"), Optional.of(FOCUS)))
                .isEmpty();

        // acknowledged and unacknowledged ones still need someone: they are unresolved
        Escalation o = escalations.find(open).orElseThrow();
        commit(saved(o.with(EscalationState.UNACKNOWLEDGED, 1, 2, Optional.empty(), t.plusSeconds(10))));
        assertThat(escalations.unresolvedFor(UserId.of("res-uf"), Optional.of(FOCUS)))
                .map(Escalation::number)
                .contains(open);
        commit(saved(o.with(EscalationState.ACKNOWLEDGED, 1, 2, Optional.of(UserId.of("sw")), t.plusSeconds(11))));
        assertThat(escalations.unresolvedFor(UserId.of("res-uf"), Optional.of(FOCUS)))
                .map(Escalation::number)
                .contains(open);

        commit(saved(o.with(EscalationState.RESOLVED, 1, 2, Optional.of(UserId.of("sw")), t.plusSeconds(12))));
        assertThat(escalations.unresolvedFor(UserId.of("res-uf"), Optional.of(FOCUS)))
                .as("all resolved")
                .isEmpty();
    }

    @Test
    void unresolvedListsEveryStateButResolvedNewestFirstUpToTheLimit() {
        Instant t = clock.instant();
        long a = escalations.nextNumber();
        long b = escalations.nextNumber();
        long c = escalations.nextNumber();
        long d = escalations.nextNumber();
        long e = escalations.nextNumber();
        commit(
                saved(escalation(a, Optional.of(FOCUS), "res-a", "a", t)),
                saved(escalation(b, Optional.of(FOCUS), "res-b", "b", t.plusSeconds(10))
                        .with(EscalationState.ACKNOWLEDGED, 0, 0, Optional.of(UserId.of("sw")), t.plusSeconds(11))),
                saved(escalation(c, Optional.of(OTHER), "res-c", "c", t.plusSeconds(20))
                        .with(EscalationState.RESOLVED, 0, 0, Optional.of(UserId.of("sw")), t.plusSeconds(21))),
                saved(escalation(d, Optional.empty(), "res-d", "d", t.plusSeconds(30))
                        .with(EscalationState.UNACKNOWLEDGED, 1, 2, Optional.empty(), t.plusSeconds(31))),
                // opened at the same moment as d, with a higher number: the number decides
                saved(escalation(e, Optional.of(OTHER), "res-e", "e", t.plusSeconds(30))));

        assertThat(escalations.unresolved(10)).extracting(Escalation::number).containsExactly(e, d, b, a);
        assertThat(escalations.unresolved(2)).extracting(Escalation::number).containsExactly(e, d);
        assertThat(escalations.unresolved(10))
                .extracting(Escalation::state)
                .containsExactly(
                        EscalationState.OPEN,
                        EscalationState.UNACKNOWLEDGED,
                        EscalationState.ACKNOWLEDGED,
                        EscalationState.OPEN);
    }

    @Test
    void theResidentsWordsAndTheTimelineDetailsAreEncryptedAtRest() {
        long n = escalations.nextNumber();
        Instant t = clock.instant();
        String words = "我不想活了，住3栋1202，电话13812345678";
        commit(
                saved(escalation(n, Optional.of(FOCUS), "res-enc", words, t)),
                new StateChange.EscalationStep(n, t, Optional.empty(), "opened", words),
                new StateChange.EscalationStep(n, t, Optional.empty(), "notified", "sw-enc"),
                new StateChange.EscalationStep(
                        n, t.plusSeconds(5), Optional.of(UserId.of("sw-enc")), "resolved", "已上门，家属陪同就医"));

        String excerpt = jdbc.queryForObject("SELECT excerpt FROM escalation WHERE id = ?", String.class, n);
        assertThat(excerpt)
                .startsWith("v1:")
                .isNotEqualTo(words)
                .doesNotContain("不想活")
                .doesNotContain("1202")
                .doesNotContain("13812345678");
        List<String> details = jdbc.queryForList(
                "SELECT detail FROM escalation_step WHERE escalation = ? ORDER BY id", String.class, n);
        assertThat(details).hasSize(3).allSatisfy(d -> assertThat(d).startsWith("v1:"));
        assertThat(details.get(0)).doesNotContain("不想活").doesNotContain("13812345678");
        assertThat(details.get(2)).doesNotContain("上门").doesNotContain("就医");
        assertThat(String.join("", details)).doesNotContain("sw-enc");
        // the two ciphertexts of the same words differ (a fresh nonce each)
        assertThat(details.get(0)).isNotEqualTo(excerpt);

        assertThat(escalations.find(n).orElseThrow().excerpt()).isEqualTo(words);
        assertThat(escalations.timeline(n))
                .extracting(
                        StateChange.EscalationStep::kind,
                        StateChange.EscalationStep::detail,
                        StateChange.EscalationStep::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("opened", words, Optional.<UserId>empty()),
                        org.assertj.core.groups.Tuple.tuple("notified", "sw-enc", Optional.<UserId>empty()),
                        org.assertj.core.groups.Tuple.tuple(
                                "resolved", "已上门，家属陪同就医", Optional.of(UserId.of("sw-enc"))));
        assertThat(escalations.timeline(n).get(2).at()).isEqualTo(t.plusSeconds(5));
        assertThat(escalations.timeline(n + 1000)).isEmpty();
    }

    // --- numbers --------------------------------------------------------------------------------------------------

    @Test
    void numbersFollowOneAnother() {
        long first = escalations.nextNumber();
        assertThat(first).isPositive();
        assertThat(escalations.nextNumber()).isEqualTo(first + 1);
        assertThat(escalations.nextNumber()).isEqualTo(first + 2);
    }

    @Test
    void concurrentCallersNeverGetTheSameNumber() throws Exception {
        int threads = 4;
        int each = 50;
        long before = escalations.nextNumber();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>(each);
                    for (int k = 0; k < each; k++) {
                        mine.add(escalations.nextNumber());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                List<Long> mine = f.get(60, TimeUnit.SECONDS);
                assertThat(mine).as("one caller's numbers rise").isSorted();
                all.addAll(mine);
            }
            Set<Long> distinct = new HashSet<>(all);
            assertThat(all).hasSize(threads * each);
            assertThat(distinct).as("all distinct").hasSize(threads * each);
            assertThat(distinct).allSatisfy(n -> assertThat(n).isBetween(before + 1, before + threads * each));
        } finally {
            pool.shutdownNow();
        }
        assertThat(escalations.nextNumber()).as("none skipped, none repeated").isEqualTo(before + threads * each + 1);
    }

    // --- timers ---------------------------------------------------------------------------------------------------

    private static StateChange.TimerSet timer(String subject, Instant due) {
        return new StateChange.TimerSet("escalation-ack", subject, due);
    }

    private List<String> dueSubjects() {
        return timers.due(100).stream().map(TimerMapper.DueRow::subject).toList();
    }

    @Test
    void aTimerIsSetOncePerTimerAndSubject() {
        Instant due = clock.instant().plusSeconds(300);
        commit(timer("esc:1:100", due));
        commit(timer("esc:1:100", due.plusSeconds(60)));
        commit(new StateChange.TimerSet("shift-reminder", "esc:1:100", due));

        assertThat(count("SELECT COUNT(*) FROM timer WHERE subject = 'esc:1:100'"))
                .isEqualTo(2);
        assertThat(count("SELECT due_at FROM timer WHERE timer = 'escalation-ack' AND subject = 'esc:1:100'"))
                .as("the first setting stays")
                .isEqualTo(due.toEpochMilli());
        assertThat(timers.pending()).isEqualTo(2);
        // set directly, outside a commit, as well
        assertThat(timers.apply(timer("esc:1:100", due))).isTrue();
        assertThat(timers.apply(new StateChange.MemberSeen(FOCUS, UserId.of("x"), due)))
                .as("not a timer")
                .isFalse();
        assertThat(count("SELECT COUNT(*) FROM timer")).isEqualTo(2);
    }

    @Test
    void dueAnswersOnlyPendingTimersWhoseTimeHasComeEarliestFirst() {
        Instant now = clock.instant();
        commit(
                timer("esc:2:later", now.plusSeconds(60)),
                timer("esc:2:second", now.minusSeconds(5)),
                timer("esc:2:first", now.minusSeconds(30)),
                timer("esc:2:now", now));

        assertThat(dueSubjects()).containsExactly("esc:2:first", "esc:2:second", "esc:2:now");
        assertThat(timers.due(2))
                .extracting(TimerMapper.DueRow::subject)
                .containsExactly("esc:2:first", "esc:2:second");
        TimerMapper.DueRow first = timers.due(1).get(0);
        assertThat(first.timer()).isEqualTo("escalation-ack");
        assertThat(first.dueAt()).isEqualTo(now.minusSeconds(30).toEpochMilli());

        assertThat(timers.markFired(first.id())).isTrue();
        assertThat(dueSubjects()).containsExactly("esc:2:second", "esc:2:now");
        assertThat(timers.pending()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(61));
        assertThat(dueSubjects()).containsExactly("esc:2:second", "esc:2:now", "esc:2:later");
    }

    @Test
    void timersFiredLongAgoArePrunedABatchAtATimeAndNothingElse() {
        commit(timer("esc:7:1", clock.instant().minusSeconds(1)));
        commit(timer("esc:7:2", clock.instant().minusSeconds(1)));
        commit(timer("esc:7:3", clock.instant().minusSeconds(1)));
        commit(timer("esc:7:later", clock.instant().plusSeconds(3600)));
        for (var t : timers.due(10)) {
            timers.markFired(t.id());
        }
        assertThat(timers.prune(Duration.ofDays(7), 100))
                .as("fired just now: kept")
                .isZero();

        clock.advance(Duration.ofDays(8));
        assertThat(timers.prune(Duration.ofDays(7), 2)).isEqualTo(2);
        assertThat(timers.prune(Duration.ofDays(7), 2)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT subject FROM timer", String.class))
                .as("the pending one stays, however old")
                .containsExactly("esc:7:later");
    }

    @Test
    void markingATimerFiredSucceedsOnce() {
        commit(timer("esc:3:1", clock.instant().minusSeconds(1)));
        long id = timers.due(10).get(0).id();

        assertThat(timers.markFired(id)).isTrue();
        assertThat(timers.markFired(id))
                .as("already fired: the other instance lost")
                .isFalse();

        Map<String, Object> row = jdbc.queryForMap("SELECT status, fired_at FROM timer WHERE id = ?", id);
        assertThat(row.get("status")).isEqualTo("FIRED");
        assertThat(((Number) row.get("fired_at")).longValue()).isEqualTo(clock.millis());
        assertThat(timers.due(10)).isEmpty();
        assertThat(timers.pending()).isZero();
        assertThat(timers.markFired(id + 1000)).as("no such timer").isFalse();
        // set again after firing: the same (timer, subject) is not armed a second time
        commit(timer("esc:3:1", clock.instant().minusSeconds(1)));
        assertThat(timers.due(10)).isEmpty();
    }

    @Test
    void concurrentMarkersOfOneTimerHaveExactlyOneWinner() throws Exception {
        commit(timer("esc:4:1", clock.instant().minusSeconds(1)));
        long id = timers.due(10).get(0).id();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> wins = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                wins.add(pool.submit(() -> {
                    start.await();
                    return timers.markFired(id);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : wins) {
                won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- the decision, committed whole ------------------------------------------------------------------------------

    /** What deciding a crisis produces: the escalation, its first steps, the card to the social worker, the timer. */
    private Decision crisisDecision(long inboxId, long n, Instant at) {
        Escalation e = escalation(n, Optional.of(FOCUS), "res-dec", "我不想活了", at);
        return new Decision(
                inboxId,
                List.of(
                        new StateChange.MemberSeen(FOCUS, UserId.of("res-dec"), at),
                        saved(e),
                        new StateChange.EscalationStep(n, at, Optional.empty(), "opened", "我不想活了"),
                        new StateChange.EscalationStep(n, at, Optional.empty(), "notified", "sw-dec"),
                        new StateChange.TimerSet(
                                "escalation-ack", "esc:" + n + ":" + at.toEpochMilli(), at.plusSeconds(300)),
                        new StateChange.Audited(new AuditEntry(
                                at, UserId.of("res-dec"), "/上报", Optional.of(FOCUS), AuditEntry.Result.DONE, "手动上报"))),
                List.of(new OutboxMessage(
                        "APP_CARD", "sw-dec", "{\"title\":\"【紧急转介 #" + n + "】\",\"taskId\":\"esc_" + n + "_1_0\"}")));
    }

    @Test
    void theWholeEscalationDecisionIsCommittedWithTheInboxRowsDone() {
        long n = escalations.nextNumber();
        Instant at = clock.instant();
        long id = row();

        assertThat(dispatch.commit(List.of(crisisDecision(id, n, at)))).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT status FROM inbox WHERE id = ?", String.class, id))
                .isEqualTo("DONE");
        assertThat(escalations.find(n)).isPresent();
        assertThat(escalations.unresolvedFor(UserId.of("res-dec"), Optional.of(FOCUS)))
                .map(Escalation::number)
                .contains(n);
        assertThat(escalations.timeline(n))
                .extracting(StateChange.EscalationStep::kind)
                .containsExactly("opened", "notified");
        assertThat(count("SELECT COUNT(*) FROM timer WHERE subject = ?", "esc:" + n + ":" + at.toEpochMilli()))
                .isEqualTo(1);
        assertThat(timers.due(10)).as("not due for five minutes").isEmpty();
        clock.advance(Duration.ofSeconds(300));
        assertThat(dueSubjects()).containsExactly("esc:" + n + ":" + at.toEpochMilli());
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE inbox_id = ? AND kind = 'APP_CARD'", id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT body FROM outbox WHERE inbox_id = ?", String.class, id))
                .startsWith("v1:")
                .doesNotContain("紧急转介");

        // the same row decided again (a second worker): nothing is applied twice
        assertThat(dispatch.commit(List.of(crisisDecision(id, n, at)))).isZero();
        assertThat(escalations.timeline(n)).hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM timer")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
    }

    @Test
    void anEscalationDecisionThatCannotBeStoredLeavesNoEscalationTimerOrCard() {
        long n = escalations.nextNumber();
        Instant at = clock.instant();
        long id = row();
        Decision good = crisisDecision(id, n, at);
        List<StateChange> changes = new ArrayList<>(good.changes());
        // longer than bot_group.name: the database refuses it, after the escalation's changes were written
        changes.add(new StateChange.GroupRegistered(
                FOCUS, "名".repeat(300), "FOCUS_SERVICE", Channel.AIBOT, UserId.of("adm"), at));
        Decision bad = new Decision(id, changes, good.messages());

        assertThatThrownBy(() -> dispatch.commit(List.of(bad))).isInstanceOf(RuntimeException.class);

        assertThat(jdbc.queryForObject("SELECT status FROM inbox WHERE id = ?", String.class, id))
                .as("decided again later")
                .isEqualTo("NEW");
        assertThat(escalations.find(n)).isEmpty();
        assertThat(escalations.unresolvedFor(UserId.of("res-dec"), Optional.of(FOCUS)))
                .isEmpty();
        assertThat(count("SELECT COUNT(*) FROM escalation_step")).isZero();
        assertThat(count("SELECT COUNT(*) FROM timer")).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isZero();

        // decided again, the good decision goes through whole
        assertThat(dispatch.commit(List.of(good))).isEqualTo(1);
        assertThat(escalations.find(n)).isPresent();
        assertThat(count("SELECT COUNT(*) FROM timer")).isEqualTo(1);
    }

    @Test
    void anAcknowledgementCommittedAfterTheChainMovedOnIsStoredAndTheOldTimerStaysHarmless() {
        // the decision of a click: the escalation acknowledged, a step; the pending timer is left as it was
        long n = escalations.nextNumber();
        Instant at = clock.instant();
        assertThat(dispatch.commit(List.of(crisisDecision(row(), n, at)))).isEqualTo(1);
        Escalation e = escalations.find(n).orElseThrow();

        Instant click = at.plusSeconds(60);
        commit(
                saved(e.with(EscalationState.ACKNOWLEDGED, 0, 0, Optional.of(UserId.of("sw-dec")), click)),
                new StateChange.EscalationStep(n, click, Optional.of(UserId.of("sw-dec")), "acknowledged", ""));

        Escalation acked = escalations.find(n).orElseThrow();
        assertThat(acked.state()).isEqualTo(EscalationState.ACKNOWLEDGED);
        assertThat(acked.owner()).contains(UserId.of("sw-dec"));
        assertThat(acked.updatedAt())
                .as("no longer the time in the timer's subject: the timer is stale when it fires")
                .isEqualTo(click)
                .isNotEqualTo(at);
        assertThat(escalations.timeline(n))
                .extracting(StateChange.EscalationStep::kind, StateChange.EscalationStep::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("opened", Optional.<UserId>empty()),
                        org.assertj.core.groups.Tuple.tuple("notified", Optional.<UserId>empty()),
                        org.assertj.core.groups.Tuple.tuple("acknowledged", Optional.of(UserId.of("sw-dec"))));
    }

    @Test
    void aChangeToAnEscalationSomeoneElseChangedSinceIsRefusedAndRolledBackWhole() {
        long n = escalations.nextNumber();
        Instant at = clock.instant();
        assertThat(dispatch.commit(List.of(crisisDecision(row(), n, at)))).isEqualTo(1);
        Escalation read = escalations.find(n).orElseThrow();
        // a click is committed first …
        Instant click = at.plusSeconds(60);
        commit(StateChange.EscalationSaved.replacing(
                read, read.with(EscalationState.ACKNOWLEDGED, 0, 0, Optional.of(UserId.of("sw-first")), click)));
        long steps = count("SELECT COUNT(*) FROM escalation_step WHERE escalation = ?", n);

        // … then a timer's decision made on the same old read arrives: it must not undo the acknowledgement
        long inboxRow = row();
        Decision stale = new Decision(
                inboxRow,
                List.of(
                        StateChange.EscalationSaved.replacing(
                                read, read.with(EscalationState.OPEN, 1, 0, Optional.empty(), click.plusMillis(1))),
                        new StateChange.EscalationStep(n, click, Optional.empty(), "escalated", "level 1")),
                List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dispatch.commit(List.of(stale)))
                .isInstanceOf(org.sanshe.bot.storage.escalation.MybatisEscalations.ConcurrentEscalationChange.class);

        Escalation now = escalations.find(n).orElseThrow();
        assertThat(now.state()).isEqualTo(EscalationState.ACKNOWLEDGED);
        assertThat(now.owner()).contains(UserId.of("sw-first"));
        assertThat(count("SELECT COUNT(*) FROM escalation_step WHERE escalation = ?", n))
                .isEqualTo(steps);
        assertThat(count("SELECT COUNT(*) FROM inbox WHERE id = ? AND status = 'NEW'", inboxRow))
                .as("the event is decided again")
                .isEqualTo(1);
    }

    @Test
    void aWatchNoteKeepsItsBasisAndARaiseStoresTheUrgentFindingWithItsWordsEncrypted() {
        long n = escalations.nextNumber();
        Instant at = clock.instant();
        Escalation watch = new Escalation(
                n,
                Optional.of(FOCUS),
                UserId.of("res-watch"),
                "FALL_OR_LOST",
                1,
                "跌倒（已缓解）",
                "我妈昨天摔了一跤，拍了片子没事",
                EscalationState.WATCH,
                0,
                0,
                Optional.empty(),
                at,
                at);
        commit(saved(watch));
        Escalation read = escalations.find(n).orElseThrow();
        assertThat(read.state()).isEqualTo(EscalationState.WATCH);
        assertThat(read.basis()).isEqualTo("跌倒（已缓解）");
        assertThat(escalations.unresolvedFor(UserId.of("res-watch"), Optional.of(FOCUS)))
                .get()
                .extracting(Escalation::number)
                .isEqualTo(n);

        Instant later = at.plusSeconds(30);
        commit(StateChange.EscalationSaved.replacing(
                read,
                read.withFinding("FALL_OR_LOST", 3, "跌倒后起不来", "我妈又摔倒了起不来")
                        .with(EscalationState.OPEN, 0, 0, Optional.empty(), later)));
        Escalation raised = escalations.find(n).orElseThrow();
        assertThat(raised.state()).isEqualTo(EscalationState.OPEN);
        assertThat(raised.severity()).isEqualTo(3);
        assertThat(raised.basis()).isEqualTo("跌倒后起不来");
        assertThat(raised.excerpt()).isEqualTo("我妈又摔倒了起不来");
        assertThat(jdbc.queryForObject("SELECT excerpt FROM escalation WHERE id = ?", String.class, n))
                .doesNotContain("摔倒");

        Escalation longReason = escalations.find(n).orElseThrow();
        commit(StateChange.EscalationSaved.replacing(
                longReason,
                longReason
                        .withFinding("FALL_OR_LOST", 3, "很长的理由".repeat(60), "我妈又摔倒了起不来")
                        .with(EscalationState.OPEN, 0, 0, Optional.empty(), later.plusSeconds(1))));
        assertThat(escalations.find(n).orElseThrow().basis())
                .as("cut, not refused")
                .hasSize(200);
    }

    @Test
    void feedbackIsKeptEncryptedOnePerPersonAndEscalationTheLaterReplacingAndReadBackForTheExport() {
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        commit(new StateChange.FeedbackGiven(
                41,
                UserId.of("sw-fb"),
                org.sanshe.bot.core.escalation.Feedback.USEFUL,
                t,
                "這部劇看得我不想活了",
                "这部剧看得我不想活了",
                "SELF_HARM",
                3,
                "词语「不想活」",
                true));
        commit(new StateChange.FeedbackGiven(
                41,
                UserId.of("sw-fb"),
                org.sanshe.bot.core.escalation.Feedback.FALSE_ALARM,
                t.plusSeconds(60),
                "這部劇看得我不想活了",
                "这部剧看得我不想活了",
                "SELF_HARM",
                3,
                "词语「不想活」",
                true));
        commit(new StateChange.FeedbackGiven(
                42,
                UserId.of("sw-fb"),
                org.sanshe.bot.core.escalation.Feedback.USEFUL,
                t.plusSeconds(120),
                "我妈昨天摔倒了，现在没事了",
                "我妈昨天摔倒了,现在没事了",
                "FALL_OR_LOST",
                1,
                "词语「摔倒」（已缓解）",
                false));

        assertThat(count("SELECT COUNT(*) FROM escalation_feedback")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT CONCAT(text, normalised) FROM escalation_feedback", String.class)
                        .toString())
                .doesNotContain("不想活")
                .doesNotContain("摔倒");
        var read = escalations.feedbackSince(t, 100);
        assertThat(read)
                .extracting(f -> f.number() + ":" + f.verdict() + ":" + f.urgent())
                .containsExactly("41:FALSE_ALARM:true", "42:USEFUL:false");
        assertThat(read.get(0).text()).isEqualTo("這部劇看得我不想活了");
        assertThat(read.get(0).normalised()).isEqualTo("这部剧看得我不想活了");
        assertThat(read.get(1).basis()).isEqualTo("词语「摔倒」（已缓解）");
        assertThat(escalations.feedbackSince(t.plusSeconds(90), 100)).hasSize(1);
    }

    // --- rule breaches (V5) -----------------------------------------------------------------------------------------

    @Test
    void breachesAreRecordedWithTheDecisionAndReadBackPerMemberAndGroupOldestFirst() {
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        UserId member = UserId.of("res-501");
        commit(
                new StateChange.BreachRecorded(FOCUS, member, "ADVERTISING", t, true, true),
                new StateChange.BreachRecorded(FOCUS, member, "PRIVATE_INFO", t, true, false));
        commit(new StateChange.BreachRecorded(FOCUS, member, "ADVERTISING", t.plusSeconds(60), false, false));
        commit(new StateChange.BreachRecorded(OTHER, member, "ADVERTISING", t, true, true));
        commit(new StateChange.BreachRecorded(FOCUS, UserId.of("res-502"), "RUMOUR", t, true, true));

        var read = breaches.since(FOCUS, member, t);
        assertThat(read)
                .extracting(b -> b.rule() + "@" + b.at().getEpochSecond() + ":" + b.acted() + "/" + b.warned())
                .containsExactly(
                        "ADVERTISING@" + t.getEpochSecond() + ":true/true",
                        "PRIVATE_INFO@" + t.getEpochSecond() + ":true/false",
                        "ADVERTISING@" + (t.getEpochSecond() + 60) + ":false/false");
        assertThat(breaches.since(FOCUS, member, t.plusSeconds(1))).hasSize(1);
        assertThat(breaches.since(OTHER, UserId.of("res-502"), t)).isEmpty();
    }

    // --- coalescing windows and held notices (V5) -------------------------------------------------------------------

    @Test
    void aWindowIsOpenedOnceMovedOnlyFromTheVersionReadAndAStaleDecisionIsRolledBackWhole() {
        UserId zhang = UserId.of("sw-window");
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        assertThat(escalations.pagerOf(zhang)).isEmpty();
        commit(new StateChange.PagerSaved(zhang, t.plusSeconds(60), 1, Optional.empty()));
        var read = escalations.pagerOf(zhang).orElseThrow();
        assertThat(read.quietUntil()).isEqualTo(t.plusSeconds(60));
        assertThat(read.sent()).isEqualTo(1);

        // a second decision that also read "no window" (two crises at once) is refused, with everything it held
        long other = row();
        Decision alsoFirst = new Decision(
                other,
                List.of(
                        new StateChange.PagerSaved(zhang, t.plusSeconds(61), 1, Optional.empty()),
                        new StateChange.NoticeHeld(zhang, 77, t)),
                List.of());
        assertThatThrownBy(() -> dispatch.commit(List.of(alsoFirst)))
                .isInstanceOf(MybatisEscalations.ConcurrentEscalationChange.class);
        assertThat(escalations.heldFor(zhang)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM inbox WHERE id = ? AND status = 'NEW'", other))
                .isEqualTo(1);

        // holding confirms the window at the version read; a summary then moves it on
        commit(
                new StateChange.PagerSaved(zhang, read.quietUntil(), 1, Optional.of(read.version())),
                new StateChange.NoticeHeld(zhang, 5, t.plusSeconds(10)),
                new StateChange.NoticeHeld(zhang, 6, t.plusSeconds(20)));
        assertThat(escalations.heldFor(zhang)).containsExactly(5L, 6L);
        assertThatThrownBy(() ->
                        commit(new StateChange.PagerSaved(zhang, t.plusSeconds(120), 1, Optional.of(read.version()))))
                .as("read before the hold: stale")
                .isInstanceOf(MybatisEscalations.ConcurrentEscalationChange.class);
        var now = escalations.pagerOf(zhang).orElseThrow();
        commit(
                new StateChange.NoticesReleased(zhang, t.plusSeconds(60)),
                new StateChange.PagerSaved(zhang, t.plusSeconds(120), 2, Optional.of(now.version())));
        assertThat(escalations.heldFor(zhang)).isEmpty();
        assertThat(escalations.pagerOf(zhang).orElseThrow().quietUntil()).isEqualTo(t.plusSeconds(120));
        assertThat(escalations.pagerOf(zhang).orElseThrow().sent()).isEqualTo(2);
        assertThat(escalations.heldFor(UserId.of("sw-someone-else"))).isEmpty();
    }

    // --- nickname records (V7) --------------------------------------------------------------------------------------

    @Test
    void nicknameRecordsAreKeptPerGroupAndMemberEncryptedChangedInPlaceAndForgotten() {
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        UserId wang = UserId.of("wm801");
        var first = new org.sanshe.bot.core.port.NicknameRecords.NicknameRecord(
                Optional.of("5栋801"), false, Optional.of("5--801"), t, 1, Optional.of(t), false, t);
        commit(
                new StateChange.NicknameRecorded(FOCUS, wang, first),
                new StateChange.NicknameRecorded(
                        FOCUS,
                        UserId.of("wm703"),
                        new org.sanshe.bot.core.port.NicknameRecords.NicknameRecord(
                                Optional.empty(), false, Optional.empty(), t, 0, Optional.empty(), true, t)));
        assertThat(nicknames.in(FOCUS).get(wang)).isEqualTo(first);
        assertThat(nicknames.in(FOCUS).get(UserId.of("wm703")).nickname()).isEmpty();
        assertThat(nicknames.in(OTHER)).isEmpty();
        assertThat(jdbc.queryForList("SELECT nickname FROM nickname_record WHERE member = 'wm801'", String.class))
                .singleElement()
                .satisfies(v -> assertThat(v).startsWith("v1:").doesNotContain("801"));
        assertThat(jdbc.queryForList("SELECT household FROM nickname_record WHERE member = 'wm801'", String.class))
                .singleElement()
                .satisfies(v -> assertThat(v).startsWith("v1:"));

        var fixed = new org.sanshe.bot.core.port.NicknameRecords.NicknameRecord(
                Optional.of("5栋801-租住"), true, Optional.of("5--801"), t.plusSeconds(60), 0, Optional.empty(), false, t);
        commit(
                new StateChange.NicknameRecorded(FOCUS, wang, fixed),
                new StateChange.NicknameForgotten(FOCUS, UserId.of("wm703")));
        assertThat(nicknames.in(FOCUS)).containsOnlyKeys(wang);
        assertThat(nicknames.in(FOCUS).get(wang)).isEqualTo(fixed);

        commit(new StateChange.NicknameRecorded(OTHER, wang, first));
        assertThat(nicknames.of(wang)).containsOnlyKeys(FOCUS, OTHER);
        assertThat(nicknames.of(wang).get(FOCUS)).isEqualTo(fixed);
        assertThat(nicknames.of(wang).get(OTHER)).isEqualTo(first);

        assertThat(nicknames.lastDraft(FOCUS)).isEmpty();
        commit(new StateChange.NicknameDraftMade(FOCUS, t));
        commit(new StateChange.NicknameDraftMade(FOCUS, t.plusSeconds(86_400)));
        assertThat(nicknames.lastDraft(FOCUS)).contains(t.plusSeconds(86_400));
        assertThat(nicknames.lastDraft(OTHER)).isEmpty();
    }
}
