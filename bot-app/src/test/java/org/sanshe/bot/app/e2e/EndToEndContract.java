package org.sanshe.bot.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.app.local.LocalArchiveSource;
import org.sanshe.bot.app.pipeline.Dispatcher;
import org.sanshe.bot.app.support.FakeWeComServer;
import org.sanshe.bot.app.support.FakeWeComServer.GroupChatMember;
import org.sanshe.bot.app.support.WeComCallbacks;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.escalation.Escalation;
import org.sanshe.bot.core.escalation.EscalationState;
import org.sanshe.bot.storage.audit.MybatisAuditTrail;
import org.sanshe.bot.storage.escalation.MybatisEscalations;
import org.sanshe.bot.storage.group.MybatisGroups;
import org.sanshe.bot.storage.group.MybatisMembers;
import org.sanshe.bot.wecom.archive.ArchiveSource;
import org.sanshe.bot.wecom.archive.ArchiveTranslator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The whole pipeline through its real edges: an encrypted, signed callback over HTTP → inbox → dispatcher → core →
 * outbox → the real weixin-java-cp client (app messages) or one response_url POST (AI bot) → a fake WeCom HTTP server.
 * Run on the embedded default and, as {@code *IT}, on MariaDB + Redis in the {@code prod} profile.
 */
abstract class EndToEndContract {
    static final FakeWeComServer FAKE = new FakeWeComServer();
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** How long each level of an escalation chain has here: both subclasses set it (checked below). */
    static final String ACK_TIMEOUT = "PT2S";

    static final String TIMER_POLL = "PT0.2S";

    @LocalServerPort
    int port;

    @Autowired
    MybatisGroups groups;

    @Autowired
    MybatisMembers members;

    @Autowired
    MybatisAuditTrail audit;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    BotProperties properties;

    @Autowired
    MybatisEscalations escalations;

    WeComCallbacks wecom;

    /** The chat archive both subclasses read (会话内容存档): in memory, fed by the tests in place of WeCom's. */
    static final LocalArchiveSource ARCHIVE = new LocalArchiveSource(java.time.Clock.systemUTC());

    @TestBean(methodName = "fedArchive")
    ArchiveSource archiveSource;

    static ArchiveSource fedArchive() {
        return ARCHIVE;
    }

    @DynamicPropertySource
    static void archiveFeed(DynamicPropertyRegistry registry) {
        registry.add("bot.archive.enabled", () -> "true");
        registry.add("bot.archive.poll-interval", () -> "PT0.2S");
    }

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
        // only callbacks count: timers of earlier tests' escalations and the archive poller may add rows meanwhile
        String callbacks = "SELECT COUNT(*) FROM inbox WHERE dedup_key LIKE 'aibot:%' OR dedup_key LIKE 'app:%'";
        long before = jdbc.queryForObject(callbacks, Long.class);
        var ack = wecom.postAibotTampered(
                WeComCallbacks.aibotGroupText("bad" + code, "wrE2E3", "res-e2e-3", "/帮助", FAKE.responseUrl(code)));
        assertThat(ack.statusCode()).isEqualTo(403);
        assertThat(ack.body()).isEmpty();
        assertThat(jdbc.queryForObject(callbacks, Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inbox WHERE dedup_key = ?", Long.class, "aibot:bad" + code))
                .isZero();
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
        // the row is marked FAILED just before the failure is counted
        assertThat(poll(
                        () -> {
                            var counter = meters.find("bot.delivery")
                                    .tag("outcome", "failed")
                                    .counter();
                            return counter == null ? 0.0 : counter.count();
                        },
                        n -> n > 0))
                .isPositive();
    }

    // --- issue 3: roles, customer groups, audit -------------------------------------------------------------------

    private static final String LOOKUP = "/cgi-bin/externalcontact/groupchat/get";

    /** A short unique suffix, so that each test's members, groups and rate limits are its own, also on a shared Redis. */
    private static String tag() {
        return WeComCallbacks.uniqueId().substring(0, 10);
    }

    /** A member who is 群管理员 everywhere, granted in storage as an earlier /角色 授予 would have. */
    private void seedAdmin(String admin) {
        groups.grant(UserId.of(admin), Role.ADMIN, Optional.empty(), UserId.of("e2e-seed"));
    }

    /** A registered internal group with a unique name. */
    private Group registeredGroup(String chat, String name) {
        groups.register(ChatId.of(chat), name, "FOCUS_SERVICE", Channel.AIBOT);
        return groups.findByChat(ChatId.of(chat)).orElseThrow();
    }

    /** Posts a signed AI-bot @-message in a group; answers the response_url code its reply will carry. */
    private String postInGroup(String chat, String user, String text) throws Exception {
        String code = WeComCallbacks.uniqueId();
        var ack = wecom.postAibot(
                WeComCallbacks.aibotGroupText("m" + code, chat, user, "@三社助手 " + text, FAKE.responseUrl(code)));
        assertThat(ack.statusCode()).isEqualTo(200);
        return code;
    }

    /** An @-message in a group and the bot's answer to it. */
    private String sayInGroup(String chat, String user, String text) throws Exception {
        return replyText(postInGroup(chat, user, text));
    }

    private String replyText(String code) throws InterruptedException {
        return awaitResponse(code).body().path("markdown").path("content").asText();
    }

    /** A signed private message to the self-built app. */
    private void sayPrivately(String user, String text) throws Exception {
        var ack = wecom.postApp(WeComCallbacks.appText(Long.toString(System.nanoTime()), user, text));
        assertThat(ack.statusCode()).isEqualTo(200);
    }

    private static Predicate<FakeWeComServer.Call> privateMessage(String user, String containing) {
        return c -> c.path().equals("/cgi-bin/message/send")
                && c.body().path("touser").asText().equals(user)
                && c.body().path("text").path("content").asText().contains(containing);
    }

    /** The private message (message/send) to {@code user} whose text contains {@code containing}. */
    private String awaitPrivate(String user, String containing) throws InterruptedException {
        var sends = FAKE.await(privateMessage(user, containing), 1, WAIT);
        assertThat(sends)
                .as("a private message to %s containing %s", user, containing)
                .isNotEmpty();
        return sends.get(0).body().path("text").path("content").asText();
    }

    private static Predicate<FakeWeComServer.Call> lookupOf(String chat) {
        return c -> c.path().equals(LOOKUP) && c.body().path("chat_id").asText().equals(chat);
    }

    /** Asks until the answer satisfies {@code done} or the wait runs out; answers the last value. */
    private static <T> T poll(Callable<T> ask, Predicate<T> done) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        T value = ask.call();
        while (!done.test(value) && System.nanoTime() < end) {
            Thread.sleep(20);
            value = ask.call();
        }
        return value;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void aResidentCannotGrantARoleButAnAdminCanAndTheNewSecretaryThenSeesTheGroupInfo() throws Exception {
        String t = tag();
        String chat = "wrE2ERole" + t;
        String name = "角色测试群" + t;
        registeredGroup(chat, name);
        String admin = "adm-" + t;
        String resident = "res-" + t;
        String member = "mem-" + t;
        seedAdmin(admin);

        assertThat(sayInGroup(chat, member, "/群信息")).as("not a secretary yet").contains("只有群秘书可以查看群信息");
        assertThat(sayInGroup(chat, resident, "/角色 授予 " + member + " 群秘书")).contains("只有群管理员可以授予角色");
        assertThat(groups.rolesOf(UserId.of(member), Optional.of(ChatId.of(chat))))
                .isEmpty();

        assertThat(sayInGroup(chat, admin, "/角色 授予 " + member + " 群秘书"))
                .contains("已授予 " + member + "「群秘书」", "「" + name + "」有效");

        String info = sayInGroup(chat, member, "/群信息");
        assertThat(info).contains("【" + name + "】", "类型：聚焦服务群", "群秘书：" + member).doesNotContain("只有");
        assertThat(groups.rolesOf(UserId.of(member), Optional.of(ChatId.of(chat))))
                .containsExactly(Role.SECRETARY);
        assertThat(groups.rolesOf(UserId.of(member), Optional.of(ChatId.of("wrE2EElsewhere" + t))))
                .as("granted in that group only")
                .isEmpty();
    }

    @Test
    void aCommandRightAfterAGrantInTheSameBatchIsDecidedWithTheNewRole() throws Exception {
        String t = tag();
        String chat = "wrE2EBatch" + t;
        String name = "同批测试群" + t;
        registeredGroup(chat, name);
        String admin = "adm-" + t;
        String member = "mem-" + t;
        seedAdmin(admin);

        // both callbacks are stored before the dispatcher looks, so that they are read as one batch
        String grant;
        String info;
        dispatcher.stop();
        try {
            awaitTheDispatchLoopGone();
            grant = postInGroup(chat, admin, "/角色 授予 账号:" + member + " 群秘书");
            info = postInGroup(chat, member, "/群信息");
            assertThat(count(
                            "SELECT COUNT(*) FROM inbox WHERE status = 'NEW' AND dedup_key IN (?, ?)",
                            "aibot:m" + grant,
                            "aibot:m" + info))
                    .isEqualTo(2);
        } finally {
            dispatcher.start();
        }

        assertThat(replyText(grant)).contains("已授予 " + member + "「群秘书」");
        assertThat(replyText(info))
                .as("answered as a secretary: decided after the grant was committed")
                .contains("【" + name + "】", "群秘书：" + member)
                .doesNotContain("只有群秘书");
    }

    /** The loop of the stopped dispatcher has ended, so that a restart leaves exactly one. */
    private static void awaitTheDispatchLoopGone() throws Exception {
        assertThat(poll(
                        () -> Thread.getAllStackTraces().keySet().stream()
                                .anyMatch(th -> th.getName().equals("dispatch-loop") && th.isAlive()),
                        alive -> !alive))
                .isFalse();
    }

    @Test
    void anAdminRegistersACustomerGroupPrivatelyAndIsToldItsMembers() throws Exception {
        String t = tag();
        String chat = "wrE2ECust" + t;
        String groupName = "幸福里5栋居民群" + t;
        String admin = "adm-" + t;
        seedAdmin(admin);
        FAKE.customerGroup(
                chat,
                groupName,
                "owner-" + t,
                List.of(
                        new GroupChatMember("owner-" + t, 1, "王芳", "社工-王芳"),
                        new GroupChatMember("wmExtA" + t, 2, "微笑向暖", "5栋501-自住"),
                        new GroupChatMember("wmExtB" + t, 2, "老刘", "5-602 租住")));

        sayPrivately(admin, "/登记客户群 " + chat + " 居民群");

        var lookups = FAKE.await(lookupOf(chat), 1, WAIT);
        assertThat(lookups).as("groupchat/get through the real client").hasSize(1);
        assertThat(lookups.get(0).body().path("need_name").asInt()).isEqualTo(1);
        assertThat(lookups.get(0).query()).contains("access_token=FAKE");

        String answer = awaitPrivate(admin, "已登记客户群");
        assertThat(answer)
                .contains("已登记客户群「" + groupName + "」（线上小区居民群）")
                .contains("群主：社工-王芳（owner-" + t + "）")
                .contains("成员 3 人（员工 1 人，微信用户 2 人）")
                .contains("5栋501-自住（wmExtA" + t + "）（微信用户）", "5-602 租住");

        Group g = groups.findByChat(ChatId.of(chat)).orElseThrow();
        assertThat(g.channel()).isEqualTo(Channel.CUSTOMER);
        assertThat(g.typeCode()).isEqualTo("RESIDENTS");
        assertThat(g.name()).isEqualTo(groupName);
        assertThat(members.membersOf(ChatId.of(chat)))
                .extracting(Member::id, Member::name, Member::groupNickname, Member::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        UserId.of("wmExtA" + t), Optional.of("微笑向暖"), Optional.of("5栋501-自住"), MemberKind.EXTERNAL))
                .hasSize(3);
        String stored = jdbc.queryForObject(
                "SELECT group_nickname FROM group_member WHERE chat_id = ? AND user_id = ?",
                String.class,
                chat,
                "wmExtA" + t);
        assertThat(stored).startsWith("v1:").doesNotContain("5栋501");
        assertThat(audit.recent(Optional.of(ChatId.of(chat)), 10))
                .extracting(AuditEntry::action, AuditEntry::result)
                .contains(org.assertj.core.groups.Tuple.tuple("/登记客户群", AuditEntry.Result.DONE));
    }

    @Test
    void registeringACustomerGroupWeComDoesNotKnowTellsTheAdminWhyInChinese() throws Exception {
        String t = tag();
        String chat = "wrE2ENoSuch" + t;
        String admin = "adm-" + t;
        seedAdmin(admin);

        sayPrivately(admin, "/登记客户群 " + chat + " 居民群");

        assertThat(FAKE.await(lookupOf(chat), 1, WAIT)).hasSize(1);
        assertThat(awaitPrivate(admin, chat)).contains("没能登记客户群 " + chat, "没有找到这个客户群，请检查客户群ID");
        assertThat(groups.findByChat(ChatId.of(chat))).isEmpty();
        assertThat(audit.recent(Optional.of(ChatId.of(chat)), 10))
                .extracting(AuditEntry::result, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple(AuditEntry.Result.REFUSED, "errcode 86003"));
    }

    @Test
    void aCustomerGroupLookupWeComIsTooBusyForIsRetriedAndRegistersTheGroupOnce() throws Exception {
        String t = tag();
        String chat = "wrE2EBusy" + t;
        String groupName = "繁忙时登记的客户群" + t;
        String admin = "adm-" + t;
        seedAdmin(admin);
        FAKE.customerGroup(chat, groupName, admin, List.of(new GroupChatMember(admin, 1, "管理员", "群管理员-" + t)));
        // -1 twice: each answer ends one outbox attempt (the client does not retry inside it), the third gets the
        // details
        FAKE.failCustomerGroup(chat, -1, 2);
        long lookupRows = count("SELECT COUNT(*) FROM outbox WHERE kind = 'LOOKUP_CUSTOMER_GROUP'");
        // look-up answers only: the group's members are read again a moment after it is registered (the join check)
        long answers = count("SELECT COUNT(*) FROM inbox WHERE channel = 'CUSTOMER' AND dedup_key LIKE 'lookup:%'");

        sayPrivately(admin, "/登记客户群 " + chat + " 居民群");

        assertThat(awaitPrivate(admin, "已登记客户群「" + groupName + "」")).contains("成员 1 人");
        assertThat(FAKE.calls().stream().filter(lookupOf(chat)).count())
                .as("busy, busy, then the details")
                .isEqualTo(3);
        String sql = "SELECT status FROM outbox WHERE kind = 'LOOKUP_CUSTOMER_GROUP' ORDER BY id DESC LIMIT 1";
        assertThat(poll(() -> jdbc.queryForObject(sql, String.class), "SENT"::equals))
                .isEqualTo("SENT");
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE kind = 'LOOKUP_CUSTOMER_GROUP'"))
                .isEqualTo(lookupRows + 1);
        assertThat(count("SELECT attempts FROM outbox WHERE kind = 'LOOKUP_CUSTOMER_GROUP' ORDER BY id DESC LIMIT 1"))
                .as("one request per attempt")
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM inbox WHERE channel = 'CUSTOMER' AND dedup_key LIKE 'lookup:%'"))
                .as("one answer in the inbox")
                .isEqualTo(answers + 1);
        assertThat(count("SELECT COUNT(*) FROM bot_group WHERE chat_id = ?", chat))
                .isEqualTo(1);
        assertThat(FAKE.calls().stream()
                        .filter(privateMessage(admin, "已登记客户群「" + groupName + "」"))
                        .count())
                .as("one answer to the admin")
                .isEqualTo(1);
        assertThat(audit.recent(Optional.of(ChatId.of(chat)), 10))
                .filteredOn(e -> e.action().equals("/登记客户群"))
                .extracting(AuditEntry::result)
                .containsExactly(AuditEntry.Result.DONE);
    }

    @Test
    void theAuditShownPrivatelyToAnAdminListsAGrantAndARefusedAttempt() throws Exception {
        String t = tag();
        String chat = "wrE2EAudit" + t;
        String name = "审计测试群" + t;
        registeredGroup(chat, name);
        String admin = "adm-" + t;
        String resident = "res-" + t;
        String member = "mem-" + t;
        seedAdmin(admin);
        sayInGroup(chat, member, "/我是谁");
        sayInGroup(chat, resident, "/角色 授予 " + member + " 群秘书");
        sayInGroup(chat, admin, "/角色 授予 " + member + " 群秘书");

        sayPrivately(admin, "/审计 " + name);

        String list = awaitPrivate(admin, "操作记录");
        assertThat(list).contains("「" + name + "」最近 2 条操作记录");
        String[] lines = list.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).as("newest first: the grant").contains(admin, "/角色 授予", "［完成］", "授予 " + member + "「群秘书」");
        assertThat(lines[2]).contains(resident, "/角色 授予", "［拒绝］", "只有群管理员可以授予角色");
        assertThat(audit.recent(Optional.empty(), 5))
                .as("the /审计 itself is audited")
                .extracting(AuditEntry::actor, AuditEntry::action)
                .contains(org.assertj.core.groups.Tuple.tuple(UserId.of(admin), "/审计"));
    }

    @Test
    void anAdminManagesARegisteredCustomerGroupFromThePrivateChatByItsMembersNicknames() throws Exception {
        String t = tag();
        String chat = "wrE2EManage" + t;
        String groupName = "私聊管理的客户群" + t;
        String admin = "adm-" + t;
        String resident = "wmExtC" + t;
        seedAdmin(admin);
        FAKE.customerGroup(
                chat,
                groupName,
                admin,
                List.of(
                        new GroupChatMember(admin, 1, "王主任", "群管理员-王主任" + t),
                        new GroupChatMember(resident, 2, "小雨", "7栋303-自住" + t)));
        sayPrivately(admin, "/登记客户群 " + chat + " 居民群");
        awaitPrivate(admin, "已登记客户群「" + groupName + "」");

        sayPrivately(admin, "/切换 " + groupName);
        assertThat(awaitPrivate(admin, "接下来您在私聊中的命令将作用于")).contains("「" + groupName + "」");
        sayPrivately(admin, "/角色 授予 @7栋303-自住" + t + " 楼门栋长");
        assertThat(awaitPrivate(admin, "已授予"))
                .contains("7栋303-自住" + t + "（" + resident + "）「楼门栋长」", "「" + groupName + "」");
        sayPrivately(admin, "/群信息");

        assertThat(awaitPrivate(admin, "【" + groupName + "】")).contains("渠道：客户群（外部群）", "楼门栋长：7栋303-自住" + t, "成员：2 人");
        assertThat(groups.rolesOf(UserId.of(resident), Optional.of(ChatId.of(chat))))
                .containsExactly(Role.BUILDING_HEAD);
    }

    // --- issue 4: the chat-archive feed (会话内容存档) ------------------------------------------------------------------

    @Test
    void aCrisisReadFromTheChatArchiveOfACustomerGroupReachesTheSocialWorkerAndNothingIsSaidInTheGroup()
            throws Exception {
        String t = tag();
        String chat = "wrE2EArchive" + t;
        String name = "会话存档测试群" + t;
        groups.register(ChatId.of(chat), name, "RESIDENTS", Channel.CUSTOMER);
        String worker = "sw-" + t;
        String resident = "wmE2E" + t;
        groups.grant(UserId.of(worker), Role.SOCIAL_WORKER, Optional.of(ChatId.of(chat)), UserId.of("e2e-seed"));

        int before = FAKE.calls().size();
        // a resident writes in a group no bot is in: the archive records it, the feed reads it later
        var command = ARCHIVE.appendGroupText(chat, resident, "/帮助");
        var crisis = ARCHIVE.appendGroupText(chat, resident, "这日子过不下去了，我不想活了");

        var card = awaitCard(worker, "esc_");
        long number = numberOf(card);
        assertThat(card.body().path("template_card").path("sub_title_text").asText())
                .contains("「" + name + "」", resident, "我不想活了");
        Escalation open = escalations.find(number).orElseThrow();
        assertThat(open.chat()).contains(ChatId.of(chat));
        assertThat(open.subject()).isEqualTo(UserId.of(resident));
        assertThat(open.category()).isEqualTo("SELF_HARM");

        // decided on the archive channel, in the group's order; only the card went out, the command was not run
        assertThat(decidedAndSent(ArchiveTranslator.KEY_PREFIX + crisis.msgId()))
                .containsOnly("APP_CARD");
        assertThat(decidedAndSent(ArchiveTranslator.KEY_PREFIX + command.msgId()))
                .as("a command read from the archive is not run")
                .isEmpty();
        assertThat(jdbc.queryForList(
                        "SELECT channel FROM inbox WHERE dedup_key IN (?, ?)",
                        String.class,
                        ArchiveTranslator.KEY_PREFIX + command.msgId(),
                        ArchiveTranslator.KEY_PREFIX + crisis.msgId()))
                .containsExactly("ARCHIVE", "ARCHIVE");
        assertThat(jdbc.queryForObject(
                        "SELECT payload FROM inbox WHERE dedup_key = ?",
                        String.class,
                        ArchiveTranslator.KEY_PREFIX + crisis.msgId()))
                .startsWith("v1:")
                .doesNotContain("不想活");
        assertThat(count("SELECT seq FROM archive_cursor WHERE name = 'wecom'")).isGreaterThanOrEqualTo(crisis.seq());

        // nothing in the group, nothing to the resident: every call to WeCom about them is a private card to staff
        Thread.sleep(300);
        assertThat(FAKE.calls().stream()
                        .skip(before)
                        .filter(c -> c.body().toString().contains(resident)
                                || c.body().toString().contains(chat)
                                || String.valueOf(c.query()).contains(chat)))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.path()).isEqualTo(SEND);
                    assertThat(c.body().path("msgtype").asText()).isEqualTo("template_card");
                    assertThat(c.body().path("touser").asText()).isNotEqualTo(resident);
                });
    }

    @Test
    void aRecordTheArchiveHandsOverTwiceIsDecidedOnce() throws Exception {
        String t = tag();
        String chat = "wrE2EArchiveTwice" + t;
        groups.register(ChatId.of(chat), "会话存档去重群" + t, "RESIDENTS", Channel.CUSTOMER);
        String worker = "sw-" + t;
        groups.grant(UserId.of(worker), Role.SOCIAL_WORKER, Optional.of(ChatId.of(chat)), UserId.of("e2e-seed"));
        var first = ARCHIVE.appendGroupText(chat, "wmE2E" + t, "我不想活了");
        // the same record (same msgid) at a later seq, as a second reader or a re-read would hand it over
        ARCHIVE.append(first.msgId(), first.plaintext());

        var card = awaitCard(worker, "esc_");
        long number = numberOf(card);
        assertThat(poll(() -> count("SELECT seq FROM archive_cursor WHERE name = 'wecom'"), s -> s > first.seq()))
                .as("the cursor passed both copies")
                .isGreaterThan(first.seq());
        Thread.sleep(500);

        assertThat(count(
                        "SELECT COUNT(*) FROM inbox WHERE dedup_key = ?", ArchiveTranslator.KEY_PREFIX + first.msgId()))
                .isEqualTo(1);
        assertThat(cardsSoFar(number)).hasSize(1);
        assertThat(escalations.timeline(number))
                .extracting(StateChange.EscalationStep::kind)
                .doesNotContain("again");
    }

    // --- issue 4: crisis escalation ---------------------------------------------------------------------------------

    private static final String SEND = "/cgi-bin/message/send";
    private static final String CARD_UPDATE = "/cgi-bin/message/update_template_card";
    /** bot.admins of both subclasses (WeComCallbacks.properties). */
    private static final String CONFIGURED_ADMIN = "e2e-admin";

    private Duration ackTimeout() {
        return properties.escalation().ackTimeout();
    }

    /** An escalation card (message/send, template_card) to {@code user}; {@code taskPrefix} narrows it, or "esc_". */
    private static Predicate<FakeWeComServer.Call> card(String user, String taskPrefix) {
        return c -> c.path().equals(SEND)
                && c.body().path("touser").asText().equals(user)
                && c.body().path("msgtype").asText().equals("template_card")
                && c.body().path("template_card").path("task_id").asText().startsWith(taskPrefix);
    }

    private static String taskId(FakeWeComServer.Call card) {
        return card.body().path("template_card").path("task_id").asText();
    }

    /** The escalation number a card's task id ({@code esc_<number>_…}) carries. */
    private static long numberOf(FakeWeComServer.Call card) {
        String[] parts = taskId(card).split("_");
        assertThat(parts).as("task id %s", taskId(card)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts[0]).isEqualTo("esc");
        return Long.parseLong(parts[1]);
    }

    private static String cardsOf(long number) {
        return "esc_" + number + "_";
    }

    private List<FakeWeComServer.Call> cardsSoFar(long number) {
        return FAKE.calls().stream()
                .filter(c -> c.path().equals(SEND) && taskIdOf(c).startsWith(cardsOf(number)))
                .toList();
    }

    private static String taskIdOf(FakeWeComServer.Call c) {
        return c.body().path("template_card").path("task_id").asText("");
    }

    /** The one card to {@code user} with this prefix, waited for. */
    private FakeWeComServer.Call awaitCard(String user, String taskPrefix) throws InterruptedException {
        var cards = FAKE.await(card(user, taskPrefix), 1, WAIT);
        assertThat(cards).as("an escalation card to %s (%s…)", user, taskPrefix).isNotEmpty();
        return cards.get(0);
    }

    /** Whether the callback's inbox row was decided, and what it sent: the outbox rows of that row by kind. */
    private List<String> decidedAndSent(String dedupKey) throws Exception {
        assertThat(poll(
                        () -> jdbc.queryForList("SELECT status FROM inbox WHERE dedup_key = ?", String.class, dedupKey),
                        s -> s.contains("DONE")))
                .as("%s decided", dedupKey)
                .containsExactly("DONE");
        return jdbc.queryForList(
                "SELECT o.kind FROM outbox o JOIN inbox i ON o.inbox_id = i.id WHERE i.dedup_key = ? ORDER BY o.seq",
                String.class,
                dedupKey);
    }

    /** No POST to the response_url of this group message, ever (checked after its decision was committed). */
    private void nothingSaidInTheGroup(String code) throws Exception {
        assertThat(decidedAndSent("aibot:m" + code))
                .as("no reply planned for the group")
                .doesNotContain("AIBOT_RESPONSE");
        Thread.sleep(300);
        assertThat(FAKE.calls().stream()
                        .filter(c -> c.query() != null && c.query().endsWith("response_code=" + code)))
                .as("no POST to the group message's response_url")
                .isEmpty();
    }

    /** Every fired timer reached the inbox exactly once (key timer:<id>), however often it was seen due. */
    private void everyFiredTimerDecidedOnce() {
        assertThat(count("SELECT COUNT(*) FROM timer WHERE status = 'FIRED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM timer t WHERE t.status = 'FIRED' AND (SELECT COUNT(*) FROM inbox i"
                        + " WHERE i.dedup_key = CONCAT('timer:', t.id)) <> 1"))
                .isZero();
    }

    @Test
    void runsTheChainOnTheShortAckTimeoutThisTestSets() {
        assertThat(properties.escalation().ackTimeout()).isEqualTo(Duration.parse(ACK_TIMEOUT));
        assertThat(properties.escalation().timerPoll()).isEqualTo(Duration.parse(TIMER_POLL));
        assertThat(properties.escalation().rounds()).as("the packaged default").isEqualTo(2);
        assertThat(properties.admins()).contains(CONFIGURED_ADMIN);
    }

    @Test
    void aCrisisInAGroupReachesTheSocialWorkerPrivatelyThenTheAdminAndStopsWhenTheAdminTakesIt() throws Exception {
        String t = tag();
        String chat = "wrE2ECrisis" + t;
        String name = "危机测试群" + t;
        registeredGroup(chat, name);
        String worker = "sw-" + t;
        String resident = "res-" + t;
        groups.grant(UserId.of(worker), Role.SOCIAL_WORKER, Optional.of(ChatId.of(chat)), UserId.of("e2e-seed"));

        String code = postInGroup(chat, resident, "我不想活了");

        // the group's social worker: a card, privately, with the two buttons
        var first = awaitCard(worker, "esc_");
        long seen = System.nanoTime();
        long number = numberOf(first);
        JsonNode body = first.body();
        assertThat(body.path("agentid").asInt()).isEqualTo(1000002);
        assertThat(body.path("enable_duplicate_check").asInt()).isEqualTo(1);
        JsonNode card = body.path("template_card");
        assertThat(card.path("card_type").asText()).isEqualTo("button_interaction");
        assertThat(card.path("main_title").path("title").asText()).contains("紧急转介 #" + number, "自伤自杀风险");
        assertThat(card.path("sub_title_text").asText()).contains("「" + name + "」", resident, "我不想活了");
        assertThat(card.path("button_list"))
                .extracting(b -> b.path("text").asText() + "=" + b.path("key").asText())
                .containsExactly("接手=ack", "转交=handover", "有用=useful", "误报=falsealarm");
        assertThat(first.query()).contains("access_token=FAKE");

        // nothing at all in the group
        nothingSaidInTheGroup(code);
        Escalation open = escalations.find(number).orElseThrow();
        assertThat(open.state()).isEqualTo(EscalationState.OPEN);
        assertThat(open.chat()).contains(ChatId.of(chat));
        assertThat(open.subject()).isEqualTo(UserId.of(resident));
        assertThat(open.category()).isEqualTo("SELF_HARM");
        assertThat(jdbc.queryForObject("SELECT excerpt FROM escalation WHERE id = ?", String.class, number))
                .startsWith("v1:")
                .doesNotContain("不想活");

        // nobody clicks: after the ack timeout the next level, the configured admin, gets it
        var toAdmin = awaitCard(CONFIGURED_ADMIN, cardsOf(number));
        long waited = (System.nanoTime() - seen) / 1_000_000;
        assertThat(waited)
                .as("not before the social worker's time ran out (ms)")
                .isGreaterThanOrEqualTo(ackTimeout().toMillis() - 800);
        assertThat(taskId(toAdmin)).isNotEqualTo(taskId(first));
        assertThat(escalations.find(number).orElseThrow().level()).isEqualTo(1);

        // the admin clicks 接手 on the card
        String responseCode = "rc" + t;
        var ack = wecom.postApp(WeComCallbacks.appCardClick(CONFIGURED_ADMIN, taskId(toAdmin), "ack", responseCode));
        assertThat(ack.statusCode()).isEqualTo(200);

        var updates = FAKE.await(
                c -> c.path().equals(CARD_UPDATE)
                        && c.body().path("response_code").asText().equals(responseCode),
                1,
                WAIT);
        assertThat(updates)
                .as("update_template_card with the click's response_code")
                .hasSize(1);
        JsonNode update = updates.get(0).body();
        assertThat(update.path("button").path("replace_name").asText()).isEqualTo("已接手");
        assertThat(update.path("userids")).extracting(JsonNode::asText).containsExactly(CONFIGURED_ADMIN);
        assertThat(update.path("agentid").asInt()).isEqualTo(1000002);
        assertThat(awaitPrivate(CONFIGURED_ADMIN, "上报 #" + number + " 由您接手了")).contains("「" + name + "」");
        assertThat(awaitPrivate(worker, "上报 #" + number + " 已由 " + CONFIGURED_ADMIN + " 接手"))
                .contains("您无需再处理");

        Escalation taken = escalations.find(number).orElseThrow();
        assertThat(taken.state()).isEqualTo(EscalationState.ACKNOWLEDGED);
        assertThat(taken.owner()).contains(UserId.of(CONFIGURED_ADMIN));

        // another timeout later: no further card about it, nobody told it went unanswered
        int cards = cardsSoFar(number).size();
        assertThat(cards)
                .as("the social worker's and the admin's (and other admins')")
                .isGreaterThanOrEqualTo(2);
        Thread.sleep(ackTimeout().toMillis() + 1000);
        assertThat(cardsSoFar(number)).hasSize(cards);
        assertThat(FAKE.calls().stream()
                        .filter(c -> c.path().equals(SEND)
                                && c.body()
                                        .path("text")
                                        .path("content")
                                        .asText()
                                        .contains("上报 #" + number + "（")))
                .as("no 无人接手 about it")
                .isEmpty();
        assertThat(escalations.find(number).orElseThrow().state()).isEqualTo(EscalationState.ACKNOWLEDGED);
        assertThat(escalations.timeline(number))
                .extracting(StateChange.EscalationStep::kind)
                .containsSubsequence("opened", "notified", "escalated", "notified", "acknowledged")
                .doesNotContain("unacknowledged");
        everyFiredTimerDecidedOnce();
    }

    @Test
    void aCrisisNobodyTakesIsFlaggedAndTheAdminsAreToldAfterEveryRound() throws Exception {
        String t = tag();
        String chat = "wrE2ESilent" + t;
        String name = "无人接手测试群" + t;
        // no social worker and no admin of its own: the chain is the admins valid everywhere (bot.admins among them)
        registeredGroup(chat, name);
        String resident = "res-" + t;

        String code = postInGroup(chat, resident, "活着没意思，不如死了算了");

        var first = awaitCard(CONFIGURED_ADMIN, "esc_");
        long number = numberOf(first);
        nothingSaidInTheGroup(code);
        var cards = FAKE.await(card(CONFIGURED_ADMIN, cardsOf(number)), 2, WAIT);
        assertThat(cards).as("the second round").hasSize(2);
        String told = awaitPrivate(CONFIGURED_ADMIN, "【无人接手】上报 #" + number + "（");
        assertThat(told).contains("「" + name + "」", "自伤自杀风险", "/接手 " + number);
        assertThat(escalations.find(number).orElseThrow().state()).isEqualTo(EscalationState.UNACKNOWLEDGED);

        // flagged, it stays flagged: no more cards
        Thread.sleep(ackTimeout().toMillis() + 800);
        assertThat(FAKE.calls().stream().filter(card(CONFIGURED_ADMIN, cardsOf(number))))
                .hasSize(2);
        assertThat(escalations.unresolved(200)).extracting(Escalation::number).contains(number);
        everyFiredTimerDecidedOnce();

        // new words from the resident are not a silent timeline step: the chain starts again
        String later = postInGroup(chat, resident, "我还是不想活");
        var restarted = FAKE.await(card(CONFIGURED_ADMIN, cardsOf(number)), 3, WAIT);
        assertThat(restarted).as("a card again, for the same escalation").hasSize(3);
        nothingSaidInTheGroup(later);
        assertThat(escalations.find(number).orElseThrow().state()).isEqualTo(EscalationState.OPEN);

        // the admin takes it by command; more words then reach them at once
        sayPrivately(CONFIGURED_ADMIN, "/接手 " + number);
        assertThat(awaitPrivate(CONFIGURED_ADMIN, "上报 #" + number + " 由您接手了")).contains("「" + name + "」");
        postInGroup(chat, resident, "真的撑不下去了，不想活");
        assertThat(awaitPrivate(CONFIGURED_ADMIN, "又有新消息：真的撑不下去了，不想活"))
                .contains("上报 #" + number + "（「" + name + "」", "/解决 " + number);
        assertThat(escalations.timeline(number))
                .extracting(StateChange.EscalationStep::kind)
                .containsSubsequence("unacknowledged", "again", "notified", "acknowledged", "again");
    }

    @Test
    void everydayHyperboleInAGroupRaisesNothing() throws Exception {
        String t = tag();
        String chat = "wrE2EHyper" + t;
        registeredGroup(chat, "日常聊天测试群" + t);
        String worker = "sw-" + t;
        String resident = "res-" + t;
        groups.grant(UserId.of(worker), Role.SOCIAL_WORKER, Optional.of(ChatId.of(chat)), UserId.of("e2e-seed"));

        for (String words : List.of("累死了", "笑死我了", "饿死了", "气死我了")) {
            String code = postInGroup(chat, resident, words);
            assertThat(decidedAndSent("aibot:m" + code))
                    .as("%s: nothing sent", words)
                    .isEmpty();
        }

        assertThat(escalations.unresolvedFor(UserId.of(resident), Optional.of(ChatId.of(chat))))
                .isEmpty();
        Thread.sleep(300);
        assertThat(FAKE.calls().stream().filter(card(worker, "esc_"))).isEmpty();
        assertThat(FAKE.calls().stream()
                        .filter(c -> c.path().equals(SEND)
                                && c.body().path("touser").asText().equals(resident)))
                .isEmpty();
    }

    @Test
    void aPhoneNumberPostedInAGroupGetsAPrivateReminderAndNothingInTheGroup() throws Exception {
        String t = tag();
        String chat = "wrE2EPhone" + t;
        String name = "隐私提醒测试群" + t;
        registeredGroup(chat, name);
        String resident = "res-" + t;

        String code = postInGroup(chat, resident, "电话13812345678");

        String reminder = awaitPrivate(resident, "电话号码");
        assertThat(reminder).contains("「" + name + "」", "撤回").doesNotContain("13812345678");
        assertThat(decidedAndSent("aibot:m" + code)).containsExactly("APP_TEXT");
        nothingSaidInTheGroup(code);
        assertThat(escalations.unresolvedFor(UserId.of(resident), Optional.of(ChatId.of(chat))))
                .as("not a crisis")
                .isEmpty();
    }
}
