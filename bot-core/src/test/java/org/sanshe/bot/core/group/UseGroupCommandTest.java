package org.sanshe.bot.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.audited;
import static org.sanshe.bot.core.fixture.Outcomes.changes;
import static org.sanshe.bot.core.fixture.Outcomes.replyText;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange.PrivateContextChosen;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakePrivateContexts;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;

/**
 * /切换 through the whole engine: three groups, 编号 1 to 3; social worker sw-zhao is staff in the first two, resident
 * zhangsan in none.
 */
class UseGroupCommandTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final String FOCUS_TWO = "wrFOCUS2";
    private static final String RESIDENTS = "wrRES1";

    private final FakeGroups groups = Fakes.groups()
            .register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE")
            .register(FOCUS_TWO, "幸福里聚焦服务群", "FOCUS_SERVICE")
            .register(RESIDENTS, "阳光小区居民群", "RESIDENTS");
    private final FakeRoleGrants roles =
            Fakes.roles().grant("sw-zhao", Role.SOCIAL_WORKER, FOCUS).grant("sw-zhao", Role.VOLUNTEER, FOCUS_TWO);
    private final FakePrivateContexts contexts = Fakes.contexts();

    private Engine engine() {
        return Bots.bot().groups(groups).roles(roles).contexts(contexts).build();
    }

    private Outcome privately(String member, String text) {
        return engine().decide(Events.text().from(member).privately().saying(text));
    }

    private static PrivateContextChosen chose(String member, String chat) {
        return new PrivateContextChosen(UserId.of(member), ChatId.of(chat), Events.NOW);
    }

    @Test
    void aloneItListsTheGroupsWhereTheCallerIsStaffWithTheirNumbers() {
        var outcome = privately("sw-zhao", "/切换");

        assertThat(replyText(outcome))
                .isEqualTo(String.join(
                        "\n",
                        "当前还没有选择群。",
                        "您可以切换到：",
                        "1. 阳光社区聚焦服务群（聚焦服务群）",
                        "2. 幸福里聚焦服务群（聚焦服务群）",
                        "输入 /切换 群名或编号 进行选择。"));
        assertThat(outcome.changes()).isEmpty();
    }

    @Test
    void theListSaysWhichGroupIsChosenNow() {
        contexts.choose("sw-zhao", FOCUS_TWO);

        var outcome = privately("sw-zhao", "/切换");

        assertThat(replyText(outcome)).startsWith("当前群：「幸福里聚焦服务群」（编号 2）\n您可以切换到：\n");
    }

    @Test
    void anAdminFromConfigurationMayChooseAnyGroup() {
        var outcome = Bots.bot()
                .groups(groups)
                .admins("demo-admin")
                .build()
                .decide(Events.text().from("demo-admin").privately().saying("/切换"));

        assertThat(replyText(outcome)).contains("1. 阳光社区聚焦服务群", "2. 幸福里聚焦服务群", "3. 阳光小区居民群（线上小区居民群）");
    }

    @Test
    void aResidentIsToldThereIsNoGroupToChoose() {
        var outcome = privately("zhangsan", "/切换");

        assertThat(replyText(outcome)).isEqualTo("您还没有任何群的工作人员角色，所以没有可以切换的群。如需权限，请联系群管理员。");
        assertThat(outcome.changes()).isEmpty();
    }

    @Test
    void aGroupIsChosenByItsNumber() {
        var outcome = privately("sw-zhao", "/切换 2");

        assertThat(replyText(outcome)).isEqualTo("好的，接下来您在私聊中的命令将作用于「幸福里聚焦服务群」（编号 2，聚焦服务群）。");
        assertThat(outcome.changes()).containsExactly(chose("sw-zhao", FOCUS_TWO));
    }

    @Test
    void theNumberMayBeWrittenTheWayTheBotWritesIt() {
        assertThat(privately("sw-zhao", "/切换 #2").changes()).containsExactly(chose("sw-zhao", FOCUS_TWO));
        assertThat(privately("sw-zhao", "/切换 编号2").changes()).containsExactly(chose("sw-zhao", FOCUS_TWO));
        assertThat(privately("sw-zhao", "/切换 编号 2").changes()).containsExactly(chose("sw-zhao", FOCUS_TWO));
        assertThat(privately("sw-zhao", "/切换 ＃２").changes()).containsExactly(chose("sw-zhao", FOCUS_TWO));
    }

    @Test
    void aGroupIsChosenByItsFullName() {
        var outcome = privately("sw-zhao", "/切换 阳光社区聚焦服务群");

        assertThat(outcome.changes()).containsExactly(chose("sw-zhao", FOCUS));
    }

    @Test
    void aGroupIsChosenByAPartOfItsNameOnlyItHas() {
        var outcome = privately("sw-zhao", "/切换 幸福里");

        assertThat(replyText(outcome)).isEqualTo("好的，接下来您在私聊中的命令将作用于「幸福里聚焦服务群」（编号 2，聚焦服务群）。");
        assertThat(outcome.changes()).containsExactly(chose("sw-zhao", FOCUS_TWO));
    }

    @Test
    void aPartSeveralGroupsShareGetsAQuestionBack() {
        var outcome = privately("sw-zhao", "/切换 聚焦");

        assertThat(replyText(outcome)).isEqualTo("“聚焦”对应不止一个群：「阳光社区聚焦服务群」（编号 1）、「幸福里聚焦服务群」（编号 2）。请用完整群名或编号再说一次。");
        assertThat(outcome.changes()).isEmpty();
    }

    @Test
    void aGroupNobodyRegisteredIsNotFound() {
        var outcome = privately("sw-zhao", "/切换 篮球群");

        assertThat(replyText(outcome)).isEqualTo("没有找到群“篮球群”。私聊我输入 /切换 可以查看您能选择的群和编号。");
        assertThat(outcome.changes()).isEmpty();
    }

    @Test
    void aGroupWhereTheCallerIsNotStaffCannotBeChosen() {
        var outcome = privately("sw-zhao", "/切换 阳光小区居民群");

        assertThat(replyText(outcome)).isEqualTo("您在「阳光小区居民群」没有工作人员角色，不能切换到这个群。如需权限，请联系群管理员。");
        assertThat(outcome.changes()).isEmpty();
    }

    @Test
    void inAGroupItIsRefusedBecauseCommandsThereActOnThatGroup() {
        var outcome =
                engine().decide(Events.text().from("sw-zhao").inGroup(FOCUS).saying("/切换 2"));

        assertThat(replyText(outcome)).isEqualTo("/切换 请在与我的私聊中使用。在群里直接 @我 使用命令即可，命令会作用于本群。");
        assertThat(changes(outcome, PrivateContextChosen.class)).isEmpty();
    }

    @Test
    void choosingAGroupIsNotAPrivilegedCommandAndIsNotAudited() {
        var outcome = privately("sw-zhao", "/切换 1");

        assertThat(audited(outcome)).isFalse();
    }
}
