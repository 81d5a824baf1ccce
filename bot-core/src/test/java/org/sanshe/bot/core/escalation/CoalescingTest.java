package org.sanshe.bot.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanshe.bot.core.fixture.Outcomes.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.event.InboundEvent.TimerFired;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeEscalations;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.port.ContentScanner;

/**
 * A busy minute for 张社工, the social worker of three groups. Three residents in crisis within a minute each reach her
 * as their own 紧急 card at once, each card saying how many others still wait for someone; 留意 notes go out at once
 * too, up to her budget of notes a minute, and beyond it together at the window's end (WeCom allows 30 messages a
 * minute to one person, and a flood of notes would drown the cards that matter).
 */
class CoalescingTest {
    private static final Instant T0 = Events.NOW;
    private static final ContentScanner SCANNER = text -> {
        if (text.contains("不想活")) {
            return new ContentScanner.Scan(List.of(new ContentScanner.Finding("SELF_HARM", 3)), List.of());
        }
        if (text.contains("摔了一跤")) {
            return new ContentScanner.Scan(
                    List.of(new ContentScanner.Finding("FALL_OR_LOST", 1, ContentScanner.Urgency.WATCH, "跌倒（已缓解）")),
                    List.of());
        }
        return ContentScanner.Scan.NOTHING;
    };

    private final FakeEscalations escalations = Fakes.escalations();
    private final Engine engine = Bots.bot()
            .groups(Fakes.groups()
                    .register("wrA", "1号楼居民群", "RESIDENTS")
                    .register("wrB", "2号楼居民群", "RESIDENTS")
                    .register("wrC", "聚焦服务群", "FOCUS_SERVICE"))
            .roles(Fakes.roles().grantEverywhere("sw-zhang", Role.SOCIAL_WORKER))
            .members(Fakes.members())
            .escalations(escalations)
            .scanner(SCANNER)
            .escalationSettings(new EscalationSettings(Duration.ofMinutes(5), 2, Duration.ofMinutes(1), 2))
            .build();

    private Outcome decide(InboundEvent event) {
        Outcome o = engine.decide(event);
        escalations.commit(o);
        return o;
    }

    private Outcome crisis(String chat, String who, Instant at) {
        return decide(Events.text().from(who).inGroup(chat).at(at).saying("我不想活了"));
    }

    private Outcome fall(String chat, String who, Instant at) {
        return decide(Events.text().from(who).inGroup(chat).at(at).saying("我妈昨天摔了一跤，拍了片子没事"));
    }

    private static List<Outbound> toZhang(Outcome o) {
        return o.outbound().stream()
                .filter(m -> (m instanceof Outbound.EscalationCard c
                                && c.to().value().equals("sw-zhang"))
                        || (m instanceof Outbound.WatchNote n && n.to().value().equals("sw-zhang"))
                        || (m instanceof Outbound.PrivateMessage p
                                && p.to().value().equals("sw-zhang")))
                .toList();
    }

    private static TimerFired digestTimer(Outcome o, Instant firedAt) {
        StateChange.TimerSet t = changes(o, StateChange.TimerSet.class).stream()
                .filter(s -> s.timer().equals(EscalationDesk.DIGEST))
                .findFirst()
                .orElseThrow();
        return new TimerFired(Events.nextId(), t.timer(), t.subject(), firedAt);
    }

    @Test
    void threeCrisesWithinTenSecondsEachReachTheWorkerAtOnceAsTheirOwnCard() {
        Outcome first = crisis("wrA", "res-a", T0);
        Outcome second = crisis("wrB", "res-b", T0.plusSeconds(4));
        Outcome third = crisis("wrC", "res-c", T0.plusSeconds(9));

        for (Outcome o : List.of(first, second, third)) {
            assertThat(toZhang(o)).singleElement().isInstanceOf(Outbound.EscalationCard.class);
            assertThat(changes(o, StateChange.NoticeHeld.class)).isEmpty();
        }
        assertThat(((Outbound.EscalationCard) toZhang(first).get(0)).description())
                .doesNotContain("未接手的紧急转介");
        assertThat(((Outbound.EscalationCard) toZhang(third).get(0)).description())
                .contains("您还有 2 条未接手的紧急转介");
    }

    @Test
    void aCardCountsOnlyWhatNobodyHasTakenYet() {
        crisis("wrA", "res-a", T0);
        crisis("wrB", "res-b", T0.plusSeconds(4));
        escalations.save(escalations
                .find(1)
                .orElseThrow()
                .with(EscalationState.ACKNOWLEDGED, 0, 0, Optional.of(UserId.of("sw-zhang")), T0.plusSeconds(5)));

        Outcome third = crisis("wrC", "res-c", T0.plusSeconds(9));

        assertThat(((Outbound.EscalationCard) toZhang(third).get(0)).description())
                .contains("您还有 1 条未接手的紧急转介");
    }

    @Test
    void notesBeyondTheBudgetWaitForTheWindowsEndAndGoTogether() {
        Outcome first = fall("wrA", "res-a", T0);
        Outcome second = fall("wrB", "res-b", T0.plusSeconds(10));
        Outcome third = fall("wrC", "res-c", T0.plusSeconds(20));
        Outcome fourth = fall("wrA", "res-d", T0.plusSeconds(40));

        assertThat(toZhang(first)).singleElement().isInstanceOf(Outbound.WatchNote.class);
        assertThat(toZhang(second)).singleElement().isInstanceOf(Outbound.WatchNote.class);
        assertThat(toZhang(third)).isEmpty();
        assertThat(toZhang(fourth)).isEmpty();
        TimerFired closes = digestTimer(third, T0.plusSeconds(60));
        assertThat(closes.subject())
                .isEqualTo(digestTimer(fourth, T0.plusSeconds(60)).subject());
        assertThat(changes(third, StateChange.EscalationStep.class))
                .extracting(StateChange.EscalationStep::kind)
                .contains("held");

        Outcome digest = decide(closes);
        assertThat(toZhang(digest)).singleElement().satisfies(m -> {
            assertThat(m).isInstanceOf(Outbound.PrivateMessage.class);
            assertThat(((Outbound.PrivateMessage) m).text())
                    .contains("【请留意 · 合并提醒】", "2 条留意提醒", "#3 「聚焦服务群」", "#4 「1号楼居民群」", "/升为紧急");
        });
        assertThat(escalations.heldFor(UserId.of("sw-zhang"))).isEmpty();
    }

    @Test
    void aCrisisGoesOutAtOnceWhenTheNoteBudgetIsSpent() {
        fall("wrA", "res-a", T0);
        fall("wrB", "res-b", T0.plusSeconds(1));
        assertThat(toZhang(fall("wrC", "res-c", T0.plusSeconds(2)))).isEmpty();

        Outcome crisis = crisis("wrC", "res-x", T0.plusSeconds(3));

        assertThat(toZhang(crisis)).singleElement().isInstanceOf(Outbound.EscalationCard.class);
    }

    @Test
    void aNoteRaisedMeanwhileIsLeftOutOfTheSummaryAndOneLeftGoesAsItsNote() {
        fall("wrA", "res-a", T0);
        fall("wrB", "res-b", T0.plusSeconds(1));
        Outcome third = fall("wrC", "res-c", T0.plusSeconds(2));
        fall("wrA", "res-d", T0.plusSeconds(3));
        // 4 became 紧急 meanwhile: it already went out as a card
        crisis("wrA", "res-d", T0.plusSeconds(30));

        Outcome digest = decide(digestTimer(third, T0.plusSeconds(60)));
        assertThat(toZhang(digest)).singleElement().satisfies(m -> {
            assertThat(m).isInstanceOf(Outbound.WatchNote.class);
            assertThat(((Outbound.WatchNote) m).number()).isEqualTo(3);
        });
    }

    @Test
    void nothingLeftToSendSendsNothing() {
        fall("wrA", "res-a", T0);
        fall("wrB", "res-b", T0.plusSeconds(1));
        Outcome third = fall("wrC", "res-c", T0.plusSeconds(2));
        escalations.save(escalations
                .find(3)
                .orElseThrow()
                .with(EscalationState.RESOLVED, 0, 0, Optional.of(UserId.of("sw-zhang")), T0.plusSeconds(30)));

        Outcome digest = decide(digestTimer(third, T0.plusSeconds(60)));
        assertThat(digest.outbound()).isEmpty();
        assertThat(changes(digest, StateChange.NoticesReleased.class)).hasSize(1);
    }

    @Test
    void twoDecisionsReadingTheSameWindowCannotBothSpendItsLastNote() {
        fall("wrA", "res-a", T0);
        Outcome a =
                engine.decide(Events.text().from("res-b").inGroup("wrB").at(T0).saying("我妈昨天摔了一跤"));
        Outcome b =
                engine.decide(Events.text().from("res-c").inGroup("wrC").at(T0).saying("我妈昨天摔了一跤"));
        escalations.commit(a);
        assertThatThrownBy(() -> escalations.commit(b))
                .as("the second is refused and decided again on fresh state, where it is held")
                .hasMessageContaining("changed since it was read");
    }

    @Test
    void aZeroWindowSendsEveryNoteAtOnce() {
        FakeEscalations store = Fakes.escalations();
        Engine noWindow = Bots.bot()
                .groups(Fakes.groups().register("wrA", "1号楼居民群", "RESIDENTS"))
                .roles(Fakes.roles().grantEverywhere("sw-zhang", Role.SOCIAL_WORKER))
                .escalations(store)
                .scanner(SCANNER)
                .escalationSettings(new EscalationSettings(Duration.ofMinutes(5), 2, Duration.ZERO, 1))
                .build();
        for (int i = 0; i < 3; i++) {
            Outcome o = noWindow.decide(Events.text()
                    .from("res-" + i)
                    .inGroup("wrA")
                    .at(T0.plusSeconds(i))
                    .saying("我妈摔了一跤"));
            store.commit(o);
            assertThat(toZhang(o)).singleElement().isInstanceOf(Outbound.WatchNote.class);
        }
    }
}
