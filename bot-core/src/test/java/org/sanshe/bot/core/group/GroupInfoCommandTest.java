package org.sanshe.bot.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakeMembers;
import org.sanshe.bot.core.fixture.FakePrivateContexts;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/** /群信息 through the whole engine. */
class GroupInfoCommandTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final String CUSTOMER = "wrCUST0001";

    private final FakeGroups groups = Fakes.groups()
            .register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE")
            .register(CUSTOMER, "阳光小区5栋居民群", "RESIDENTS", Channel.CUSTOMER);
    private final FakeRoleGrants roles = Fakes.roles();
    private final FakeMembers members = Fakes.members();
    private final FakePrivateContexts contexts = Fakes.contexts();

    private Engine engine() {
        return Bots.bot()
                .groups(groups)
                .roles(roles)
                .members(members)
                .contexts(contexts)
                .admins("demo-admin")
                .build();
    }

    private Outcome inGroup(String chat, String member, String text) {
        return engine().decide(Events.text().from(member).inGroup(chat).saying(text));
    }

    private Outcome privately(String member, String text) {
        return engine().decide(Events.text().from(member).privately().saying(text));
    }

    @Test
    void showsTheNameTypeChannelNumberStaffMembersAndRules() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS)
                .grant("sw-zhao", Role.SOCIAL_WORKER, FOCUS)
                .grant("vol-chen", Role.VOLUNTEER, FOCUS)
                .grant("vol-wu", Role.VOLUNTEER, FOCUS)
                .grantEverywhere("chief", Role.ADMIN)
                .grant("sec-other", Role.SECRETARY, CUSTOMER);
        members.in(FOCUS, "sec-li", "群秘书-李四").seen(FOCUS, "zhangsan").seen(FOCUS, "vol-chen");

        var outcome = inGroup(FOCUS, "sec-li", "@三社助手 /群信息");

        assertThat(replyText(outcome))
                .isEqualTo(String.join(
                        "\n",
                        "【阳光社区聚焦服务群】",
                        "类型：聚焦服务群",
                        "渠道：内部群（群聊机器人）",
                        "编号：1",
                        "工作人员：",
                        "社工：sw-zhao",
                        "群秘书：群秘书-李四（sec-li）",
                        "志愿者：vol-chen、vol-wu",
                        "另有 2 位在所有群有效的工作人员",
                        "成员：已知 3 人（群聊机器人只能看到 @过我 的成员）",
                        "群规：群类型默认群规"));
        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.DONE);
        assertThat(audit.action()).isEqualTo("/群信息");
        assertThat(audit.detail()).isEqualTo("查看「阳光社区聚焦服务群」的群信息");
    }

    @Test
    void aGroupWithoutItsOwnStaffSaysSoAndNotesItsOwnRules() {
        groups.withRules(FOCUS, "本群专属群规");

        var outcome = inGroup(FOCUS, "demo-admin", "/群信息");

        assertThat(replyText(outcome))
                .contains("工作人员：\n本群还没有单独授予的工作人员角色\n另有 1 位在所有群有效的工作人员")
                .endsWith("群规：本群专属群规");
    }

    @Test
    void aCustomerGroupCountsTheMembersWeComListed() {
        members.add(
                        CUSTOMER,
                        new Member(UserId.of("wmAAA1"), Optional.of("王阿姨"), Optional.empty(), MemberKind.EXTERNAL))
                .add(
                        CUSTOMER,
                        new Member(UserId.of("wmBBB2"), Optional.of("老李"), Optional.empty(), MemberKind.EXTERNAL));
        contexts.choose("demo-admin", CUSTOMER);

        var outcome = privately("demo-admin", "/群信息");

        assertThat(replyText(outcome))
                .startsWith("【阳光小区5栋居民群】\n类型：线上小区居民群\n渠道：客户群（外部群）\n编号：2\n")
                .contains("成员：2 人（上次从企业微信读取的名单）");
    }

    @Test
    void inAPrivateChatItShowsTheGroupChosenWithSwitch() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS);
        contexts.choose("sec-li", FOCUS);

        var outcome = privately("sec-li", "/群信息");

        assertThat(replyText(outcome)).startsWith("【阳光社区聚焦服务群】\n类型：聚焦服务群\n");
        assertThat(auditEntry(outcome).chat()).contains(groups.get(FOCUS).chat());
    }

    @Test
    void inAPrivateChatWithoutAChosenGroupItAsksWhichGroup() {
        var outcome = privately("demo-admin", "/群信息");

        assertThat(replyText(outcome)).isEqualTo("请先告诉我是哪个群：在群里 @我 使用，或在私聊中先输入 /切换 群名或编号。");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aChosenGroupDoesNotLendItsRightsToAnotherMember() {
        roles.grant("sec-li", Role.SECRETARY, FOCUS);
        contexts.choose("zhangsan", FOCUS);

        var outcome = privately("zhangsan", "/群信息");

        assertThat(replyText(outcome)).isEqualTo("只有群秘书可以查看群信息（/群信息）。如需权限，请联系群管理员。");
    }

    @Test
    void inAGroupThatIsNotRegisteredItSaysHowToRegisterIt() {
        var outcome = inGroup("wrNEW9", "demo-admin", "/群信息");

        assertThat(replyText(outcome)).isEqualTo("本群还没有登记。请群管理员 @我 输入 /绑定群 群类型 群名，例如 /绑定群 聚焦服务群 阳光社区聚焦服务群。");
    }

    @Test
    void aResidentIsRefused() {
        var outcome = inGroup(FOCUS, "zhangsan", "/群信息");

        assertThat(replyText(outcome)).isEqualTo("只有群秘书可以查看群信息（/群信息）。如需权限，请联系群管理员。");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aVolunteerIsRefusedTooBecauseASecretaryIsNeeded() {
        roles.grant("vol-chen", Role.VOLUNTEER, FOCUS);

        var outcome = inGroup(FOCUS, "vol-chen", "/群信息");

        assertThat(replyText(outcome)).startsWith("只有群秘书可以查看群信息");
    }

    @Test
    void itTakesNoArguments() {
        var outcome = inGroup(FOCUS, "demo-admin", "/群信息 阳光");

        assertThat(replyText(outcome)).isEqualTo("命令格式不对。用法：/群信息\n例如：/群信息");
    }
}
