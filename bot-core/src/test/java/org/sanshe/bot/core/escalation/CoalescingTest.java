package org.sanshe.bot.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanshe.bot.core.fixture.Outcomes.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * A busy minute for 张社工, the social worker of three groups: three residents in crisis within a minute reach her as
 * at most two messages, the first at once (WeCom allows 30 messages a minute to one person, and a flood helps nobody).
 */
class CoalescingTest {
    private static final Instant T0 = Events.NOW;
    private static final ContentScanner SCANNER = text -> text.contains("不想活")
            ? new ContentScanner.Scan(List.of(new ContentScanner.Finding("SELF_HARM", 3)), List.of())
            : ContentScanner.Scan.NOTHING;

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
            .escalationSettings(new EscalationSettings(Duration.ofMinutes(5), 2, Duration.ofMinutes(1)))
            .build();

    private Outcome decide(InboundEvent event) {
        Outcome o = engine.decide(event);
        escalations.commit(o);
        return o;
    }

    private Outcome crisis(String chat, String who, Instant at) {
        return decide(Events.text().from(who).inGroup(chat).at(at).saying("我不想活了"));
    }

    private static List<Outbound> toZhang(Outcome o) {
        return o.outbound().stream()
                .filter(m -> (m instanceof Outbound.EscalationCard c
                                && c.to().value().equals("sw-zhang"))
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
    void threeCrisesWithinAMinuteReachTheWorkerAsTwoMessagesTheFirstAtOnce() {
        Outcome first = crisis("wrA", "res-a", T0);
        Outcome second = crisis("wrB", "res-b", T0.plusSeconds(10));
        Outcome third = crisis("wrC", "res-c", T0.plusSeconds(40));

        assertThat(toZhang(first)).singleElement().isInstanceOf(Outbound.EscalationCard.class);
        assertThat(toZhang(second)).isEmpty();
        assertThat(toZhang(third)).isEmpty();
        TimerFired closes = digestTimer(second, T0.plusSeconds(60));
        assertThat(closes.subject())
                .isEqualTo(digestTimer(third, T0.plusSeconds(60)).subject());
        assertThat(changes(second, StateChange.EscalationStep.class))
                .extracting(StateChange.EscalationStep::kind)
                .contains("held");

        Outcome digest = decide(closes);
        assertThat(toZhang(digest)).singleElement().satisfies(m -> {
            assertThat(m).isInstanceOf(Outbound.PrivateMessage.class);
            assertThat(((Outbound.PrivateMessage) m).text())
                    .contains("刚才又有 2 条上报")
                    .contains("#2 「2号楼居民群」")
                    .contains("#3 「聚焦服务群」")
                    .contains("/接手");
        });
        assertThat(escalations.heldFor(UserId.of("sw-zhang"))).isEmpty();

        // the window opens again from the summary: a fourth right after waits for the next one
        Outcome fourth = crisis("wrA", "res-d", T0.plusSeconds(61));
        assertThat(toZhang(fourth)).isEmpty();
        assertThat(digestTimer(fourth, T0.plusSeconds(120)).subject())
                .endsWith(":" + T0.plusSeconds(120).toEpochMilli());
    }

    @Test
    void whatWasTakenMeanwhileIsLeftOutAndOneLeftGoesAsItsCard() {
        crisis("wrA", "res-a", T0);
        Outcome second = crisis("wrB", "res-b", T0.plusSeconds(10));
        crisis("wrC", "res-c", T0.plusSeconds(20));
        escalations.save(escalations
                .find(3)
                .orElseThrow()
                .with(
                        EscalationState.ACKNOWLEDGED,
                        0,
                        0,
                        java.util.Optional.of(UserId.of("sw-li")),
                        T0.plusSeconds(30)));

        Outcome digest = decide(digestTimer(second, T0.plusSeconds(60)));
        assertThat(toZhang(digest)).singleElement().satisfies(m -> {
            assertThat(m).isInstanceOf(Outbound.EscalationCard.class);
            assertThat(((Outbound.EscalationCard) m).number()).isEqualTo(2);
        });
    }

    @Test
    void nothingLeftToSendSendsNothingAndKeepsTheWindowShut() {
        crisis("wrA", "res-a", T0);
        Outcome second = crisis("wrB", "res-b", T0.plusSeconds(10));
        escalations.save(escalations
                .find(2)
                .orElseThrow()
                .with(
                        EscalationState.RESOLVED,
                        0,
                        0,
                        java.util.Optional.of(UserId.of("sw-zhang")),
                        T0.plusSeconds(30)));

        Outcome digest = decide(digestTimer(second, T0.plusSeconds(60)));
        assertThat(digest.outbound()).isEmpty();
        assertThat(changes(digest, StateChange.NoticesReleased.class)).hasSize(1);
        assertThat(toZhang(crisis("wrB", "res-e", T0.plusSeconds(61))))
                .as("the window has passed and nothing was sent since: at once")
                .hasSize(1);
    }

    @Test
    void twoDecisionsReadingTheSameWindowCannotBothSendAtOnce() {
        Outcome a =
                engine.decide(Events.text().from("res-a").inGroup("wrA").at(T0).saying("我不想活了"));
        Outcome b =
                engine.decide(Events.text().from("res-b").inGroup("wrB").at(T0).saying("我不想活了"));
        escalations.commit(a);
        assertThatThrownBy(() -> escalations.commit(b))
                .as("the second is refused and decided again on fresh state, where it is held")
                .hasMessageContaining("changed since it was read");
    }

    @Test
    void aZeroWindowSendsEveryCardAtOnce() {
        FakeEscalations store = Fakes.escalations();
        Engine noWindow = Bots.bot()
                .groups(Fakes.groups().register("wrA", "1号楼居民群", "RESIDENTS"))
                .roles(Fakes.roles().grantEverywhere("sw-zhang", Role.SOCIAL_WORKER))
                .escalations(store)
                .scanner(SCANNER)
                .escalationSettings(new EscalationSettings(Duration.ofMinutes(5), 2, Duration.ZERO))
                .build();
        for (int i = 0; i < 3; i++) {
            Outcome o = noWindow.decide(Events.text()
                    .from("res-" + i)
                    .inGroup("wrA")
                    .at(T0.plusSeconds(i))
                    .saying("我不想活了"));
            store.commit(o);
            assertThat(toZhang(o)).hasSize(1);
        }
    }
}
