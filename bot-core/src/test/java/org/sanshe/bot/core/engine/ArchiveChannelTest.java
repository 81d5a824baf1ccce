package org.sanshe.bot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanshe.bot.core.fixture.Outcomes.changes;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.escalation.EscalationState;
import org.sanshe.bot.core.fixture.Bots;
import org.sanshe.bot.core.fixture.Events;
import org.sanshe.bot.core.fixture.FakeEscalations;
import org.sanshe.bot.core.fixture.FakeRateLimiter;
import org.sanshe.bot.core.fixture.Fakes;
import org.sanshe.bot.core.port.ContentScanner;

/**
 * Messages read after the fact from 会话内容存档 (the ARCHIVE channel), in a customer group where the bot cannot listen:
 * nobody addressed the bot and it cannot answer there. What residents write is still read for crisis signs — that is
 * what the feed is for — but a command typed there is never run, and chatter never counts against anyone's command
 * limit.
 */
class ArchiveChannelTest {
    private static final String CUSTOMER = "wrCustomer05";
    private static final ChatId CUSTOMER_CHAT = ChatId.of(CUSTOMER);

    /** Finds 不想活 as SELF_HARM (3); the lexicons are tested on their own. */
    private static final ContentScanner SCANNER = text -> text.contains("不想活")
            ? new ContentScanner.Scan(List.of(new ContentScanner.Finding("SELF_HARM", 3)), List.of())
            : ContentScanner.Scan.NOTHING;

    private final FakeRateLimiter limiter = Fakes.limiter();
    private final FakeEscalations escalations = Fakes.escalations();

    private Engine engine() {
        return Bots.bot()
                .groups(Fakes.groups().register(CUSTOMER, "阳光社区5栋居民群", "RESIDENTS", Channel.CUSTOMER))
                .roles(Fakes.roles().grantEverywhere("sw-zhang", Role.SOCIAL_WORKER))
                .escalations(escalations)
                .scanner(SCANNER)
                .limiter(limiter)
                .admins("demo-admin")
                .build();
    }

    private static org.sanshe.bot.core.event.InboundEvent.TextReceived archived(String from, String text) {
        return Events.text().from(from).inGroup(CUSTOMER).via(Channel.ARCHIVE).saying(text);
    }

    @Test
    void aCommandReadFromTheArchiveIsNotRunOnlyItsSpeakerIsSeen() {
        var outcome = engine().decide(archived("wmResident0501", "/帮助"));

        assertThat(outcome.outbound()).isEmpty();
        assertThat(outcome.changes())
                .containsExactly(new StateChange.MemberSeen(CUSTOMER_CHAT, UserId.of("wmResident0501"), Events.NOW));
        assertThat(limiter.asked()).as("not counted as a command").isEmpty();
    }

    @Test
    void anAdminsRegistryCommandReadFromTheArchiveChangesNothingAndIsNotAudited() {
        var engine = engine();
        var event = archived("demo-admin", "/角色 授予 @wmResident0501 群秘书");

        var outcome = engine.decide(event);

        assertThat(engine.mayChangeDecisions(event))
                .as("no batch boundary for a command that is not run")
                .isFalse();
        assertThat(outcome.outbound()).isEmpty();
        assertThat(outcome.changes())
                .containsExactly(new StateChange.MemberSeen(CUSTOMER_CHAT, UserId.of("demo-admin"), Events.NOW));
        // the same words addressed to the bot would be run (and audited): only the channel makes the difference
        var addressed = Events.text().from("demo-admin").inGroup(CUSTOMER).saying("/角色 授予 @wmResident0501 群秘书");
        assertThat(engine.mayChangeDecisions(addressed)).isTrue();
    }

    @Test
    void plainChatterReadFromTheArchiveRaisesNothingAndIsNotCounted() {
        var outcome = engine().decide(archived("wmResident0501", "今天几点发物资？"));

        assertThat(outcome.outbound()).isEmpty();
        assertThat(outcome.changes())
                .containsExactly(new StateChange.MemberSeen(CUSTOMER_CHAT, UserId.of("wmResident0501"), Events.NOW));
        assertThat(limiter.asked()).isEmpty();
    }

    @Test
    void aCrisisReadFromTheArchiveReachesTheSocialWorkerPrivatelyAndNothingIsSaidInTheGroup() {
        var outcome = engine().decide(archived("wmResident0501", "活着太累了，我不想活了"));

        assertThat(outcome.outbound()).noneMatch(Outbound.ReplyInConversation.class::isInstance);
        assertThat(outcome.outbound())
                .filteredOn(Outbound.EscalationCard.class::isInstance)
                .map(Outbound.EscalationCard.class::cast)
                .singleElement()
                .satisfies(card -> {
                    assertThat(card.to()).isEqualTo(UserId.of("sw-zhang"));
                    assertThat(card.description()).contains("「阳光社区5栋居民群」", "我不想活了");
                });
        assertThat(changes(outcome, StateChange.EscalationSaved.class))
                .singleElement()
                .satisfies(saved -> {
                    assertThat(saved.escalation().chat()).contains(CUSTOMER_CHAT);
                    assertThat(saved.escalation().subject()).isEqualTo(UserId.of("wmResident0501"));
                    assertThat(saved.escalation().state()).isEqualTo(EscalationState.OPEN);
                });
        assertThat(outcome.changes())
                .contains(new StateChange.MemberSeen(CUSTOMER_CHAT, UserId.of("wmResident0501"), Events.NOW));
        assertThat(limiter.asked()).isEmpty();
    }
}
