package org.sanshe.bot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.command.CommandSpec;
import org.sanshe.bot.core.command.Scope;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeRateLimiter;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.fixture.TestCommands;

class EngineTest {
    private static final ChatId FOCUS = ChatId.of("wrFOCUS1");

    @Test
    void answersHelpInAGroupInTheSameConversation() {
        var outcome = Bots.bot()
                .build()
                .decide(Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("@三社助手 /帮助"));

        assertThat(outcome.outbound()).singleElement().isInstanceOf(Outbound.ReplyInConversation.class);
        assertThat(replyText(outcome)).contains("/我是谁", "/帮助");
    }

    @Test
    void recordsTheSpeakerAsSeenInTheGroup() {
        var outcome = Bots.bot()
                .build()
                .decide(Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/帮助"));

        assertThat(outcome.changes())
                .containsExactly(new StateChange.MemberSeen(FOCUS, UserId.of("zhangsan"), Events.NOW));
    }

    @Test
    void saysNothingToPlainTextInAGroupButStillSeesTheSpeaker() {
        var outcome = Bots.bot()
                .build()
                .decide(Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("大家好，今天有物资吗"));

        assertThat(outcome.outbound()).isEmpty();
        assertThat(outcome.changes())
                .containsExactly(new StateChange.MemberSeen(FOCUS, UserId.of("zhangsan"), Events.NOW));
    }

    @Test
    void answersPlainTextInAPrivateChatWithAHintAndChangesNothing() {
        var outcome = Bots.bot()
                .build()
                .decide(Events.text().from("zhangsan").privately().saying("你好"));

        assertThat(replyText(outcome)).contains("/帮助");
        assertThat(outcome.changes()).isEmpty();
    }

    @Test
    void turnsMembersJoinedIntoOneMemberSeenEach() {
        var outcome = Bots.bot().build().decide(Events.joined("wrRES1", "lisi", "wangwu"));

        assertThat(outcome.changes())
                .containsExactly(
                        new StateChange.MemberSeen(ChatId.of("wrRES1"), UserId.of("lisi"), Events.NOW),
                        new StateChange.MemberSeen(ChatId.of("wrRES1"), UserId.of("wangwu"), Events.NOW));
        assertThat(outcome.outbound()).isEmpty();
    }

    @Test
    void turnsMembersLeftIntoMembersGone() {
        var outcome = Bots.bot().build().decide(Events.left("wrRES1", "lisi", "wangwu"));

        assertThat(outcome.changes())
                .containsExactly(new StateChange.MembersGone(
                        ChatId.of("wrRES1"), List.of(UserId.of("lisi"), UserId.of("wangwu")), Events.NOW));
        assertThat(outcome.outbound()).isEmpty();
    }

    @Test
    void doesNothingYetForCardClicksAndTimers() {
        var engine = Bots.bot().build();

        assertThat(engine.decide(Events.buttonClicked("sw01", "wrFOCUS1", "accept")))
                .isEqualTo(Outcome.nothing());
        assertThat(engine.decide(Events.timerFired("shift-reminder", "shift-7")))
                .isEqualTo(Outcome.nothing());
    }

    @Test
    void neverAnswersItsOwnMessages() {
        var outcome = Bots.bot()
                .build()
                .decide(Events.text().from(Bots.BOT_ID).privately().saying("/帮助"));

        assertThat(outcome.outbound()).isEmpty();
    }

    @Test
    void answersARateLimitedCallerWithTheLimitText() {
        var engine = Bots.bot().limiter(Fakes.limiter().allowing(1)).build();
        engine.decide(Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/帮助"));

        var outcome =
                engine.decide(Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/帮助"));

        assertThat(replyText(outcome)).isEqualTo("您发送命令太频繁了，请稍等一会儿再试（每 60 秒内有次数限制）。");
    }

    @Test
    void countsEveryMessageToTheBotAgainstTheLimitSoHintsCannotFlood() {
        FakeRateLimiter limiter = Fakes.limiter().allowing(1);
        var engine = Bots.bot().limiter(limiter).build();
        var hint = engine.decide(Events.text().from("zhangsan").privately().saying("你好"));

        var outcome = engine.decide(Events.text().from("zhangsan").privately().saying("/帮助"));

        assertThat(replyText(hint)).contains("/帮助");
        assertThat(replyText(outcome)).contains("太频繁");
        assertThat(limiter.asked())
                .hasSize(2)
                .allMatch(a ->
                        a.equals(new FakeRateLimiter.Asked("cmd:zhangsan", Bots.COMMAND_LIMIT, Bots.COMMAND_WINDOW)));
    }

    @Test
    void checksTheRateLimitBeforeLookingTheCommandUp() {
        var engine = Bots.bot().limiter(Fakes.limiter().refusingEverything()).build();

        var outcome = engine.decide(Events.text().from("zhangsan").privately().saying("/不存在的命令"));

        assertThat(replyText(outcome)).startsWith("您发送命令太频繁了");
    }

    @Test
    void suggestsACloseNameForATypo() {
        var outcome = Bots.bot()
                .build()
                .decide(Events.text().from("zhangsan").privately().saying("/whoamii"));

        assertThat(replyText(outcome)).isEqualTo("没有找到命令 /whoamii。您是不是想输入 /whoami？");
    }

    @Test
    void refusesAStaffCommandToAResident() {
        var engine = Bots.bot().with(TestCommands.staffOnly()).build();

        var outcome =
                engine.decide(Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/点名"));

        assertThat(replyText(outcome)).isEqualTo("只有社工可以使用 /点名。如需权限，请联系群管理员。");
    }

    @Test
    void runsAStaffCommandForASocialWorkerGrantedInThatGroup() {
        var engine = Bots.bot()
                .with(TestCommands.staffOnly())
                .roles(Fakes.roles().grant("sw01", Role.SOCIAL_WORKER, "wrFOCUS1"))
                .build();

        var outcome =
                engine.decide(Events.text().from("sw01").inGroup("wrFOCUS1").saying("/点名"));

        assertThat(replyText(outcome)).isEqualTo("点名开始");
    }

    @Test
    void doesNotCarryAGrantFromOneGroupIntoAnother() {
        var engine = Bots.bot()
                .with(TestCommands.staffOnly())
                .roles(Fakes.roles().grant("sw01", Role.SOCIAL_WORKER, "wrFOCUS1"))
                .build();

        var outcome = engine.decide(Events.text().from("sw01").inGroup("wrRES1").saying("/点名"));

        assertThat(replyText(outcome)).startsWith("只有社工可以使用");
    }

    @Test
    void runsAStaffCommandForAnAdminFromConfiguration() {
        var engine = Bots.bot().with(TestCommands.staffOnly()).admins("boss").build();

        var outcome = engine.decide(Events.text().from("boss").privately().saying("/签到"));

        assertThat(replyText(outcome)).isEqualTo("点名开始");
    }

    @Test
    void checksTheRoleBeforeTheScope() {
        var staffGroupCommand = new TestCommands.Answering(
                new CommandSpec("rollcall", "点名", List.of(), Role.SOCIAL_WORKER, Scope.GROUP, 0, 0), "点名开始");
        var engine = Bots.bot().with(staffGroupCommand).build();

        var outcome = engine.decide(Events.text().from("zhangsan").privately().saying("/点名"));

        assertThat(replyText(outcome)).startsWith("只有社工可以使用");
    }

    @Test
    void refusesAGroupCommandInAPrivateChat() {
        var engine = Bots.bot().with(TestCommands.groupOnly()).build();

        var outcome = engine.decide(Events.text().from("zhangsan").privately().saying("/公告 明天停水"));

        assertThat(replyText(outcome)).isEqualTo("/公告 需要在群里 @我 使用。");
    }

    @Test
    void refusesWrongArgumentsWithUsage() {
        var outcome = Bots.bot()
                .build()
                .decide(Events.text().from("zhangsan").privately().saying("/我是谁 张三"));

        assertThat(replyText(outcome)).isEqualTo("命令格式不对。用法：/我是谁\n例如：/我是谁");
    }

    @Test
    void outcomesAddUp() {
        var joined = new Outcome(List.of(new StateChange.MemberSeen(FOCUS, UserId.of("a"), Events.NOW)), List.of());
        var answered = new Outcome(List.of(), List.of(new Outbound.ReplyInConversation("好")));

        var both = joined.plus(answered);

        assertThat(both.changes()).isEqualTo(joined.changes());
        assertThat(both.outbound()).isEqualTo(answered.outbound());
    }

    @Test
    void refusesACommandLimitBelowOne() {
        assertThatThrownBy(() -> new BotSettings(Set.of(), Set.of(), 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
