package org.sanshe.bot.core.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Verdicts.passed;
import static org.sanshe.bot.core.fixture.Verdicts.rejectionText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.command.builtin.WhoAmICommand;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.Requests;
import org.sanshe.bot.core.fixture.TestCommands;
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

        assertThat(rejectionText(guard.check(request))).isEqualTo("/记录 涉及个人信息，请在与我的私聊中使用。");
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
}
