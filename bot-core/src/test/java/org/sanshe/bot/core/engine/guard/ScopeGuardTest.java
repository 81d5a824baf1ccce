package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.audit.AuditCommand;
import org.sanshe.bot.core.command.builtin.WhoAmICommand;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.fixture.TestCommands;
import org.sanshe.bot.core.group.BindGroupCommand;
import org.sanshe.bot.core.group.UseGroupCommand;
import org.sanshe.bot.core.text.Texts;

class ScopeGuardTest {
    private final ScopeGuard guard = new ScopeGuard(Texts.chinese());

    @Test
    void refusesAGroupOnlyCommandInAPrivateChatSayingWhereToTypeIt() {
        var request = Requests.resolved(
                Events.text().from("zhangsan").privately().saying("/公告 明天停水"), TestCommands.groupOnly());

        assertThat(rejectionText(guard.check(request))).isEqualTo("/公告 需要在群里 @我 使用。");
    }

    @Test
    void refusesAPrivateOnlyCommandInAGroupSayingItIsPersonal() {
        var request = Requests.resolved(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/记录 3栋1202 头痛"), TestCommands.privateOnly());

        assertThat(rejectionText(guard.check(request))).isEqualTo("/记录 请在与我的私聊中使用。");
    }

    @Test
    void passesAGroupOnlyCommandInAGroup() {
        var request = Requests.resolved(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/公告 明天停水"), TestCommands.groupOnly());

        assertThat(passed(guard.check(request))).isSameAs(request);
    }

    @Test
    void passesAPrivateOnlyCommandInAPrivateChat() {
        var request = Requests.resolved(
                Events.text().from("zhangsan").privately().saying("/记录 3栋1202 头痛"), TestCommands.privateOnly());

        assertThat(guard.check(request)).isInstanceOf(Verdict.Continue.class);
    }

    @Test
    void passesAnAnywhereCommandInBoth() {
        var inGroup = Requests.resolved(
                Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/我是谁"), new WhoAmICommand());
        var privately =
                Requests.resolved(Events.text().from("zhangsan").privately().saying("/我是谁"), new WhoAmICommand());

        assertThat(guard.check(inGroup)).isInstanceOf(Verdict.Continue.class);
        assertThat(guard.check(privately)).isInstanceOf(Verdict.Continue.class);
    }

    @Test
    void refusesBindingInAPrivateChatPointingToCustomerGroupRegistration() {
        var request = Requests.resolved(
                Events.text().from("demo-admin").privately().saying("/绑定群 聚焦服务群"), new BindGroupCommand());

        assertThat(rejectionText(guard.check(request))).isEqualTo("/绑定群 需要在群里 @我 使用。客户群（有微信用户的外部群）请在私聊中用 /登记客户群。");
    }

    @Test
    void refusesSwitchingInAGroupSayingCommandsThereActOnThatGroup() {
        var request = Requests.resolved(
                Events.text().from("sw-zhao").inGroup("wrFOCUS1").saying("/切换 2"), new UseGroupCommand());

        assertThat(rejectionText(guard.check(request))).isEqualTo("/切换 请在与我的私聊中使用。在群里直接 @我 使用命令即可，命令会作用于本群。");
    }

    @Test
    void refusesTheAuditInAGroupBecauseItNamesMembers() {
        var request = Requests.resolved(
                Events.text().from("demo-admin").inGroup("wrFOCUS1").saying("/审计"), new AuditCommand());

        assertThat(rejectionText(guard.check(request))).isEqualTo("/审计 请在与我的私聊中使用。操作记录会提到成员，只在私聊中显示。");
    }
}
