package org.sanshe.bot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.auditEntry;
import static org.sanshe.bot.core.fixture.Outcomes.audited;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakePrivateContexts;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/**
 * The built-in commands through every guard: how people type them, what each kind of member is shown, and which
 * refusals the audit keeps.
 */
class CommandPipelineTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final ChatId FOCUS_CHAT = ChatId.of(FOCUS);

    private final FakeGroups groups = Fakes.groups().register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE");
    private final FakeRoleGrants roles = Fakes.roles().grant("sec-li", Role.SECRETARY, FOCUS);
    private final FakePrivateContexts contexts = Fakes.contexts();

    private Engine engine() {
        return Bots.bot()
                .groups(groups)
                .roles(roles)
                .contexts(contexts)
                .admins("demo-admin")
                .build();
    }

    private Outcome inGroup(String member, String text) {
        return engine().decide(Events.text().from(member).inGroup(FOCUS).saying(text));
    }

    private Outcome privately(String member, String text) {
        return engine().decide(Events.text().from(member).privately().saying(text));
    }

    // ---- how people type ----

    @Test
    void helpTypedWithAFullWidthSlashIsHelp() {
        assertThat(replyText(inGroup("zhangsan", "／帮助"))).isEqualTo(replyText(inGroup("zhangsan", "/帮助")));
    }

    @Test
    void severalMentionsBeforeTheCommandAreSkipped() {
        assertThat(replyText(inGroup("zhangsan", "@机器人 @张三 /帮助")))
                .isEqualTo(replyText(inGroup("zhangsan", "/帮助")))
                .startsWith("您在这里可以使用的命令：");
    }

    @Test
    void aMisspeltCommandGetsTheOneThatWasMeant() {
        assertThat(replyText(inGroup("sec-li", "/群信心"))).isEqualTo("没有找到命令 /群信心。您是不是想输入 /群信息？");
    }

    @Test
    void aFloodIsAnsweredWithTheLimitAndNotWrittenToTheAudit() {
        var limited = Bots.bot()
                .groups(groups)
                .admins("demo-admin")
                .limiter(Fakes.limiter().refusingEverything())
                .build();

        var outcome =
                limited.decide(Events.text().from("demo-admin").privately().saying("/审计"));

        assertThat(replyText(outcome)).isEqualTo("您发送命令太频繁了，请稍等一会儿再试（每 60 秒内有次数限制）。");
        assertThat(audited(outcome)).isFalse();
    }

    // ---- what each member is shown ----

    @Test
    void aResidentsHelpListsNoStaffCommands() {
        assertThat(replyText(inGroup("zhangsan", "/帮助")))
                .contains("/帮助", "/我是谁", "/群规")
                .doesNotContain("/群信息", "/角色", "/绑定群", "/审计", "/登记客户群");
        assertThat(replyText(privately("zhangsan", "/帮助"))).contains("/切换").doesNotContain("/角色", "/审计", "/登记客户群");
    }

    @Test
    void anAdminsHelpListsTheAdministrationCommandsThatWorkWhereItIsAsked() {
        String inGroup = replyText(inGroup("demo-admin", "/帮助"));
        String privately = replyText(privately("demo-admin", "/帮助"));

        assertThat(inGroup)
                .contains("/角色（/role）：授予、撤销或查看成员角色", "/绑定群（/bind）：把本群登记为某种群类型（群管理员）")
                .doesNotContain("/审计（/audit）", "/登记客户群（/register）")
                .contains("私聊我还可以使用：/切换、/登记客户群、/审计");
        assertThat(privately)
                .contains("/角色（/role）", "/审计（/audit）：查看操作记录（群管理员）", "/登记客户群（/register）")
                .contains("在群里 @我 还可以使用：/绑定群")
                .doesNotContain("/绑定群（/bind）");
        assertThat(inGroup).isNotEqualTo(replyText(inGroup("zhangsan", "/帮助")));
    }

    @Test
    void aSecretaryIsShownOnlyTheListingPartOfRoles() {
        String help = replyText(inGroup("sec-li", "/帮助 角色"));

        assertThat(help)
                .startsWith("/角色：授予、撤销或查看成员角色\n用法：")
                .contains("/角色 列表 [群名、编号或“全部”]")
                .doesNotContain("/角色 授予 <成员>", "/角色 撤销 <成员>", "@李四");
    }

    @Test
    void anAdminIsShownGrantingRevokingAndListing() {
        String help = replyText(inGroup("demo-admin", "/帮助 角色"));

        assertThat(help)
                .contains(
                        "/角色 授予 <成员> <角色> [群名、编号或“全部”]",
                        "/角色 撤销 <成员> <角色> [群名、编号或“全部”]",
                        "/角色 列表 [群名、编号或“全部”]",
                        "/角色 授予 @李四 群秘书",
                        "/角色 撤销 @李四 群秘书")
                .endsWith("也可以输入：/角色、/role、/权限、/roles");
    }

    @Test
    void aResidentIsNotToldAboutRoles() {
        assertThat(replyText(inGroup("zhangsan", "/帮助 角色"))).isEqualTo("没有找到命令 角色，或者您在这里不能使用它。输入 /帮助 查看可用命令。");
    }

    @Test
    void aResidentIsToldHowToReadTheRulesButNotHowToChangeThem() {
        assertThat(replyText(inGroup("zhangsan", "/帮助 群规")))
                .isEqualTo("/群规：查看本群群规，可直接复制为群公告\n用法：/群规\n例如：/群规\n也可以输入：/群规、/rules、/群公约、/群公告");
        assertThat(replyText(inGroup("demo-admin", "/帮助 群规"))).contains("/群规 设置 <群规全文>", "/群规 恢复默认");
    }

    // ---- what the audit keeps ----

    @Test
    void aRefusalByTheRoleGuardIsAudited() {
        var outcome = inGroup("zhangsan", "/角色 授予 @李四 群秘书");

        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.at()).isEqualTo(Events.NOW);
        assertThat(audit.actor()).isEqualTo(UserId.of("zhangsan"));
        assertThat(audit.action()).isEqualTo("/角色 授予");
        assertThat(audit.chat()).contains(FOCUS_CHAT);
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(audit.detail())
                .startsWith("只有群管理员可以授予角色（/角色 授予）。如需权限，请联系群管理员。")
                .endsWith("（输入：授予 @李四 群秘书）");
    }

    @Test
    void aRefusalByTheScopeGuardIsAudited() {
        var outcome = privately("demo-admin", "/绑定群 聚焦服务群");

        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.action()).isEqualTo("/绑定群");
        assertThat(audit.chat()).isEmpty();
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(audit.detail()).startsWith("/绑定群 需要在群里 @我 使用。");
    }

    @Test
    void aRefusalByTheArityGuardIsAuditedWithItsFirstLine() {
        var outcome = inGroup("demo-admin", "/角色 授予 lisi");

        AuditEntry audit = auditEntry(outcome);
        assertThat(audit.action()).isEqualTo("/角色 授予");
        assertThat(audit.result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(audit.detail()).isEqualTo("命令格式不对。用法：/角色 授予 <成员> <角色> [群名、编号或“全部”]（输入：授予 lisi）");
    }

    @Test
    void aRefusalOfAnUnknownSubcommandOfAStaffCommandIsAudited() {
        var outcome = inGroup("zhangsan", "/角色 删掉 lisi");

        // a resident is not told which subcommands staff have
        assertThat(replyText(outcome)).startsWith("没有找到命令 /角色 删掉。").doesNotContain("授予");
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.REFUSED);
    }

    @Test
    void aPrivilegedCommandFromAPrivateChatIsAuditedAgainstTheChosenGroup() {
        contexts.choose("sec-li", FOCUS);

        var outcome = privately("sec-li", "/群信息");

        assertThat(auditEntry(outcome).chat()).contains(FOCUS_CHAT);
        assertThat(auditEntry(outcome).result()).isEqualTo(AuditEntry.Result.DONE);
    }

    @Test
    void whatEveryoneMayDoIsNotAudited() {
        assertThat(audited(inGroup("zhangsan", "/帮助"))).isFalse();
        assertThat(audited(inGroup("zhangsan", "/群规"))).isFalse();
        assertThat(audited(inGroup("zhangsan", "/我是谁"))).isFalse();
        assertThat(audited(inGroup("zhangsan", "/群规 乱写"))).isFalse();
        assertThat(audited(inGroup("zhangsan", "/帮助 a b"))).isFalse();
        assertThat(audited(privately("zhangsan", "/切换"))).isFalse();
    }

    @Test
    void anAdminsHelpIsNotAuditedEither() {
        assertThat(audited(inGroup("demo-admin", "/帮助"))).isFalse();
    }

    @Test
    void somethingThatIsNoCommandIsNotAudited() {
        assertThat(audited(inGroup("zhangsan", "/群信心"))).isFalse();
        assertThat(audited(privately("zhangsan", "你好"))).isFalse();
        assertThat(audited(inGroup("zhangsan", "大家好"))).isFalse();
    }
}
