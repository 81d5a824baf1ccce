package org.sanshe.bot.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeAuditTrail;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakePrivateContexts;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/**
 * /审计 through the whole engine. The trail holds four entries, written here in UTC and read in Asia/Shanghai (UTC+8):
 * one of them happened just after midnight in Shanghai while it was still the day before in UTC.
 */
class AuditCommandTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final String RESIDENTS = "wrRES1";

    private final FakeGroups groups =
            Fakes.groups().register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE").register(RESIDENTS, "阳光小区居民群", "RESIDENTS");
    private final FakeRoleGrants roles = Fakes.roles();
    private final FakePrivateContexts contexts = Fakes.contexts();
    private final FakeAuditTrail trail = Fakes.audit();

    private static AuditEntry entry(
            String utc, String actor, String action, String chat, AuditEntry.Result result, String detail) {
        return new AuditEntry(
                Instant.parse(utc),
                UserId.of(actor),
                action,
                Optional.ofNullable(chat).map(ChatId::of),
                result,
                detail);
    }

    private void fourEntries() {
        trail.add(entry(
                        "2025-03-01T08:00:00Z",
                        "demo-admin",
                        "/角色 授予",
                        FOCUS,
                        AuditEntry.Result.DONE,
                        "授予 lisi「群秘书」，在「阳光社区聚焦服务群」有效"))
                .add(entry(
                        "2025-03-02T01:30:00Z",
                        "zhangsan",
                        "/绑定群",
                        RESIDENTS,
                        AuditEntry.Result.REFUSED,
                        "只有群管理员可以登记群（/绑定群）。"))
                .add(entry(
                        "2025-02-28T16:05:00Z",
                        "admin-wang",
                        "/群规 设置",
                        FOCUS,
                        AuditEntry.Result.DONE,
                        "设置「阳光社区聚焦服务群」的群规（42 字）"))
                .add(entry(
                        "2025-03-01T02:00:00Z",
                        "demo-admin",
                        "/登记客户群",
                        null,
                        AuditEntry.Result.DONE,
                        "请求读取客户群 wrCUST0001，类型 RESIDENTS"));
    }

    private Engine engine() {
        return Bots.bot()
                .groups(groups)
                .roles(roles)
                .contexts(contexts)
                .audit(trail)
                .admins("demo-admin")
                .build();
    }

    private Outcome privately(String member, String text) {
        return engine().decide(Events.text().from(member).privately().saying(text));
    }

    @Test
    void anAdminSeesTheLatestEntriesOfAllGroupsNewestFirstInShanghaiTime() {
        fourEntries();

        var outcome = privately("demo-admin", "/审计");

        String text = replyText(outcome);
        assertThat(text.lines().toList())
                .hasSize(5)
                .startsWith(
                        "所有群最近 4 条操作记录：",
                        "03-02 09:30 zhangsan /绑定群「阳光小区居民群」［拒绝］只有群管理员可以登记群（/绑定群）。",
                        "03-01 16:00 demo-admin /角色 授予「阳光社区聚焦服务群」［完成］授予 lisi「群秘书」，在「阳光社区聚焦服务群」有效")
                .endsWith("03-01 00:05 admin-wang /群规 设置「阳光社区聚焦服务群」［完成］设置「阳光社区聚焦服务群」的群规（42 字）");
        // the private command sits between them, marked as said in a private chat
        assertThat(text.lines().toList().get(3))
                .startsWith("03-01 10:00 demo-admin /登记客户群")
                .contains("私聊")
                .endsWith("［完成］请求读取客户群 wrCUST0001，类型 RESIDENTS");
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.action()).isEqualTo("/审计");
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.DONE);
        assertThat(audit.detail()).isEqualTo("查看所有群的操作记录");
    }

    @Test
    void aCountAsksForFewerOrMoreEntries() {
        fourEntries();

        var two = replyText(privately("demo-admin", "/审计 2"));
        var twoWithUnit = replyText(privately("demo-admin", "/审计 2条"));

        assertThat(two.lines().toList())
                .containsExactly(
                        "所有群最近 2 条操作记录：",
                        "03-02 09:30 zhangsan /绑定群「阳光小区居民群」［拒绝］只有群管理员可以登记群（/绑定群）。",
                        "03-01 16:00 demo-admin /角色 授予「阳光社区聚焦服务群」［完成］授予 lisi「群秘书」，在「阳光社区聚焦服务群」有效");
        assertThat(twoWithUnit).isEqualTo(two);
    }

    @Test
    void theCountIsAtMostFifty() {
        for (int i = 0; i < 60; i++) {
            trail.add(entry(
                    Instant.parse("2025-03-01T00:00:00Z").plusSeconds(60L * i).toString(),
                    "demo-admin",
                    "/群信息",
                    FOCUS,
                    AuditEntry.Result.DONE,
                    "查看「阳光社区聚焦服务群」的群信息"));
        }

        var text = replyText(privately("demo-admin", "/审计 全部 200"));

        assertThat(text).startsWith("所有群最近 50 条操作记录：");
        assertThat(text.lines()).hasSize(51);
    }

    @Test
    void allMeansEveryGroup() {
        fourEntries();

        assertThat(replyText(privately("demo-admin", "/审计 全部"))).isEqualTo(replyText(privately("demo-admin", "/审计")));
    }

    @Test
    void aGroupNamedShowsOnlyItsEntries() {
        fourEntries();

        var outcome = privately("demo-admin", "/审计 阳光社区聚焦服务群");

        assertThat(replyText(outcome).lines().toList())
                .containsExactly(
                        "「阳光社区聚焦服务群」最近 2 条操作记录：",
                        "03-01 16:00 demo-admin /角色 授予［完成］授予 lisi「群秘书」，在「阳光社区聚焦服务群」有效",
                        "03-01 00:05 admin-wang /群规 设置［完成］设置「阳光社区聚焦服务群」的群规（42 字）");
        assertThat(auditEntry(outcome).detail()).isEqualTo("查看「阳光社区聚焦服务群」的操作记录");
    }

    @Test
    void aGroupMayBeNamedByNumberAndCombinedWithACount() {
        fourEntries();

        var text = replyText(privately("demo-admin", "/审计 #1 1"));

        assertThat(text.lines().toList())
                .containsExactly(
                        "「阳光社区聚焦服务群」最近 1 条操作记录：", "03-01 16:00 demo-admin /角色 授予［完成］授予 lisi「群秘书」，在「阳光社区聚焦服务群」有效");
    }

    @Test
    void withAChosenGroupItShowsThatGroup() {
        fourEntries();
        roles.grant("admin-wang", Role.ADMIN, FOCUS);
        contexts.choose("admin-wang", FOCUS);

        var text = replyText(privately("admin-wang", "/审计"));

        assertThat(text).startsWith("「阳光社区聚焦服务群」最近 2 条操作记录：");
    }

    @Test
    void anAdminOfOneGroupCannotReadAnotherGroupsOrAllGroupsEntries() {
        fourEntries();
        roles.grant("admin-wang", Role.ADMIN, FOCUS);
        contexts.choose("admin-wang", FOCUS);

        var other = privately("admin-wang", "/审计 阳光小区居民群");
        var all = privately("admin-wang", "/审计 全部");

        assertThat(replyText(other)).isEqualTo("您不是「阳光小区居民群」的群管理员，不能查看那里的操作记录。");
        assertThat(replyText(all)).isEqualTo("您不是所有群的群管理员，不能查看那里的操作记录。");
        assertThat(auditEntry(other).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aSecretaryIsRefused() {
        fourEntries();
        roles.grant("sec-li", Role.SECRETARY, FOCUS);
        contexts.choose("sec-li", FOCUS);

        var outcome = privately("sec-li", "/审计");

        assertThat(replyText(outcome)).isEqualTo("只有群管理员可以查看操作记录（/审计）。如需权限，请联系群管理员。");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void inAGroupItIsRefusedBecauseEntriesNameMembers() {
        fourEntries();

        var outcome =
                engine().decide(Events.text().from("demo-admin").inGroup(FOCUS).saying("/审计"));

        assertThat(replyText(outcome)).isEqualTo("/审计 请在与我的私聊中使用。操作记录会提到成员，只在私聊中显示。");
        assertThat(replyText(outcome)).doesNotContain("lisi");
    }

    @Test
    void anEmptyTrailSaysThereIsNothingYet() {
        assertThat(replyText(privately("demo-admin", "/审计"))).isEqualTo("所有群还没有操作记录。");
        assertThat(replyText(privately("demo-admin", "/审计 阳光小区居民群"))).isEqualTo("「阳光小区居民群」还没有操作记录。");
    }

    @Test
    void anEntryOfAChatNoLongerRegisteredShowsTheChatId() {
        trail.add(entry("2025-03-01T08:00:00Z", "demo-admin", "/绑定群", "wrGONE7", AuditEntry.Result.DONE, "登记为「旧群」"));

        var text = replyText(privately("demo-admin", "/审计"));

        assertThat(text).endsWith("03-01 16:00 demo-admin /绑定群「wrGONE7」［完成］登记为「旧群」");
    }

    @Test
    void twoWordsThatAreNoCountGetTheUsage() {
        var outcome = privately("demo-admin", "/审计 阳光 小区");

        assertThat(replyText(outcome)).isEqualTo("命令格式不对。用法：/审计 [群名、#编号或“全部”] [条数]\n例如：/审计 聚焦服务群 20");
    }

    @Test
    void anUnknownGroupIsNamedBack() {
        var outcome = privately("demo-admin", "/审计 篮球群");

        assertThat(replyText(outcome)).startsWith("没有找到群“篮球群”。");
    }
}
