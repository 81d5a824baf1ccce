package org.sanshe.bot.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.changes;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.Conversation;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.event.InboundEvent.CardButtonClicked;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeEscalations;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.port.ContentScanner;
import org.sanshe.bot.core.port.ContentScanner.Finding;
import org.sanshe.bot.core.port.ContentScanner.Urgency;

/**
 * Two urgencies in the focus group. 3栋1202 writes that her mother fell yesterday but the X-ray was fine: the detector
 * says 留意, so the group's social worker 张社工 gets one private note (no chain, nobody has to take it), and the backup
 * 王社工 and the administrator get nothing. When her daughter then writes that the mother cannot get up, the note
 * becomes a 紧急 escalation: the card, the chain. 张社工 can also raise a note herself, with its button or /升为紧急.
 */
class WatchNoteTest {
    private static final String FOCUS = "wrFOCUS1";

    private static final ContentScanner SCANNER = text -> {
        if (text.contains("起不来")) {
            return scan(new Finding("FALL_OR_LOST", 3, Urgency.URGENT, "跌倒后起不来"));
        }
        if (text.contains("摔了一跤")) {
            return scan(new Finding("FALL_OR_LOST", 1, Urgency.WATCH, "跌倒（已缓解）"));
        }
        return ContentScanner.Scan.NOTHING;
    };

    private static ContentScanner.Scan scan(Finding f) {
        return new ContentScanner.Scan(List.of(f), List.of());
    }

    private final FakeEscalations escalations = Fakes.escalations();
    private final Engine engine = Bots.bot()
            .groups(Fakes.groups().register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE"))
            .roles(Fakes.roles()
                    .grant("sw-zhang", Role.SOCIAL_WORKER, FOCUS)
                    .grant("sw-li", Role.SOCIAL_WORKER, FOCUS)
                    .grantEverywhere("sw-wang", Role.SOCIAL_WORKER))
            .members(Fakes.members().in(FOCUS, "res-1202", "3栋1202-自住").in(FOCUS, "sw-li", "社工-李四"))
            .escalations(escalations)
            .scanner(SCANNER)
            .admins("demo-admin")
            .build();

    private Outcome decide(InboundEvent event) {
        Outcome o = engine.decide(event);
        escalations.commit(o);
        return o;
    }

    private Outcome residentSays(String text) {
        return decide(Events.text().from("res-1202").inGroup(FOCUS).saying("@三社助手 " + text));
    }

    private static List<Outbound.WatchNote> notes(Outcome o) {
        return o.outbound().stream()
                .filter(Outbound.WatchNote.class::isInstance)
                .map(Outbound.WatchNote.class::cast)
                .toList();
    }

    private static List<Outbound.EscalationCard> cards(Outcome o) {
        return o.outbound().stream()
                .filter(Outbound.EscalationCard.class::isInstance)
                .map(Outbound.EscalationCard.class::cast)
                .toList();
    }

    /** What the bot answered in the conversation the event came from. */
    private static String said(Outcome o) {
        return o.outbound().stream()
                .filter(Outbound.ReplyInConversation.class::isInstance)
                .map(r -> ((Outbound.ReplyInConversation) r).text())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    private Outcome click(String who, String taskId, String button) {
        return decide(new CardButtonClicked(
                Events.nextId(),
                Conversation.direct(Channel.APP, UserId.of(who)),
                taskId,
                button,
                Optional.of("RESPONSE-1"),
                Events.NOW.plusSeconds(60)));
    }

    @Test
    void aWatchFindingIsOneNoteToTheGroupsSocialWorkersWithNoChainAndNothingInTheGroup() {
        var outcome = residentSays("我妈昨天在楼下摔了一跤，去医院拍了片子没事");

        assertThat(outcome.outbound()).noneMatch(Outbound.ReplyInConversation.class::isInstance);
        assertThat(cards(outcome)).isEmpty();
        assertThat(notes(outcome))
                .extracting(Outbound.WatchNote::to)
                .containsExactly(UserId.of("sw-zhang"), UserId.of("sw-li"));
        assertThat(notes(outcome).get(0)).satisfies(n -> {
            assertThat(n.title()).isEqualTo("【请留意 #1】老人摔倒或走失");
            assertThat(n.description())
                    .contains("「阳光社区聚焦服务群」", "3栋1202-自住（res-1202）", "依据：跌倒（已缓解）", "拍了片子没事", "/升为紧急 1");
        });
        assertThat(changes(outcome, StateChange.TimerSet.class))
                .as("no chain, no timer")
                .isEmpty();
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.WATCH);
        assertThat(escalations.find(1).orElseThrow().basis()).isEqualTo("跌倒（已缓解）");
    }

    @Test
    void anUrgentCardShowsItsBasisAndStartsWithTheUrgentTitle() {
        var outcome = residentSays("我妈摔倒了起不来");

        assertThat(cards(outcome)).first().satisfies(c -> {
            assertThat(c.title()).startsWith("【紧急转介 #1】");
            assertThat(c.description()).contains("依据：跌倒后起不来");
        });
        assertThat(notes(outcome)).isEmpty();
    }

    @Test
    void anUrgentMessageFromTheSamePersonRaisesTheNoteAndStartsTheChain() {
        residentSays("我妈昨天摔了一跤，没事");

        var urgent = residentSays("我妈又摔倒了，起不来了");

        assertThat(cards(urgent))
                .extracting(Outbound.EscalationCard::to)
                .containsExactly(UserId.of("sw-zhang"), UserId.of("sw-li"));
        assertThat(cards(urgent).get(0).title()).isEqualTo("【紧急转介 #1】老人摔倒或走失");
        assertThat(cards(urgent).get(0).description()).contains("起不来了", "依据：跌倒后起不来");
        Escalation raised = escalations.find(1).orElseThrow();
        assertThat(raised.state()).isEqualTo(EscalationState.OPEN);
        assertThat(raised.severity()).isEqualTo(3);
        assertThat(changes(urgent, StateChange.EscalationStep.class))
                .extracting(StateChange.EscalationStep::kind)
                .contains("again", "raised", "notified");
        assertThat(changes(urgent, StateChange.TimerSet.class)).hasSize(1);
    }

    @Test
    void aSecondWatchMessageJoinsTheNoteQuietly() {
        residentSays("我妈昨天摔了一跤，没事");

        var again = residentSays("今天又摔了一跤，也没事");

        assertThat(again.outbound()).isEmpty();
        assertThat(changes(again, StateChange.EscalationStep.class))
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo("again"));
    }

    @Test
    void theNotesButtonRaisesItToUrgentAndTheCardsGoOut() {
        var noted = residentSays("我妈昨天摔了一跤，没事");

        var raised = click("sw-zhang", notes(noted).get(0).taskId(), "raise");

        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.OPEN);
        assertThat(cards(raised))
                .extracting(Outbound.EscalationCard::to)
                .containsExactly(UserId.of("sw-zhang"), UserId.of("sw-li"));
        assertThat(raised.outbound()).contains(new Outbound.CardUpdate(UserId.of("sw-zhang"), "RESPONSE-1", "已升为紧急"));
        assertThat(changes(raised, StateChange.Audited.class))
                .singleElement()
                .satisfies(a -> assertThat(a.entry().detail()).contains("升为紧急"));
    }

    @Test
    void theRaiseCommandDoesWhatTheButtonDoes() {
        residentSays("我妈昨天摔了一跤，没事");

        var raised = decide(Events.text().from("sw-li").privately().saying("/升为紧急 1"));

        assertThat(said(raised)).contains("#1", "升为紧急");
        assertThat(cards(raised)).hasSize(2);
        assertThat(said(decide(Events.text().from("sw-li").privately().saying("/升为紧急 1"))))
                .contains("已经是紧急转介");
    }

    @Test
    void aResidentCannotRaiseANote() {
        residentSays("我妈昨天摔了一跤，没事");

        var outcome = decide(Events.text().from("res-0501").privately().saying("/升为紧急 1"));

        assertThat(cards(outcome)).isEmpty();
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.WATCH);
    }

    @Test
    void aNoteNeedsNoTakingButCanBeResolved() {
        residentSays("我妈昨天摔了一跤，没事");

        assertThat(said(decide(Events.text().from("sw-zhang").privately().saying("/接手 1"))))
                .contains("留意提醒", "不需要接手");
        decide(Events.text().from("sw-zhang").privately().saying("/解决 1 已电话问候，老人无碍"));
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.RESOLVED);
    }

    @Test
    void aWatchFindingInAPrivateChatIsAnsweredCalmlyThere() {
        var outcome = decide(
                Events.text().from("res-1202").privately().via(Channel.APP).saying("我昨天摔了一跤，没事"));

        assertThat(said(outcome)).contains("社工", "留意", "120");
        assertThat(escalations.find(1).orElseThrow().state()).isEqualTo(EscalationState.WATCH);
    }

    @Test
    void theListShowsNotesUnderTheirOwnHeading() {
        residentSays("我妈昨天摔了一跤，没事");
        decide(Events.text().from("res-0501").inGroup(FOCUS).saying("@三社助手 我爸摔倒了起不来"));

        String list = said(decide(Events.text().from("sw-zhang").privately().saying("/升级列表")));

        assertThat(list.lines().toList())
                .containsSubsequence("紧急转介（1 条）：", "留意（1 条，不需要接手；需要时 /升为紧急 编号）：")
                .anySatisfy(l -> assertThat(l).startsWith("#1 ").contains("［留意］"))
                .anySatisfy(l -> assertThat(l).startsWith("#2 ").contains("［待接手］"));
    }

    @Test
    void theHandOverButtonGivesAColleagueOfTheGroupAsTheExample() {
        var opened = residentSays("我妈摔倒了起不来");

        var help = click("sw-zhang", cards(opened).get(0).taskId(), "handover");

        assertThat(said(help)).contains("/转交 1 社工-李四");
    }
}
