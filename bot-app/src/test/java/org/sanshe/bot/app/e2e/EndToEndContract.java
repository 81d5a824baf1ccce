package org.sanshe.bot.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.support.FakeWeComServer;
import org.sanshe.bot.app.support.WeComCallbacks;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole pipeline through its real edges: an encrypted, signed callback over HTTP → inbox → dispatcher → core →
 * outbox → the real weixin-java-cp client (app messages) or one response_url POST (AI bot) → a fake WeCom HTTP server.
 * Run on the embedded default and, as {@code *IT}, on MariaDB + Redis in the {@code prod} profile.
 */
abstract class EndToEndContract {
    static final FakeWeComServer FAKE = new FakeWeComServer();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    MybatisGroups groups;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    WeComCallbacks wecom;

    @BeforeEach
    void client() {
        wecom = new WeComCallbacks(port);
    }

    private FakeWeComServer.Call awaitResponse(String code) throws InterruptedException {
        var calls = FAKE.await(
                c -> c.path().equals("/cgi-bin/aibot/response") && c.query().endsWith("response_code=" + code),
                1,
                WAIT);
        assertThat(calls).as("a reply at the response_url").hasSize(1);
        return calls.get(0);
    }

    @Test
    void answersHelpInAGroupThroughTheMessagesResponseUrl() throws Exception {
        String code = WeComCallbacks.uniqueId();
        var ack = wecom.postAibot(
                WeComCallbacks.aibotGroupText("m" + code, "wrE2E1", "res-e2e-1", "@三社助手 ／帮助", FAKE.responseUrl(code)));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        var reply = awaitResponse(code);
        assertThat(reply.body().path("msgtype").asText()).isEqualTo("markdown");
        assertThat(reply.body().path("markdown").path("content").asText()).contains("/我是谁", "/帮助");
    }

    @Test
    void answersAPrivateAppMessageThroughTheRealClientsMessageSend() throws Exception {
        String user = "res-e2e-" + WeComCallbacks.uniqueId().substring(0, 8);
        var ack = wecom.postApp(WeComCallbacks.appText(Long.toString(System.nanoTime()), user, "/我是谁"));

        assertThat(ack.statusCode()).isEqualTo(200);
        var sends = FAKE.await(
                c -> c.path().equals("/cgi-bin/message/send")
                        && c.body().path("touser").asText().equals(user),
                1,
                WAIT);
        assertThat(sends).hasSize(1);
        var body = sends.get(0).body();
        assertThat(body.path("agentid").asInt()).isEqualTo(1000002);
        assertThat(body.path("msgtype").asText()).isEqualTo("text");
        assertThat(body.path("enable_duplicate_check").asInt()).isEqualTo(1);
        assertThat(body.path("text").path("content").asText()).contains(user, "与我的私聊", "居民");
        assertThat(sends.get(0).query()).contains("access_token=FAKE");
        assertThat(FAKE.calls("/cgi-bin/gettoken")).isNotEmpty();
    }

    @Test
    void actsOnceOnACallbackWeComDeliversThreeTimes() throws Exception {
        String code = WeComCallbacks.uniqueId();
        String plaintext = WeComCallbacks.aibotGroupText(
                "dup" + code, "wrE2E2", "res-e2e-2", "@三社助手 /我是谁", FAKE.responseUrl(code));
        for (int i = 0; i < 3; i++) {
            assertThat(wecom.postAibot(plaintext).statusCode()).isEqualTo(200);
        }
        awaitResponse(code);
        Thread.sleep(500); // a second reply, if there were one, would come from the same batch
        assertThat(FAKE.calls("/cgi-bin/aibot/response").stream()
                        .filter(c -> c.query().endsWith(code))
                        .count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inbox WHERE dedup_key = ?", Long.class, "aibot:dup" + code))
                .isEqualTo(1);
    }

    @Test
    void refusesATamperedCallbackAndChangesNothing() throws Exception {
        String code = WeComCallbacks.uniqueId();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
        var ack = wecom.postAibotTampered(
                WeComCallbacks.aibotGroupText("bad" + code, "wrE2E3", "res-e2e-3", "/帮助", FAKE.responseUrl(code)));
        assertThat(ack.statusCode()).isEqualTo(403);
        assertThat(ack.body()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class))
                .isEqualTo(before);
    }

    @Test
    void tellsAMemberTheRolesStorageGrantsThemInARegisteredGroup() throws Exception {
        groups.register(ChatId.of("wrE2EFocus"), "幸福里聚焦服务群", "FOCUS_SERVICE", Channel.AIBOT);
        groups.grant(
                UserId.of("sw-e2e"), Role.SOCIAL_WORKER, Optional.of(ChatId.of("wrE2EFocus")), UserId.of("e2e-admin"));
        String code = WeComCallbacks.uniqueId();
        wecom.postAibot(WeComCallbacks.aibotGroupText(
                "who" + code, "wrE2EFocus", "sw-e2e", "@三社助手 /我是谁", FAKE.responseUrl(code)));

        String text =
                awaitResponse(code).body().path("markdown").path("content").asText();
        assertThat(text).contains("sw-e2e", "幸福里聚焦服务群", "聚焦服务群", "社工");
    }

    @Test
    void keepsTheMessageEncryptedAtRest() throws Exception {
        String code = WeComCallbacks.uniqueId();
        wecom.postAibot(WeComCallbacks.aibotGroupText(
                "enc" + code, "wrE2E4", "res-e2e-4", "@三社助手 /帮助 我的电话13800138000", FAKE.responseUrl(code)));
        awaitResponse(code);
        String stored =
                jdbc.queryForObject("SELECT payload FROM inbox WHERE dedup_key = ?", String.class, "aibot:enc" + code);
        assertThat(stored).startsWith("v1:").doesNotContain("13800138000").doesNotContain("帮助");
        assertThat(jdbc.queryForList("SELECT body FROM outbox", String.class)).allMatch(b -> b.startsWith("v1:"));
    }

    @Test
    void retriesWhenWeComIsBusyAndDeliversTheReplyOnce() throws Exception {
        String code = WeComCallbacks.uniqueId();
        FAKE.fail(code, -1, 1); // system busy
        FAKE.fail(code, 45033, 1); // too many concurrent calls
        wecom.postAibot(WeComCallbacks.aibotGroupText(
                "busy" + code, "wrE2E5", "res-e2e-5", "@三社助手 /帮助", FAKE.responseUrl(code)));

        var calls = FAKE.await(c -> c.query() != null && c.query().endsWith(code), 3, WAIT);
        assertThat(calls).as("two refusals, then the delivery").hasSize(3);
        String sql = "SELECT o.status FROM outbox o JOIN inbox i ON o.inbox_id = i.id WHERE i.dedup_key = ?";
        String status = "";
        for (int i = 0; i < 100 && !"SENT".equals(status); i++) {
            Thread.sleep(50);
            status = jdbc.queryForObject(sql, String.class, "aibot:busy" + code);
        }
        assertThat(status).isEqualTo("SENT");
        Thread.sleep(300);
        assertThat(FAKE.calls().stream()
                        .filter(c -> c.query() != null && c.query().endsWith(code))
                        .count())
                .as("nothing after the successful delivery")
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT o.attempts FROM outbox o JOIN inbox i ON o.inbox_id = i.id WHERE i.dedup_key = ?",
                        Integer.class,
                        "aibot:busy" + code))
                .isEqualTo(3);
    }

    @Test
    void keepsAMessageThatCanNeverBeDeliveredAsFailedAndCountsIt() throws Exception {
        String code = WeComCallbacks.uniqueId();
        FAKE.fail(code, 93000, 1); // not retryable: e.g. an invalid response_url
        wecom.postAibot(WeComCallbacks.aibotGroupText(
                "fail" + code, "wrE2E6", "res-e2e-6", "@三社助手 /帮助", FAKE.responseUrl(code)));

        String sql = "SELECT o.status FROM outbox o JOIN inbox i ON o.inbox_id = i.id WHERE i.dedup_key = ?";
        String status = "";
        for (int i = 0; i < 300 && !"FAILED".equals(status); i++) {
            Thread.sleep(50);
            var rows = jdbc.queryForList(sql, String.class, "aibot:fail" + code);
            status = rows.isEmpty() ? "" : rows.get(0);
        }
        assertThat(status).isEqualTo("FAILED");
        assertThat(FAKE.calls().stream()
                        .filter(c -> c.query() != null && c.query().endsWith(code))
                        .count())
                .as("tried once, not retried")
                .isEqualTo(1);
        assertThat(meters.find("bot.delivery").tag("outcome", "failed").counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isPositive());
    }
}
