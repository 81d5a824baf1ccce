package org.sanshe.bot.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.engine.Engine;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.Outcome;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeEscalations;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.port.ContentScanner;

/**
 * Staff read names, not ids: the resident is 「3栋1202-自住」 with her id as a tail, also when she wrote privately;
 * 张社工 hands the escalation to 「社工-李四」 by the nickname everybody sees; whoever took it is named too.
 */
class PeopleByNameTest {
    private static final String FOCUS = "wrFOCUS1";
    private static final ContentScanner SCANNER = text -> text.contains("不想活")
            ? new ContentScanner.Scan(List.of(new ContentScanner.Finding("SELF_HARM", 3)), List.of())
            : ContentScanner.Scan.NOTHING;

    private final FakeEscalations escalations = Fakes.escalations();
    private final Engine engine = Bots.bot()
            .groups(Fakes.groups().register(FOCUS, "阳光社区聚焦服务群", "FOCUS_SERVICE"))
            .roles(Fakes.roles()
                    .grant("sw-zhang", Role.SOCIAL_WORKER, FOCUS)
                    .grant("sw-li", Role.SOCIAL_WORKER, FOCUS)
                    .grantEverywhere("sw-wang", Role.SOCIAL_WORKER))
            .members(Fakes.members()
                    .in(FOCUS, "res-3-1202", "3栋1202-自住")
                    .in(FOCUS, "sw-zhang", "社工-张三")
                    .in(FOCUS, "sw-li", "社工-李四"))
            .escalations(escalations)
            .scanner(SCANNER)
            .build();

    private Outcome decide(InboundEvent event) {
        Outcome o = engine.decide(event);
        escalations.commit(o);
        return o;
    }

    private static List<Outbound.EscalationCard> cards(Outcome o) {
        return o.outbound().stream()
                .filter(Outbound.EscalationCard.class::isInstance)
                .map(Outbound.EscalationCard.class::cast)
                .toList();
    }

    private static List<String> privateTextsTo(Outcome o, String who) {
        return o.outbound().stream()
                .filter(m ->
                        m instanceof Outbound.PrivateMessage p && p.to().value().equals(who))
                .map(m -> ((Outbound.PrivateMessage) m).text())
                .toList();
    }

    @Test
    void aCardNamesTheResidentByHerGroupNicknameWithHerIdAsATail() {
        var opened = decide(Events.text().from("res-3-1202").inGroup(FOCUS).saying("@三社助手 我不想活了"));

        assertThat(cards(opened))
                .first()
                .satisfies(c -> assertThat(c.description()).contains("3栋1202-自住（res-3-1202）"));
    }

    @Test
    void aCrisisSaidInAPrivateChatNamesThePersonByTheNameTheyHaveInTheirGroup() {
        var opened = decide(
                Events.text().from("res-3-1202").privately().via(Channel.APP).saying("我不想活了"));

        assertThat(escalations.find(1).orElseThrow().chat())
                .as("no group chosen with /切换")
                .isEmpty();
        assertThat(cards(opened))
                .as(opened.toString())
                .extracting(Outbound.EscalationCard::to)
                .containsExactly(UserId.of("sw-wang"));
        assertThat(cards(opened).get(0).description()).contains("私聊", "3栋1202-自住（res-3-1202）");
    }

    @Test
    void aHandOverTakesTheColleaguesNicknameAndTheOthersAreToldWhoTookIt() {
        decide(Events.text().from("res-3-1202").inGroup(FOCUS).saying("@三社助手 我不想活了"));

        var handed = decide(Events.text().from("sw-zhang").privately().saying("/转交 1 社工-李四"));
        assertThat(cards(handed)).extracting(Outbound.EscalationCard::to).containsExactly(UserId.of("sw-li"));

        var taken = decide(Events.text().from("sw-li").privately().saying("/接手 1"));
        assertThat(privateTextsTo(taken, "sw-zhang"))
                .singleElement()
                .satisfies(t -> assertThat(t).contains("社工-李四（sw-li）"));
    }
}
