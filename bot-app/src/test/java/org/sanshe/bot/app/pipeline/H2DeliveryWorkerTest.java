package org.sanshe.bot.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.pipeline.DeliveryResult;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.outbox.ClaimedMessage;
import org.sanshe.bot.storage.outbox.OutboxStore;
import org.sanshe.bot.storage.support.MutableClock;
import org.sanshe.bot.storage.support.StorageTestApplication;
import org.sanshe.bot.wecom.outbound.DeliveryPlanner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a delivery attempt's end is recorded, over the embedded default's storage (H2 in MySQL mode), with a scripted
 * sender: above all an AI-bot reply whose one-use response_url is refused after an attempt that got no answer.
 */
@SpringBootTest(
        classes = StorageTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:deliveryworker;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "bot.storage.data-key=" + StorageTestApplication.DATA_KEY,
            "bot.storage.coordination=local",
            "bot.local.data-dir=${java.io.tmpdir}/sanshe-deliveryworker-test"
        })
class H2DeliveryWorkerTest {
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    OutboxStore outbox;

    @Autowired
    @Qualifier("inbox")
    Inbox inbox;

    @Autowired
    DispatchStore dispatch;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private final Deque<DeliveryResult> script = new ArrayDeque<>();
    private DeliveryWorker worker;

    @BeforeEach
    void setUp() {
        for (String t : List.of("inbox", "outbox", "dispatch_lease", "dispatch_node")) {
            jdbc.update("DELETE FROM " + t);
        }
        script.clear();
        worker = new DeliveryWorker(
                outbox,
                message -> script.remove(),
                (key, limit, window) -> true,
                new BotProperties.Pipeline(
                        2, 50, Duration.ofSeconds(15), Duration.ofMillis(200), 5, 4, LEASE, 8, 25, 10),
                clock,
                new SimpleMeterRegistry());
    }

    private long aibotReply() {
        inbox.accept(new InboxEntry("aibot:dw1", Channel.AIBOT, "g:wrDw", "{}", clock.instant()));
        long inboxId = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'aibot:dw1'", Long.class);
        dispatch.commit(List.of(new Decision(
                inboxId,
                List.of(),
                List.of(new OutboxMessage(
                        DeliveryPlanner.AIBOT_RESPONSE, "https://qyapi.weixin.qq.com/cgi-bin/aibot/response", "好的")))));
        return jdbc.queryForObject("SELECT id FROM outbox", Long.class);
    }

    private ClaimedMessage claim() {
        List<ClaimedMessage> claimed = outbox.claimDue(10, LEASE);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    /** The worker's attempt with the sender answering {@code result}, then the clock past any backoff. */
    private void attempt(ClaimedMessage m, DeliveryResult result) {
        script.add(result);
        worker.deliver(m);
        clock.advance(Duration.ofMinutes(10));
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, platform_id, last_error FROM outbox WHERE id = ?", id);
    }

    @Test
    void ordinaryMessagesStopShortOfTheReserveAndAnUrgentCardStillGoesAtOnce() {
        List<String> sentKinds = new java.util.ArrayList<>();
        var budgeted = new DeliveryWorker(
                outbox,
                message -> {
                    sentKinds.add(message.kind());
                    return new DeliveryResult.Sent("m" + sentKinds.size());
                },
                new org.sanshe.bot.storage.local.LocalRateLimiter(clock),
                new BotProperties.Pipeline(
                        2, 50, Duration.ofSeconds(15), Duration.ofMillis(200), 5, 4, LEASE, 8, 25, 10),
                clock,
                new SimpleMeterRegistry());
        List<OutboxMessage> toZhang = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            toZhang.add(new OutboxMessage(DeliveryPlanner.APP_TEXT, "sw-zhang", "回复 " + i));
        }
        toZhang.add(new OutboxMessage(DeliveryPlanner.APP_NOTE, "sw-zhang", "{}"));
        toZhang.add(new OutboxMessage(DeliveryPlanner.APP_NOTE, "sw-zhang", "{}"));
        for (int i = 0; i < 11; i++) {
            toZhang.add(new OutboxMessage(DeliveryPlanner.APP_CARD, "sw-zhang", "{}"));
        }
        inbox.accept(new InboxEntry("app:budget", Channel.APP, "p:sw-zhang", "{}", clock.instant()));
        long inboxId = jdbc.queryForObject("SELECT id FROM inbox WHERE dedup_key = 'app:budget'", Long.class);
        dispatch.commit(List.of(new Decision(inboxId, List.of(), toZhang)));

        outbox.claimDue(100, LEASE).stream()
                .sorted(java.util.Comparator.comparingLong(ClaimedMessage::id))
                .forEach(budgeted::deliver);

        assertThat(sentKinds)
                .as("15 ordinary messages (the 16th, a note, waits), then 10 of the 11 cards: 25 in the minute")
                .hasSize(25)
                .containsOnlyOnce(DeliveryPlanner.APP_NOTE);
        assertThat(sentKinds.stream().filter(DeliveryPlanner.APP_CARD::equals)).hasSize(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'", Long.class))
                .as("postponed, not dropped")
                .isEqualTo(2);
    }

    @Test
    void aResponseUrlRefusedAfterAnUnansweredAttemptIsRecordedAsDeliveredByIt() {
        long id = aibotReply();
        attempt(claim(), new DeliveryResult.Retry("response_url: HttpTimeoutException", Optional.empty(), true));
        assertThat(row(id).get("status")).isEqualTo("PENDING");
        assertThat((String) row(id).get("last_error")).startsWith(ClaimedMessage.UNANSWERED);

        attempt(claim(), new DeliveryResult.UsedUp("response_url errcode 600039"));

        assertThat(row(id).get("status")).isEqualTo("SENT");
        assertThat(row(id).get("platform_id")).isEqualTo(DeliveryWorker.USED_BY_UNANSWERED_ATTEMPT);
    }

    @Test
    void aResponseUrlRefusedAfterItsHolderStoppedIsRecordedAsDeliveredToo() {
        long id = aibotReply();
        claim(); // the holder is killed here: nothing recorded, the lease runs out
        clock.advance(LEASE.plusSeconds(1));

        attempt(claim(), new DeliveryResult.UsedUp("response_url errcode 600039"));

        assertThat(row(id).get("status")).isEqualTo("SENT");
        assertThat(row(id).get("platform_id")).isEqualTo(DeliveryWorker.USED_BY_UNANSWERED_ATTEMPT);
    }

    @Test
    void aResponseUrlRefusedOnTheFirstAttemptFails() {
        long id = aibotReply();

        attempt(claim(), new DeliveryResult.UsedUp("response_url errcode 600039"));

        assertThat(row(id).get("status")).isEqualTo("FAILED");
        assertThat(row(id).get("last_error")).isEqualTo("response_url errcode 600039");
    }

    @Test
    void aResponseUrlRefusedAfterAnAnsweredFailureFails() {
        long id = aibotReply();
        attempt(claim(), new DeliveryResult.Retry("response_url HTTP 500", Optional.empty()));
        assertThat(row(id).get("last_error")).isEqualTo("response_url HTTP 500");

        attempt(claim(), new DeliveryResult.UsedUp("response_url errcode 600039"));

        assertThat(row(id).get("status")).isEqualTo("FAILED");
    }
}
