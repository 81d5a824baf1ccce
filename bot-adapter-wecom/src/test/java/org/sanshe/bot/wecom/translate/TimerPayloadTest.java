package org.sanshe.bot.wecom.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.InboxEntry;

/** A due timer through the inbox and back: one dedup key per timer, and the moment it really fired. */
class TimerPayloadTest {
    private static final Instant DUE = Instant.parse("2026-11-23T08:05:00Z");
    private final WeComTranslation translation = new WeComTranslation(new AppTranslator(), new AiBotTranslator("欢迎"));

    private InboundEvent.TimerFired back(InboxEntry entry) {
        return (InboundEvent.TimerFired) translation
                .translate(entry.channel(), entry.payload(), entry.receivedAt())
                .orElseThrow()
                .event();
    }

    @Test
    void aTimerIsStoredUnderItsOwnKeyOnTheTimerChannel() {
        InboxEntry entry = TimerPayload.entry(42, "escalation-ack", "esc:7:1700000000000", DUE, DUE);

        assertThat(entry.dedupKey()).isEqualTo("timer:42");
        assertThat(entry.channel()).isEqualTo(Channel.TIMER);
        assertThat(entry.orderingKey()).isEqualTo("t:esc:7:1700000000000");
        InboundEvent.TimerFired fired = back(entry);
        assertThat(fired.id().value()).isEqualTo("timer:42");
        assertThat(fired.timer()).isEqualTo("escalation-ack");
        assertThat(fired.subject()).isEqualTo("esc:7:1700000000000");
        assertThat(fired.orderingKey()).isEqualTo(entry.orderingKey());
    }

    @Test
    void aTimerHandedOverOnTimeFiresAtItsDueTime() {
        assertThat(back(TimerPayload.entry(1, "escalation-ack", "esc:1:1", DUE, DUE))
                        .at())
                .isEqualTo(DUE);
        // a loop that polls a little early never makes it fire before it was due
        assertThat(back(TimerPayload.entry(1, "escalation-ack", "esc:1:1", DUE, DUE.minusMillis(300)))
                        .at())
                .isEqualTo(DUE);
    }

    @Test
    void aTimerSeenLateFiresWhenItWasSeenSoTheNextLevelGetsItsWholeTime() {
        // the service was down for an hour: the next level's ack timeout runs from now, not from an hour ago
        Instant late = DUE.plusSeconds(3600);

        assertThat(back(TimerPayload.entry(1, "escalation-ack", "esc:1:1", DUE, late))
                        .at())
                .isEqualTo(late);
    }
}
