package org.sanshe.bot.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.changes;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange.GroupRegistered;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/** /绑定群 through the whole engine: an internal group wrGRP0042 that is not registered yet, admin demo-admin. */
class BindGroupCommandTest {
    private static final String CHAT = "wrGRP0042";

    private final FakeGroups groups = Fakes.groups();
    private final FakeRoleGrants roles = Fakes.roles();

    private Engine engine() {
        return Bots.bot().groups(groups).roles(roles).admins("demo-admin").build();
    }

    private Outcome inTheGroup(String member, String text) {
        return engine().decide(Events.text().from(member).inGroup(CHAT).saying(text));
    }

    private static GroupRegistered registered(String name, String typeCode, String by) {
        return new GroupRegistered(ChatId.of(CHAT), name, typeCode, Channel.AIBOT, UserId.of(by), Events.NOW);
    }

    @Test
    void anAdminBindsTheGroupTheyTypeInAsAGroupOfAType() {
        var outcome = inTheGroup("demo-admin", "@三社助手 /绑定群 聚焦服务群 阳光社区聚焦服务群");

        assertThat(replyText(outcome)).isEqualTo("已将本群登记为「阳光社区聚焦服务群」（聚焦服务群）。成员可以输入 /群规 查看群规。");
        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("阳光社区聚焦服务群", "FOCUS_SERVICE", "demo-admin"));
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.DONE);
        assertThat(audit.action()).isEqualTo("/绑定群");
        assertThat(audit.detail()).isEqualTo("登记为「阳光社区聚焦服务群」，类型 FOCUS_SERVICE");
    }

    @Test
    void theTypeMayBeTypedByAliasOrCodeAndTheNameMayHaveSpaces() {
        var byAlias = inTheGroup("demo-admin", "/绑定 居民群 阳光小区 5栋 居民群");
        var byCode = inTheGroup("demo-admin", "/bind key-companion 陪助一组");

        assertThat(changes(byAlias, GroupRegistered.class))
                .containsExactly(registered("阳光小区 5栋 居民群", "RESIDENTS", "demo-admin"));
        assertThat(changes(byCode, GroupRegistered.class))
                .containsExactly(registered("陪助一组", "KEY_COMPANION", "demo-admin"));
    }

    @Test
    void anAdminOfThisChatByGrantMayBindIt() {
        roles.grant("admin-wang", Role.ADMIN, CHAT);

        var outcome = inTheGroup("admin-wang", "/绑定群 聚焦群 阳光社区聚焦服务群");

        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("阳光社区聚焦服务群", "FOCUS_SERVICE", "admin-wang"));
    }

    @Test
    void withoutANameTheGroupIsNamedAfterItsTypeAndTheEndOfTheChatId() {
        var outcome = inTheGroup("demo-admin", "/绑定群 聚焦服务群");

        assertThat(replyText(outcome)).isEqualTo("已将本群登记为「聚焦服务群·0042」（聚焦服务群）。成员可以输入 /群规 查看群规。");
        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("聚焦服务群·0042", "FOCUS_SERVICE", "demo-admin"));
    }

    @Test
    void quotesAroundTheNameAreNotPartOfIt() {
        var outcome = inTheGroup("demo-admin", "/绑定群 聚焦服务群 「阳光社区聚焦服务群」");

        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("阳光社区聚焦服务群", "FOCUS_SERVICE", "demo-admin"));
    }

    @Test
    void theNameKeepsItsChinesePunctuation() {
        var outcome = inTheGroup("demo-admin", "/绑定群 聚焦服务群 阳光社区（一期）聚焦群");

        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("阳光社区（一期）聚焦群", "FOCUS_SERVICE", "demo-admin"));
    }

    @Test
    void anUnknownTypeIsAnsweredWithEveryTypeByTier() {
        var outcome = inTheGroup("demo-admin", "/绑定群 篮球群 阳光篮球群");

        assertThat(replyText(outcome))
                .isEqualTo(String.join("\n", "没有“篮球群”这种群类型。可用的群类型：", "核心服务群：线上小区居民群、聚焦服务群、重点陪助群", "其他群：线上社区防控工作群"));
        assertThat(changes(outcome, GroupRegistered.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void bindingTheSameWayAgainChangesNothing() {
        groups.register(CHAT, "阳光社区聚焦服务群", "FOCUS_SERVICE");

        var sameName = inTheGroup("demo-admin", "/绑定群 聚焦服务群 阳光社区聚焦服务群");
        var noName = inTheGroup("demo-admin", "/绑定群 聚焦群");

        assertThat(replyText(sameName)).isEqualTo("本群已经登记为「阳光社区聚焦服务群」（聚焦服务群），无需重复绑定。");
        assertThat(changes(sameName, GroupRegistered.class)).isEmpty();
        assertThat(replyText(noName)).isEqualTo(replyText(sameName));
        assertThat(changes(noName, GroupRegistered.class)).isEmpty();
        assertThat(auditEntry(sameName).result()).isEqualTo(AuditEntry.Result.DONE);
    }

    @Test
    void bindingWithAnotherTypeChangesTheTypeAndKeepsTheName() {
        groups.register(CHAT, "阳光社区聚焦服务群", "FOCUS_SERVICE");

        var outcome = inTheGroup("demo-admin", "/绑定群 重点陪助群");

        assertThat(replyText(outcome)).isEqualTo("已将本群由「阳光社区聚焦服务群」（聚焦服务群）改为「阳光社区聚焦服务群」（重点陪助群）。");
        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("阳光社区聚焦服务群", "KEY_COMPANION", "demo-admin"));
        assertThat(auditEntry(outcome).detail()).isEqualTo("类型由 FOCUS_SERVICE 改为 KEY_COMPANION，群名「阳光社区聚焦服务群」");
    }

    @Test
    void bindingWithAnotherNameRenamesTheGroup() {
        groups.register(CHAT, "阳光社区聚焦服务群", "FOCUS_SERVICE");

        var outcome = inTheGroup("demo-admin", "/绑定群 聚焦服务群 阳光社区聚焦一群");

        assertThat(replyText(outcome)).isEqualTo("已将本群由「阳光社区聚焦服务群」（聚焦服务群）改为「阳光社区聚焦一群」（聚焦服务群）。");
        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("阳光社区聚焦一群", "FOCUS_SERVICE", "demo-admin"));
    }

    @Test
    void aNameLongerThanSixtyCharactersIsRefused() {
        var outcome = inTheGroup("demo-admin", "/绑定群 聚焦服务群 " + "阳".repeat(61));

        assertThat(replyText(outcome)).isEqualTo("群名需要是 1–60 个字。");
        assertThat(changes(outcome, GroupRegistered.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aNameOfExactlySixtyCharactersIsAccepted() {
        var outcome = inTheGroup("demo-admin", "/绑定群 聚焦服务群 " + "阳".repeat(60));

        assertThat(changes(outcome, GroupRegistered.class))
                .containsExactly(registered("阳".repeat(60), "FOCUS_SERVICE", "demo-admin"));
    }

    @Test
    void aNameOfOnlyQuotesIsRefused() {
        var outcome = inTheGroup("demo-admin", "/绑定群 聚焦服务群 「」");

        assertThat(replyText(outcome)).isEqualTo("群名需要是 1–60 个字。");
        assertThat(changes(outcome, GroupRegistered.class)).isEmpty();
    }

    @Test
    void inAPrivateChatTheAdminIsToldToUseItInTheGroupOrRegisterACustomerGroup() {
        var outcome =
                engine().decide(Events.text().from("demo-admin").privately().saying("/绑定群 聚焦服务群"));

        assertThat(replyText(outcome)).isEqualTo("/绑定群 需要在群里 @我 使用。客户群（有微信用户的外部群）请在私聊中用 /登记客户群。");
        assertThat(changes(outcome, GroupRegistered.class)).isEmpty();
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(auditEntry(outcome).chat()).isEmpty();
    }

    @Test
    void aResidentCannotBindAGroup() {
        var outcome = inTheGroup("zhangsan", "/绑定群 聚焦服务群 我的群");

        assertThat(replyText(outcome)).isEqualTo("只有群管理员可以登记群（/绑定群）。如需权限，请联系群管理员。");
        assertThat(changes(outcome, GroupRegistered.class)).isEmpty();
    }

    @Test
    void aSecretaryCannotBindAGroupEither() {
        roles.grant("sec-li", Role.SECRETARY, CHAT);

        var outcome = inTheGroup("sec-li", "/绑定群 聚焦服务群");

        assertThat(replyText(outcome)).startsWith("只有群管理员可以登记群");
        assertThat(changes(outcome, GroupRegistered.class)).isEmpty();
    }

    @Test
    void theTypeIsRequired() {
        var outcome = inTheGroup("demo-admin", "/绑定群");

        assertThat(replyText(outcome)).isEqualTo("命令格式不对。用法：/绑定群 <群类型> [群名]\n例如：/绑定群 聚焦服务群 阳光社区聚焦服务群");
        assertThat(changes(outcome, GroupRegistered.class)).isEmpty();
    }

    @Test
    void theChannelIsTheOneTheCommandCameThrough() {
        var outcome = engine().decide(Events.text()
                .from("demo-admin")
                .inGroup(CHAT)
                .via(Channel.APP)
                .saying("/绑定群 防控工作群 阳光社区防控群"));

        // 防控工作群 is no alias of PREVENTION_WORK: its Chinese name is 线上社区防控工作群
        assertThat(replyText(outcome)).startsWith("没有“防控工作群”这种群类型。");
        var named = engine().decide(Events.text()
                .from("demo-admin")
                .inGroup(CHAT)
                .via(Channel.APP)
                .saying("/绑定群 线上社区防控工作群 阳光社区防控群"));
        assertThat(changes(named, GroupRegistered.class))
                .containsExactly(new GroupRegistered(
                        ChatId.of(CHAT),
                        "阳光社区防控群",
                        "PREVENTION_WORK",
                        Channel.APP,
                        UserId.of("demo-admin"),
                        Events.NOW));
    }
}
