package org.sanshe.bot.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent.CardButtonClicked;
import org.sanshe.bot.core.event.InboundEvent.TimerFired;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeEscalations;
import org.sanshe.bot.core.fixture.FakeGroups;
import org.sanshe.bot.core.fixture.FakeMembers;
import org.sanshe.bot.core.fixture.FakeRoleGrants;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.port.ContentScanner;

/**
 * A crisis in the focus group, told as it happens: 3栋1202 writes that she does not want to live; the group's social
 * worker 张社工 gets a card privately, nothing is said in the group; if she does not take it within five minutes the
 * backup social worker 王社工 (valid in every group) gets it, then the administrator; with nobody at all, it is flagged.
 */
class EscalationFlowTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final ChatId FOCUS_CHAT = ChatId.of(FOCUS);

    /** Finds 不想活 as SELF_HARM (3) and a phone number as PRIVATE_INFO: the lexicons are tested on their own. */
    private static final ContentScanner SCANNER = text -> {
        if (text.contains("不想活")) {
            return new ContentScanner.Scan(List.of(new ContentScanner.Finding("SELF_HARM", 3)), List.of());
        }
        if (text.matches(".*1[3-9]\\d{9}.*")) {
            return new ContentScanner.Scan(List.of(), List.of(new ContentScanner.Finding("PRIVATE_INFO", 2)));
        }
        return ContentScanner.Scan.NOTHING;
    };

    private final FakeGroups groups = Fakes.groups().register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE");
    private final FakeRoleGrants roles =
            Fakes.roles().grant("sw-zhang", Role.SOCIAL_WORKER, FOCUS).grantEverywhere("sw-wang", Role.SOCIAL_WORKER);
    private final FakeMembers members = Fakes.members().in(FOCUS, "res-1202", "3栋1202-自住");
    private final FakeEscalations escalations = Fakes.escalations();

    private Engine engine() {
        return Bots.bot()
                .groups(groups)
                .roles(roles)
                .members(members)
                .escalations(escalations)
                .scanner(SCANNER)
                .admins("demo-admin")
                .build();
    }

    /** Decides and "commits": what the pipeline stores, the fake keeps. */
    private Outcome decide(org.sanshe.bot.core.event.InboundEvent event) {
        Outcome outcome = engine().decide(event);
        changes(outcome, StateChange.EscalationSaved.class).forEach(s -> escalations.save(s.escalation()));
        return outcome;
    }

    private Outcome residentSays(String text) {
        return decide(Events.text().from("res-1202").inGroup(FOCUS).saying("@三社助手 " + text));
    }

    private static List<Outbound.EscalationCard> cards(Outcome o) {
        return o.outbound().stream()
                .filter(Outbound.EscalationCard.class::isInstance)
                .map(Outbound.EscalationCard.class::cast)
                .toList();
    }

    private TimerFired timerOf(Outcome o, Instant firedAt) {
        StateChange.TimerSet t = changes(o, StateChange.TimerSet.class).get(0);
        return new TimerFired(Events.nextId(), t.timer(), t.subject(), firedAt);
    }

    @Test
    void aCrisisInAGroupReachesTheGroupsSocialWorkerPrivatelyAndNothingIsSaidInTheGroup() {
        var outcome = residentSays("我真的不想活了");

        assertThat(outcome.outbound()).noneMatch(Outbound.ReplyInConversation.class::isInstance);
        assertThat(cards(outcome)).singleElement().satisfies(card -> {
            assertThat(card.to()).isEqualTo(UserId.of("sw-zhang"));
            assertThat(card.title()).isEqualTo("【紧急转介 #1】自伤自杀风险");
            assertThat(card.description()).contains("「阳光社区聚焦服务群」", "3栋1202-自住（res-1202）", "我真的不想活了");
        });
        Escalation opened = escalations.find(1).orElseThrow();
        assertThat(opened.state()).isEqualTo(EscalationState.OPEN);
        assertThat(opened.chat()).contains(FOCUS_CHAT);
        assertThat(opened.excerpt()).isEqualTo("我真的不想活了");
        assertThat(changes(outcome, StateChange.TimerSet.class))
                .singleElement()
                .satisfies(t -> assertThat(t.due()).isEqualTo(Events.NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aCrisisInAPrivateChatIsAnsweredCalmlyThereAndEscalated() {
        var outcome = decide(
                Events.text().from("res-1202").privately().via(Channel.APP).saying("我不想活了"));

        assertThat(outcome.outbound())
                .filteredOn(Outbound.ReplyInConversation.class::isInstance)
                .singleElement()
                .satisfies(r ->
                        assertThat(((Outbound.ReplyInConversation) r).text()).contains("120", "社工"));
        assertThat(escalations.find(1)).isPresent();
    }

    @Test
    void aSecondMessageWhileTheFirstIsOpenJoinsItInsteadOfMessagingEveryoneAgain() {
        residentSays("我不想活了");

        var again = residentSays("真的不想活了");

        assertThat(cards(again)).isEmpty();
        assertThat(changes(again, StateChange.EscalationStep.class))
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo("again"));
    }

    @Test
    void withNobodyAcknowledgingTheBackupThenTheAdminAreMessagedAndAtLastItIsFlagged() {
        var opened = residentSays("我不想活了");

        var second = decide(timerOf(opened, Events.NOW.plusSeconds(300)));
        assertThat(cards(second)).extracting(Outbound.EscalationCard::to).containsExactly(UserId.of("sw-wang"));

        var third = decide(timerOf(second, Events.NOW.plusSeconds(600)));
        assertThat(cards(third)).extracting(Outbound.EscalationCard::to).containsExactly(UserId.of("demo-admin"));

        // the chain again (second round): the group's social worker first
        var fourth = decide(timerOf(third, Events.NOW.plusSeconds(900)));
        assertThat(cards(fourth)).extracting(Outbound.EscalationCard::to).containsExactly(UserId.of("sw-zhang"));
        var fifth = decide(timerOf(fourth, Events.NOW.plusSeconds(1200)));
        var sixth = decide(timerOf(fifth, Events.NOW.plusSeconds(1500)));

        var flagged = decide(timerOf(sixth, Events.NOW.plusSeconds(1800)));
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.UNACKNOWLEDGED);
        assertThat(flagged.outbound()).singleElement().satisfies(o -> {
            assertThat(o).isInstanceOf(Outbound.PrivateMessage.class);
            assertThat(((Outbound.PrivateMessage) o).to()).isEqualTo(UserId.of("demo-admin"));
            assertThat(((Outbound.PrivateMessage) o).text()).contains("无人接手", "#1");
        });
    }

    @Test
    void newWordsAfterTheWholeChainStayedSilentStartTheChainAgain() {
        var step = residentSays("我不想活了");
        for (int i = 1; i <= 6; i++) { // 3 levels × 2 rounds, then flagged
            step = decide(timerOf(step, Events.NOW.plusSeconds(300L * i)));
        }
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.UNACKNOWLEDGED);

        var again = decide(Events.text()
                .from("res-1202")
                .inGroup(FOCUS)
                .at(Events.NOW.plusSeconds(3600))
                .saying("@三社助手 我还是不想活"));

        // not a silent timeline step: the group's social worker gets a card again, and the chain runs again
        assertThat(cards(again)).extracting(Outbound.EscalationCard::to).containsExactly(UserId.of("sw-zhang"));
        assertThat(cards(again).get(0).number()).as("the same escalation").isEqualTo(1);
        Escalation running = escalations.find(1).orElseThrow();
        assertThat(running.state()).isEqualTo(EscalationState.OPEN);
        assertThat(running.level()).isZero();
        assertThat(running.round()).isZero();
        assertThat(changes(again, StateChange.TimerSet.class)).hasSize(1);
        assertThat(changes(again, StateChange.EscalationStep.class))
                .extracting(StateChange.EscalationStep::kind)
                .containsExactly("again", "notified");
        assertThat(again.outbound())
                .as("still nothing in the group")
                .noneMatch(o -> o instanceof Outbound.ReplyInConversation);
    }

    @Test
    void newWordsAfterSomeoneTookItReachThemAtOnce() {
        residentSays("我不想活了");
        decide(Events.text().from("sw-zhang").privately().saying("/接手 1"));

        var again = residentSays("我还是不想活");

        assertThat(cards(again)).isEmpty();
        assertThat(again.outbound()).singleElement().satisfies(o -> {
            assertThat(o).isInstanceOf(Outbound.PrivateMessage.class);
            assertThat(((Outbound.PrivateMessage) o).to()).isEqualTo(UserId.of("sw-zhang"));
            assertThat(((Outbound.PrivateMessage) o).text()).contains("#1", "3栋1202-自住", "我还是不想活");
        });
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.ACKNOWLEDGED);
        assertThat(changes(again, StateChange.EscalationStep.class))
                .extracting(StateChange.EscalationStep::kind)
                .containsExactly("again");
    }

    @Test
    void aTimerSetBeforeTheEscalationWasAcknowledgedDoesNothing() {
        var opened = residentSays("我不想活了");
        decide(new CardButtonClicked(
                Events.nextId(),
                Conversation.direct(Channel.APP, UserId.of("sw-zhang")),
                cards(opened).get(0).taskId(),
                "ack",
                Optional.of("RESPONSE-1"),
                Events.NOW.plusSeconds(60)));

        var late = decide(timerOf(opened, Events.NOW.plusSeconds(300)));

        assertThat(late.outbound()).isEmpty();
        assertThat(late.changes()).isEmpty();
    }

    @Test
    void clickingTakeStopsTheChainAndTurnsTheButtonIntoAcknowledged() {
        var opened = residentSays("我不想活了");

        var click = decide(new CardButtonClicked(
                Events.nextId(),
                Conversation.direct(Channel.APP, UserId.of("sw-zhang")),
                cards(opened).get(0).taskId(),
                "ack",
                Optional.of("RESPONSE-1"),
                Events.NOW.plusSeconds(60)));

        Escalation taken = escalations.find(1).orElseThrow();
        assertThat(taken.state()).isEqualTo(EscalationState.ACKNOWLEDGED);
        assertThat(taken.owner()).contains(UserId.of("sw-zhang"));
        assertThat(click.outbound())
                .contains(new Outbound.CardUpdate(UserId.of("sw-zhang"), "RESPONSE-1", "已接手"))
                .anySatisfy(o -> assertThat(o).isInstanceOf(Outbound.ReplyInConversation.class));
        assertThat(changes(click, StateChange.Audited.class)).hasSize(1);
    }

    @Test
    void aSecondPersonTakingItIsToldWhoAlreadyHasIt() {
        var opened = residentSays("我不想活了");
        decide(Events.text().from("sw-zhang").privately().saying("/接手 1"));

        var late = decide(Events.text().from("sw-wang").privately().saying("/接手 #1"));

        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(late)).isEqualTo("上报 #1 已由 sw-zhang 接手，无需重复处理。");
        assertThat(escalations.find(1).orElseThrow().owner()).contains(UserId.of("sw-zhang"));
    }

    @Test
    void aResidentCannotTakeAnEscalation() {
        residentSays("我不想活了");

        var outcome = decide(Events.text().from("res-3-0501").privately().saying("/接手 1"));

        assertThat(org.sanshe.bot.core.fixture.Outcomes.replyText(outcome)).contains("只有志愿者可以接手上报");
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.OPEN);
    }

    @Test
    void theOwnerResolvesItWithWhatWasDone() {
        residentSays("我不想活了");
        decide(Events.text().from("sw-zhang").privately().saying("/接手 1"));

        var outcome = decide(Events.text().from("sw-zhang").privately().saying("/解决 1 已电话联系，家属已到场陪同"));

        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.RESOLVED);
        assertThat(changes(outcome, StateChange.EscalationStep.class))
                .singleElement()
                .satisfies(s -> assertThat(s.detail()).isEqualTo("已电话联系，家属已到场陪同"));
    }

    @Test
    void aHandOverSendsTheCardToTheOtherStaffMember() {
        residentSays("我不想活了");

        var outcome = decide(Events.text().from("sw-zhang").privately().saying("/转交 1 sw-wang"));

        assertThat(cards(outcome)).extracting(Outbound.EscalationCard::to).containsExactly(UserId.of("sw-wang"));
        assertThat(escalations.find(1).orElseThrow().owner()).contains(UserId.of("sw-wang"));
    }

    @Test
    void staffCanEscalateByHandAndTheGroupOnlyHearsThatItWasPassedOn() {
        roles.grant("med-wang", Role.MEDICAL, FOCUS);

        var outcome = decide(Events.text().from("med-wang").inGroup(FOCUS).saying("/上报 5栋独居老人电话一直没人接"));

        assertThat(outcome.outbound())
                .filteredOn(Outbound.ReplyInConversation.class::isInstance)
                .containsExactly(new Outbound.ReplyInConversation("收到，已私下转给社工处理。"));
        assertThat(cards(outcome)).extracting(Outbound.EscalationCard::to).containsExactly(UserId.of("sw-zhang"));
    }

    @Test
    void aReportSentQuotingAResidentsMessageCarriesTheQuotedWordsToTheCard() {
        roles.grant("med-wang", Role.MEDICAL, FOCUS);
        var event = Events.text().from("med-wang").inGroup(FOCUS).saying("@三社助手 /上报 请社工跟进");
        var quoting = new org.sanshe.bot.core.event.InboundEvent.TextReceived(
                event.id(), event.conversation(), event.text(), event.at(), java.util.Optional.of("我家老人摔倒了起不来"));

        var outcome = decide(quoting);

        assertThat(cards(outcome))
                .singleElement()
                .satisfies(card -> assertThat(card.description()).contains("请社工跟进（引用：「我家老人摔倒了起不来」）"));
        assertThat(escalations.find(1).orElseThrow().excerpt()).contains("引用");
    }

    @Test
    void aCrisisInAGroupNobodyRegisteredSaysSoOnTheCardNotPrivateChat() {
        var outcome =
                decide(Events.text().from("res-x").inGroup("wrUNKNOWN0001").saying("@三社助手 我不想活了"));

        assertThat(cards(outcome))
                .isNotEmpty()
                .allSatisfy(card -> assertThat(card.description()).startsWith("未登记的群（…WN0001）"));
    }

    @Test
    void withNobodyInTheChainItIsFlaggedAtOnce() {
        var lonely = Bots.bot()
                .groups(Fakes.groups().register("wrEMPTY", "空群", "FOCUS_SERVICE"))
                .escalations(escalations)
                .scanner(SCANNER)
                .build();

        var outcome =
                lonely.decide(Events.text().from("res-1").inGroup("wrEMPTY").saying("我不想活了"));

        assertThat(changes(outcome, StateChange.EscalationSaved.class))
                .singleElement()
                .satisfies(s -> assertThat(s.escalation().state()).isEqualTo(EscalationState.UNACKNOWLEDGED));
    }

    @Test
    void aPhoneNumberInAGroupGetsAPrivateReminderAndNothingPublic() {
        var outcome = residentSays("有需要打我电话13812345678");

        assertThat(outcome.outbound()).singleElement().satisfies(o -> {
            assertThat(o).isInstanceOf(Outbound.PrivateMessage.class);
            assertThat(((Outbound.PrivateMessage) o).to()).isEqualTo(UserId.of("res-1202"));
            assertThat(((Outbound.PrivateMessage) o).text())
                    .contains("阳光社区聚焦服务群", "私聊")
                    .doesNotContain("13812345678");
        });
    }

    @Test
    void theListShowsWhatTheCallerMayActOn() {
        residentSays("我不想活了");

        String list = org.sanshe.bot.core.fixture.Outcomes.replyText(
                decide(Events.text().from("sw-wang").privately().saying("/升级列表")));

        assertThat(list).contains("#1", "阳光社区聚焦服务群", "自伤自杀风险", "待接手");
    }

    @Test
    void theListPutsWhatNobodyTookFirstUnderItsOwnHeading() {
        residentSays("我不想活了");
        decide(Events.text().from("res-0501").inGroup(FOCUS).saying("@三社助手 我不想活了"));
        escalations.save(escalations
                .find(1)
                .orElseThrow()
                .with(EscalationState.UNACKNOWLEDGED, 0, 2, java.util.Optional.empty(), Events.NOW.plusSeconds(600)));

        String list = org.sanshe.bot.core.fixture.Outcomes.replyText(
                decide(Events.text().from("demo-admin").privately().saying("/升级列表")));

        assertThat(list.lines().toList())
                .satisfies(l -> assertThat(l.get(1)).startsWith("⚠ 无人接手（1 条"))
                .satisfies(l -> assertThat(l.get(2)).startsWith("#1 ").contains("［无人接手］"))
                .satisfies(l -> assertThat(l.get(3)).isEqualTo("其他紧急转介（1 条）："))
                .satisfies(l -> assertThat(l.get(4)).startsWith("#2 ").contains("［待接手］"));
    }
}
