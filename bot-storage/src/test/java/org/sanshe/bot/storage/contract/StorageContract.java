package org.sanshe.bot.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.dispatch.StoredEvent;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.outbox.ClaimedMessage;
import org.sanshe.bot.storage.outbox.OutboxStore;
import org.sanshe.bot.storage.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What storage promises the pipeline, run unchanged on H2 (the embedded default) and on real MariaDB/MySQL (the
 * {@code *IT} subclass): one stored copy per event, payloads encrypted, partitions held by one node at a time, decisions
 * committed once, outbox rows claimed by one worker at a time and given back when a worker disappears.
 */
abstract class StorageContract {
    private static final Duration LEASE = Duration.ofSeconds(15);

    @Autowired
    @Qualifier("inbox")
    Inbox inbox;

    @Autowired
    DispatchStore dispatch;

    @Autowired
    OutboxStore outbox;

    @Autowired
    MybatisGroups groups;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        for (String t : List.of(
                "inbox", "outbox", "dispatch_lease", "dispatch_node", "bot_group", "group_member", "role_grant")) {
            jdbc.update("DELETE FROM " + t);
        }
        dispatch.ensurePartitions();
    }

    private InboxEntry entry(String key, String orderingKey, String payload) {
        return new InboxEntry(key, Channel.AIBOT, orderingKey, payload, clock.instant());
    }

    @Test
    void storesAnEventOnceHoweverOftenWeComDeliversIt() {
        assertThat(inbox.accept(entry("aibot:m1", "g:wr1", "{\"a\":1}"))).isTrue();
        assertThat(inbox.accept(entry("aibot:m1", "g:wr1", "{\"a\":1}"))).isFalse();
        assertThat(inbox.accept(entry("aibot:m1", "g:wr1", "{\"a\":1}"))).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class))
                .isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneEventStoreItExactlyOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return inbox.accept(entry("aibot:race", "g:wr1", "payload"));
            }));
        }
        start.countDown();
        int fresh = 0;
        for (Future<Boolean> f : results) {
            fresh += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(fresh).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE dedup_key = 'aibot:race'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void keepsTheMessageTextEncryptedAtRest() {
        inbox.accept(entry("aibot:secret", "p:u1", "我不想活了 13800138000"));
        String stored = jdbc.queryForObject("SELECT payload FROM inbox WHERE dedup_key = 'aibot:secret'", String.class);
        assertThat(stored).startsWith("v1:").doesNotContain("不想活").doesNotContain("13800138000");
        int part = dispatch.partitions().of("p:u1");
        assertThat(dispatch.pending(part, 10))
                .singleElement()
                .extracting(StoredEvent::payload)
                .isEqualTo("我不想活了 13800138000");
    }

    @Test
    void givesAPartitionsPendingEventsInArrivalOrder() {
        for (int i = 0; i < 5; i++) {
            inbox.accept(entry("aibot:o" + i, "g:wrOrder", "p" + i));
        }
        int part = dispatch.partitions().of("g:wrOrder");
        assertThat(dispatch.pending(part, 10))
                .extracting(StoredEvent::payload)
                .containsExactly("p0", "p1", "p2", "p3", "p4");
        assertThat(dispatch.pending(part, 2)).extracting(StoredEvent::payload).containsExactly("p0", "p1");
    }

    @Test
    void onlyOneNodeHoldsAPartitionUntilItsLeaseRunsOut() {
        assertThat(dispatch.acquire(3, "node-a", LEASE)).isTrue();
        assertThat(dispatch.acquire(3, "node-b", LEASE)).isFalse();
        assertThat(dispatch.acquire(3, "node-a", LEASE)).as("renewal").isTrue();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(dispatch.free()).contains(3);
        assertThat(dispatch.acquire(3, "node-b", LEASE))
                .as("take-over after expiry")
                .isTrue();
        assertThat(dispatch.owned("node-a")).doesNotContain(3);
        assertThat(dispatch.owned("node-b")).contains(3);
    }

    @Test
    void aReleasedPartitionIsFreeAtOnce() {
        dispatch.acquire(5, "node-a", LEASE);
        dispatch.release(5, "node-a");
        assertThat(dispatch.acquire(5, "node-b", LEASE)).isTrue();
    }

    @Test
    void countsLiveNodesByHeartbeat() {
        assertThat(dispatch.heartbeat("node-a", LEASE)).isEqualTo(1);
        assertThat(dispatch.heartbeat("node-b", LEASE)).isEqualTo(2);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(dispatch.heartbeat("node-b", LEASE))
                .as("node-a stopped beating")
                .isEqualTo(1);
    }

    @Test
    void commitsStateOutboxAndDoneTogetherAndOnlyOnce() {
        inbox.accept(entry("aibot:c1", "g:wrC", "x"));
        long id = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'aibot:c1'", Long.class);
        Decision d = new Decision(
                id,
                List.of(new StateChange.MemberSeen(ChatId.of("wrC"), UserId.of("u1"), clock.instant())),
                List.of(new OutboxMessage(
                        "AIBOT_RESPONSE", "http://127.0.0.1/cgi-bin/aibot/response?response_code=a", "您好")));

        assertThat(dispatch.commit(List.of(d))).isEqualTo(1);
        assertThat(dispatch.commit(List.of(d)))
                .as("a second worker with the same row")
                .isZero();

        assertThat(jdbc.queryForObject("SELECT status FROM inbox WHERE id = ?", String.class, id))
                .isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM group_member WHERE chat_id = 'wrC'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT body FROM outbox", String.class))
                .startsWith("v1:")
                .doesNotContain("您好");
    }

    @Test
    void aBatchWithARowAnotherWorkerFinishedAppliesOnlyTheOthers() {
        inbox.accept(entry("aibot:b1", "g:wrB", "x"));
        inbox.accept(entry("aibot:b2", "g:wrB", "y"));
        long first = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'aibot:b1'", Long.class);
        long second = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'aibot:b2'", Long.class);
        OutboxMessage reply = new OutboxMessage("APP_TEXT", "u1", "好的");
        dispatch.commit(List.of(new Decision(first, List.of(), List.of(reply))));

        int applied = dispatch.commit(List.of(
                new Decision(first, List.of(), List.of(reply)), new Decision(second, List.of(), List.of(reply))));

        assertThat(applied).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT inbox_id FROM outbox ORDER BY inbox_id", Long.class))
                .containsExactly(first, second);
    }

    @Test
    void setsAsideARowThatCannotBeDecryptedSoItsPartitionMovesOn() {
        inbox.accept(entry("aibot:k1", "g:wrK", "first"));
        inbox.accept(entry("aibot:k2", "g:wrK", "second"));
        jdbc.update("UPDATE inbox SET payload = 'v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE dedup_key = 'aibot:k1'");
        int part = dispatch.partitions().of("g:wrK");

        assertThat(dispatch.pending(part, 10)).isEmpty();
        assertThat(dispatch.countInbox("FAILED")).isEqualTo(1);
        assertThat(dispatch.pending(part, 10)).extracting(StoredEvent::payload).containsExactly("second");
    }

    @Test
    void knowsWhichPartitionsHaveWork() {
        Set<Integer> expected = new HashSet<>();
        for (String key : List.of("g:wrW1", "g:wrW2", "g:wrW3", "p:someone")) {
            inbox.accept(entry("aibot:" + key, key, "x"));
            expected.add(dispatch.partitions().of(key));
        }
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(new HashSet<>(dispatch.withWork())).isEqualTo(expected);
    }

    @Test
    void recordsMembersSeenAndGone() {
        inbox.accept(entry("app:ev1", "g:wrM", "x"));
        inbox.accept(entry("app:ev2", "g:wrM", "y"));
        long first = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'app:ev1'", Long.class);
        long second = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'app:ev2'", Long.class);
        Instant at = clock.instant();
        dispatch.commit(List.of(
                new Decision(
                        first, List.of(new StateChange.MemberSeen(ChatId.of("wrM"), UserId.of("wm1"), at)), List.of()),
                new Decision(
                        second,
                        List.of(new StateChange.MembersGone(
                                ChatId.of("wrM"), List.of(UserId.of("wm1")), at.plusSeconds(5))),
                        List.of())));
        assertThat(jdbc.queryForObject("SELECT left_at FROM group_member WHERE user_id = 'wm1'", Long.class))
                .isEqualTo(at.plusSeconds(5).toEpochMilli());
    }

    @Test
    void setsAsideAnEventThatKeepsFailingAfterMaxAttempts() {
        inbox.accept(entry("aibot:poison", "g:wrP", "x"));
        long id = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'aibot:poison'", Long.class);
        dispatch.recordFailure(id, "IllegalStateException", 3);
        dispatch.recordFailure(id, "IllegalStateException", 3);
        assertThat(dispatch.countInbox("NEW")).isEqualTo(1);
        dispatch.recordFailure(id, "IllegalStateException", 3);
        assertThat(dispatch.countInbox("FAILED")).isEqualTo(1);
        assertThat(dispatch.pending(dispatch.partitions().of("g:wrP"), 10)).isEmpty();
    }

    private void outboxRows(int n) {
        for (int i = 0; i < n; i++) {
            inbox.accept(entry("aibot:ob" + i, "g:wrO" + i, "x"));
        }
        List<Decision> ds = new ArrayList<>();
        for (var row : jdbc.queryForList("SELECT id FROM inbox WHERE dedup_key LIKE 'aibot:ob%'", Long.class)) {
            ds.add(new Decision(row, List.of(), List.of(new OutboxMessage("APP_TEXT", "user" + row, "消息" + row))));
        }
        dispatch.commit(ds);
    }

    @Test
    void twoWorkersNeverClaimTheSameOutboxRow() throws Exception {
        outboxRows(60);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(() -> {
                List<ClaimedMessage> got;
                while (!(got = outbox.claimDue(7, Duration.ofMinutes(1))).isEmpty()) {
                    for (ClaimedMessage m : got) {
                        if (!seen.add(m.id())) {
                            synchronized (duplicates) {
                                duplicates.add(m.id());
                            }
                        }
                        outbox.markSent(m, "ok");
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(workers)) {
            f.get();
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(60);
        assertThat(outbox.count("SENT")).isEqualTo(60);
    }

    @Test
    void aCrashedWorkersClaimComesBackAfterItsLeaseAndItCanNoLongerMarkIt() {
        outboxRows(1);
        ClaimedMessage first = outbox.claimDue(10, Duration.ofSeconds(60)).get(0);
        assertThat(outbox.claimDue(10, Duration.ofSeconds(60))).as("held").isEmpty();
        clock.advance(Duration.ofSeconds(61));
        ClaimedMessage second = outbox.claimDue(10, Duration.ofSeconds(60)).get(0);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(outbox.markSent(first, "late")).as("the stale claim").isFalse();
        assertThat(outbox.markSent(second, "ok")).isTrue();
        assertThat(outbox.count("SENT")).isEqualTo(1);
    }

    @Test
    void aClaimSaysWhetherThePreviousAttemptMayHaveReachedThePlatformUnanswered() {
        outboxRows(3);
        List<ClaimedMessage> first = outbox.claimDue(10, Duration.ofSeconds(60));
        assertThat(first).allSatisfy(m -> {
            assertThat(m.previousError()).isNull();
            assertThat(m.previousAttemptUnanswered()).isFalse();
        });
        outbox.retryAt(first.get(0), clock.instant(), "message/send errcode -1");
        outbox.retryAt(first.get(1), clock.instant(), ClaimedMessage.UNANSWERED + "response_url: HttpTimeoutException");
        // the third one's holder stops without a word: its lease runs out
        clock.advance(Duration.ofSeconds(61));
        var second = outbox.claimDue(10, Duration.ofSeconds(60)).stream()
                .collect(java.util.stream.Collectors.toMap(ClaimedMessage::id, m -> m));
        assertThat(second).hasSize(3);
        assertThat(second.get(first.get(0).id()).previousError()).isEqualTo("message/send errcode -1");
        assertThat(second.get(first.get(0).id()).previousAttemptUnanswered()).isFalse();
        assertThat(second.get(first.get(1).id()).previousAttemptUnanswered()).isTrue();
        assertThat(second.get(first.get(2).id()).previousError()).isEqualTo("unanswered: lease ran out");
        assertThat(second.get(first.get(2).id()).previousAttemptUnanswered()).isTrue();
        assertThat(second.values()).allSatisfy(m -> assertThat(m.attempt()).isEqualTo(2));
    }

    @Test
    void aRetryWaitsForItsTimeAndAFailureIsKept() {
        outboxRows(2);
        List<ClaimedMessage> claimed = outbox.claimDue(10, Duration.ofSeconds(60));
        assertThat(claimed).hasSize(2);
        assertThat(claimed.get(0).message().body()).startsWith("消息");
        outbox.retryAt(claimed.get(0), clock.instant().plusSeconds(30), "errcode -1");
        outbox.markFailed(claimed.get(1), "errcode 81013");
        assertThat(outbox.claimDue(10, Duration.ofSeconds(60))).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(outbox.claimDue(10, Duration.ofSeconds(60)))
                .singleElement()
                .extracting(ClaimedMessage::id)
                .isEqualTo(claimed.get(0).id());
        assertThat(outbox.count("FAILED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM outbox WHERE status = 'FAILED'", String.class))
                .isEqualTo("errcode 81013");
    }

    @Test
    void aPostponedMessageDoesNotLoseAnAttempt() {
        outboxRows(1);
        ClaimedMessage m = outbox.claimDue(1, Duration.ofSeconds(60)).get(0);
        outbox.postpone(m, clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(11));
        assertThat(outbox.claimDue(1, Duration.ofSeconds(60)).get(0).attempt()).isEqualTo(1);
    }

    @Test
    void registersGroupsOnceAndAnswersRolesFromStoredGrants() {
        assertThat(groups.register(ChatId.of("wrG"), "阳光社区聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT))
                .isTrue();
        assertThat(groups.register(ChatId.of("wrG"), "别的名字", "RESIDENTS", Channel.AIBOT))
                .isFalse();
        assertThat(groups.findByChat(ChatId.of("wrG"))).get().satisfies(g -> {
            assertThat(g.name()).isEqualTo("阳光社区聚焦服务群");
            assertThat(g.typeCode()).isEqualTo("FOCUS_SERVICE");
        });
        assertThat(groups.findByChat(ChatId.of("wrNone"))).isEmpty();

        UserId admin = UserId.of("admin");
        groups.grant(UserId.of("sw1"), Role.SOCIAL_WORKER, Optional.empty(), admin);
        groups.grant(UserId.of("sec1"), Role.SECRETARY, Optional.of(ChatId.of("wrG")), admin);
        assertThat(groups.grant(UserId.of("sec1"), Role.SECRETARY, Optional.of(ChatId.of("wrG")), admin))
                .isFalse();

        assertThat(groups.rolesOf(UserId.of("sw1"), Optional.of(ChatId.of("wrOther"))))
                .containsExactly(Role.SOCIAL_WORKER);
        assertThat(groups.rolesOf(UserId.of("sec1"), Optional.of(ChatId.of("wrG"))))
                .containsExactly(Role.SECRETARY);
        assertThat(groups.rolesOf(UserId.of("sec1"), Optional.of(ChatId.of("wrOther"))))
                .isEmpty();
        assertThat(groups.rolesOf(UserId.of("sec1"), Optional.empty())).isEmpty();
        assertThat(new HashSet<>(groups.rolesOf(UserId.of("nobody"), Optional.empty())))
                .isEmpty();
    }
}
