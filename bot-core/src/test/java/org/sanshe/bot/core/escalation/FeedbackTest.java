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
 * 张社工 got a card for words that were not a crisis at all and says so with 误报; 李社工 found a 留意 note worth it and
 * says 有用. What they said is kept with the words the detector read, so that detection can be measured by it.
 */
class FeedbackTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final ContentScanner SCANNER = text -> {
        if (text.contains("不想活")) {
            return new ContentScanner.Scan(List.of(new Finding("SELF_HARM", 3, Urgency.URGENT, "词语「不想活」")), List.of());
        }
        if (text.contains("摔倒")) {
            return new ContentScanner.Scan(
                    List.of(new Finding("FALL_OR_LOST", 1, Urgency.WATCH, "词语「摔倒」（已缓解）")), List.of());
        }
        return ContentScanner.Scan.NOTHING;
    };

    private final FakeEscalations escalations = Fakes.escalations();
    private final Engine engine = Bots.bot()
            .groups(Fakes.groups().register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE"))
            .roles(Fakes.roles()
                    .grant("sw-zhang", Role.SOCIAL_WORKER, FOCUS)
                    .grant("sw-li", Role.SOCIAL_WORKER, FOCUS)
                    .grant("vol-wu", Role.VOLUNTEER, "wrOTHER"))
            .members(Fakes.members().in(FOCUS, "res-1202", "3栋1202-自住"))
            .escalations(escalations)
            .scanner(SCANNER)
            .build();

    private Outcome decide(InboundEvent event) {
        Outcome o = engine.decide(event);
        escalations.commit(o);
        return o;
    }

    private String firstTaskId(Outcome o) {
        return o.outbound().stream()
                .map(m -> m instanceof Outbound.EscalationCard c
                        ? c.taskId()
                        : m instanceof Outbound.WatchNote n ? n.taskId() : null)
                .filter(t -> t != null)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFalseAlarmClickIsStoredWithTheWordsTheDetectorReadAndAudited() {
        var opened = decide(Events.text().from("res-1202").inGroup(FOCUS).saying("@三社助手 這部劇看得我不想活了，太虐了"));

        var click = decide(new CardButtonClicked(
                Events.nextId(),
                Conversation.direct(Channel.APP, UserId.of("sw-zhang")),
                firstTaskId(opened),
                "falsealarm",
                Optional.of("RC-9"),
                Events.NOW.plusSeconds(30)));

        assertThat(changes(click, StateChange.FeedbackGiven.class))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.number()).isEqualTo(1);
                    assertThat(f.by()).isEqualTo(UserId.of("sw-zhang"));
                    assertThat(f.verdict()).isEqualTo(Feedback.FALSE_ALARM);
                    assertThat(f.text()).isEqualTo("這部劇看得我不想活了，太虐了");
                    assertThat(f.normalised())
                            .as("as detection reads it: simplified")
                            .contains("这部剧");
                    assertThat(f.category()).isEqualTo("SELF_HARM");
                    assertThat(f.basis()).isEqualTo("词语「不想活」");
                    assertThat(f.urgent()).isTrue();
                });
        assertThat(changes(click, StateChange.Audited.class)).singleElement().satisfies(a -> {
            assertThat(a.entry().action()).isEqualTo("误报按钮");
            assertThat(a.entry().detail()).contains("#1", "误报");
        });
        assertThat(click.outbound())
                .contains(new Outbound.CardUpdate(UserId.of("sw-zhang"), "RC-9", "已记为误报"))
                .anySatisfy(o -> assertThat(o)
                        .isInstanceOfSatisfying(
                                Outbound.ReplyInConversation.class,
                                r -> assertThat(r.text()).contains("#1", "误报", "/解决 1")));
        assertThat(escalations.find(1).orElseThrow().state())
                .as("a false alarm closes nothing by itself")
                .isEqualTo(EscalationState.OPEN);
    }

    @Test
    void theUsefulCommandOnANoteIsStoredAndAuditedLikeAnyStaffCommand() {
        decide(Events.text().from("res-1202").inGroup(FOCUS).saying("@三社助手 我妈昨天摔倒了，现在没事了"));

        var said = decide(Events.text().from("sw-li").privately().saying("/有用 1"));

        assertThat(changes(said, StateChange.FeedbackGiven.class))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.verdict()).isEqualTo(Feedback.USEFUL);
                    assertThat(f.urgent()).isFalse();
                    assertThat(f.basis()).isEqualTo("词语「摔倒」（已缓解）");
                });
        assertThat(changes(said, StateChange.Audited.class))
                .singleElement()
                .satisfies(a -> assertThat(a.entry().detail()).contains("有用"));
    }

    @Test
    void onlyThoseWhoReceivedItMayJudgeIt() {
        decide(Events.text().from("res-1202").inGroup(FOCUS).saying("@三社助手 我不想活了"));

        var stranger = decide(Events.text().from("vol-wu").privately().saying("/误报 1"));
        var resident = decide(Events.text().from("res-1202").privately().saying("/误报 1"));

        assertThat(changes(stranger, StateChange.FeedbackGiven.class)).isEmpty();
        assertThat(changes(resident, StateChange.FeedbackGiven.class)).isEmpty();
    }
}
