package org.sanshe.bot.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakeMembers;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.FakeRuleBreaches;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.port.ContentScanner;

/**
 * Rule breaches in 阳光小区5栋居民群 (secretary 李秘书, administrator 周管理员) and 阳光社区聚焦服务群: nothing is ever said in
 * the group; the member is reminded privately, the secretary gets a note where the rule asks for one, warnings add up
 * and the administrator gets a report at the third.
 */
class BreachFlowTest {
    private static final String RESIDENTS = "wrRES5";
    private static final String FOCUS = "wrFOCUS1";
    private static final Instant T0 = Events.NOW;

    /** 广告 is advertising, 内部消息 a rumour, a mobile number private information: the lexicons are tested apart. */
    private static final ContentScanner SCANNER = text -> {
        List<ContentScanner.Finding> found = new java.util.ArrayList<>();
        if (text.contains("广告")) {
            found.add(new ContentScanner.Finding("ADVERTISING", 1));
        }
        if (text.contains("内部消息")) {
            found.add(new ContentScanner.Finding("RUMOUR", 2));
        }
        if (text.matches(".*1[3-9]\\d{9}.*")) {
            found.add(new ContentScanner.Finding("PRIVATE_INFO", 2));
        }
        return new ContentScanner.Scan(List.of(), found);
    };

    private final FakeGroups groups =
            Fakes.groups().register(RESIDENTS, "阳光小区5栋居民群", "RESIDENTS").register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE");
    private final FakeRoleGrants roles = Fakes.roles()
            .grant("sec-li", Role.SECRETARY, RESIDENTS)
            .grant("adm-zhou", Role.ADMIN, RESIDENTS)
            .grant("sw-zhang", Role.SOCIAL_WORKER, FOCUS)
            .grant("vol-chen", Role.VOLUNTEER, RESIDENTS);
    private final FakeMembers members = Fakes.members()
            .in(RESIDENTS, "res-501", "5栋501-租住")
            .add(
                    RESIDENTS,
                    new Member(UserId.of("wmAUNT1"), Optional.of("王阿姨"), Optional.of("5栋302-自住"), MemberKind.EXTERNAL));
    private final FakeRuleBreaches breaches = Fakes.breaches();
    private final Engine engine = Bots.bot()
            .groups(groups)
            .roles(roles)
            .members(members)
            .scanner(SCANNER)
            .breaches(breaches)
            .build();

    private Outcome say(String who, String chat, String text, Instant at) {
        Outcome o = engine.decide(Events.text().from(who).inGroup(chat).at(at).saying(text));
        breaches.commit(o);
        assertThat(o.outbound())
                .as("never a word in the group")
                .noneMatch(Outbound.ReplyInConversation.class::isInstance);
        return o;
    }

    private static List<Outbound.PrivateMessage> privately(Outcome o, String to) {
        return o.outbound().stream()
                .filter(Outbound.PrivateMessage.class::isInstance)
                .map(Outbound.PrivateMessage.class::cast)
                .filter(m -> m.to().value().equals(to))
                .toList();
    }

    @Test
    void advertisingIsRemindedPrivatelyAndTheThirdWarningIsReportedToTheAdministrator() {
        Outcome first = say("res-501", RESIDENTS, "团购广告，加我", T0);
        assertThat(privately(first, "res-501"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("「阳光小区5栋居民群」是社区服务群，不能发布广告"));
        assertThat(privately(first, "adm-zhou")).isEmpty();
        assertThat(privately(first, "sec-li"))
                .as("advertising asks no note by default")
                .isEmpty();
        assertThat(changes(first, StateChange.BreachRecorded.class))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.rule()).isEqualTo("ADVERTISING");
                    assertThat(b.acted()).isTrue();
                    assertThat(b.warned()).isTrue();
                });

        Outcome second = say("res-501", RESIDENTS, "再发一次广告", T0.plus(Duration.ofHours(1)));
        assertThat(privately(second, "res-501")).hasSize(1);
        assertThat(privately(second, "adm-zhou")).isEmpty();

        Outcome third = say("res-501", RESIDENTS, "最后一次广告", T0.plus(Duration.ofDays(2)));
        assertThat(privately(third, "adm-zhou"))
                .singleElement()
                .satisfies(m -> assertThat(m.text())
                        .contains("【违规报告】「阳光小区5栋居民群」的 5栋501-租住")
                        .contains("近 30 天已累计警告 3 次（广告推广 3 次）")
                        .contains("机器人无法移出成员")
                        .doesNotContain("团购"));
    }

    @Test
    void aBurstWithinTheQuietPeriodIsActedOnOnce() {
        say("res-501", RESIDENTS, "广告一", T0);
        Outcome again = say("res-501", RESIDENTS, "广告二", T0.plus(Duration.ofMinutes(3)));
        assertThat(again.outbound()).isEmpty();
        assertThat(changes(again, StateChange.BreachRecorded.class))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.acted()).isFalse();
                    assertThat(b.warned()).isFalse();
                });
        Outcome later = say("res-501", RESIDENTS, "广告三", T0.plus(Duration.ofMinutes(11)));
        assertThat(privately(later, "res-501")).hasSize(1);
    }

    @Test
    void warningsOlderThanTheDecayNoLongerCount() {
        say("res-501", RESIDENTS, "广告一", T0);
        say("res-501", RESIDENTS, "广告二", T0.plus(Duration.ofDays(1)));
        Outcome third =
                say("res-501", RESIDENTS, "广告三", T0.plus(Duration.ofDays(30).plusHours(1)));
        assertThat(privately(third, "adm-zhou"))
                .as("the first warning has decayed")
                .isEmpty();
        Outcome fourth =
                say("res-501", RESIDENTS, "广告四", T0.plus(Duration.ofDays(30).plusHours(2)));
        assertThat(privately(fourth, "adm-zhou")).hasSize(1);
    }

    @Test
    void aRumourGoesToTheSecretaryWithTheWordsAndPrivateInformationWithout() {
        Outcome rumour = say("res-501", RESIDENTS, "@群秘书 内部消息：明天封楼", T0);
        assertThat(privately(rumour, "sec-li"))
                .singleElement()
                .satisfies(m -> assertThat(m.text())
                        .contains("【群规提醒】「阳光小区5栋居民群」")
                        .contains("5栋501-租住（res-501）：疑似未经核实的信息，原话：「内部消息：明天封楼」。已私聊提醒本人。")
                        .contains("不要在群里点名批评"));

        Outcome both = say("res-501", RESIDENTS, "有事打我电话13812345678，内部消息", T0.plus(Duration.ofHours(1)));
        assertThat(privately(both, "res-501"))
                .as("one private message, both reminders")
                .singleElement();
        assertThat(privately(both, "res-501").get(0).text()).contains("电话号码").contains("还没有经过核实");
        assertThat(privately(both, "sec-li"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).doesNotContain("13812345678"));
        assertThat(changes(both, StateChange.BreachRecorded.class))
                .as("one message is one warning")
                .filteredOn(StateChange.BreachRecorded::warned)
                .hasSize(1);
    }

    @Test
    void anExternalMemberCannotBeMessagedSoTheSecretaryIsAskedToRemindThem() {
        Outcome o = say("wmAUNT1", RESIDENTS, "卖土鸡蛋广告", T0);
        assertThat(privately(o, "wmAUNT1")).isEmpty();
        assertThat(privately(o, "sec-li"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("5栋302-自住").contains("机器人无法私聊，请您私下提醒"));
    }

    @Test
    void exemptRolesAndUnregisteredGroupsAreLeftAlone() {
        assertThat(say("sec-li", RESIDENTS, "社区服务电话 13812345678", T0).outbound())
                .isEmpty();
        assertThat(say("res-501", "wrNOTREGISTERED", "广告", T0).outbound()).isEmpty();
        Outcome inPrivate =
                engine.decide(Events.text().from("res-501").privately().saying("广告"));
        assertThat(changes(inPrivate, StateChange.BreachRecorded.class)).isEmpty();
    }

    @Test
    void staffWithoutARoleInAServiceGroupAreRemindedGentlyThere() {
        Outcome offShift = say("vol-chen", FOCUS, "我也来说两句", T0);
        assertThat(privately(offShift, "vol-chen"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("「阳光社区聚焦服务群」里请由当班的工作人员回复"));
        assertThat(changes(offShift, StateChange.BreachRecorded.class))
                .singleElement()
                .satisfies(b ->
                        assertThat(b.warned()).as("a reminder, not a warning").isFalse());

        assertThat(say("sw-zhang", FOCUS, "大家好，我是今天值班的社工", T0).outbound()).isEmpty();
        assertThat(say("res-501", FOCUS, "请问在吗", T0).outbound())
                .as("residents speak freely")
                .isEmpty();
        assertThat(say("vol-chen", RESIDENTS, "我来帮忙", T0).outbound())
                .as("residents' groups do not keep this rule")
                .isEmpty();
    }

    @Test
    void aGroupTypeCanSwitchARuleOffAndADeployerCanWordTheReminder() {
        RuleBook defaults = RuleBook.defaults();
        var rules = new java.util.HashMap<>(defaults.rules());
        rules.put(
                "ADVERTISING",
                new BreachRule(
                        "ADVERTISING",
                        Optional.of("广告"),
                        java.util.Set.of(BreachAction.REMIND),
                        java.util.Set.of(),
                        Optional.of("{群名}不发广告哦")));
        RuleBook book = new RuleBook(
                rules,
                java.util.Map.of("FOCUS_SERVICE", java.util.Map.of("ADVERTISING", java.util.Set.of())),
                3,
                Duration.ofDays(30),
                Duration.ofMinutes(10));
        Engine custom = Bots.bot()
                .groups(groups)
                .roles(roles)
                .members(members)
                .scanner(SCANNER)
                .rules(book)
                .build();
        Outcome residents =
                custom.decide(Events.text().from("res-501").inGroup(RESIDENTS).saying("广告"));
        assertThat(privately(residents, "res-501"))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("阳光小区5栋居民群不发广告哦"));
        Outcome focus =
                custom.decide(Events.text().from("res-501").inGroup(FOCUS).saying("广告"));
        assertThat(focus.outbound()).isEmpty();
        assertThat(changes(focus, StateChange.BreachRecorded.class)).isEmpty();
    }
}
