package org.sanshe.bot.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.fixture.Events;

class InboundEventTest {

    @Test
    void acceptsAnEventIdUpToTheStoredLength() {
        assertThat(new EventId("x".repeat(EventId.MAX_LENGTH)).value()).hasSize(191);
    }

    @Test
    void refusesABlankOrTooLongEventId() {
        assertThatThrownBy(() -> new EventId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventId("x".repeat(EventId.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("191");
    }

    @Test
    void aGroupTextIsOrderedWithItsGroup() {
        var text = Events.text().from("zhangsan").inGroup("wrFOCUS1").saying("/帮助");
        var joined = Events.joined("wrFOCUS1", "lisi");

        assertThat(text.orderingKey()).isEqualTo("g:wrFOCUS1").isEqualTo(joined.orderingKey());
        assertThat(text.sender()).isEqualTo(UserId.of("zhangsan"));
    }

    @Test
    void aPrivateTextIsOrderedWithItsSender() {
        var text = Events.text().from("zhangsan").privately().saying("/我是谁");

        assertThat(text.orderingKey()).isEqualTo("p:zhangsan");
    }

    @Test
    void aTimerIsOrderedWithItsSubject() {
        assertThat(Events.timerFired("escalation-timeout", "esc-42").orderingKey())
                .isEqualTo("t:esc-42");
    }

    @Test
    void membersOfAJoinEventCannotChangeAfterward() {
        List<UserId> members = new ArrayList<>(List.of(UserId.of("lisi")));
        var joined = new InboundEvent.MembersJoined(
                Events.nextId(), Channel.CUSTOMER, ChatId.of("wrRES1"), members, Events.NOW);

        members.add(UserId.of("wangwu"));

        assertThat(joined.members()).containsExactly(UserId.of("lisi"));
    }

    @Test
    void aTextMustSayWhatWasWritten() {
        var valid = Events.text().from("zhangsan").privately().saying("x");

        assertThatThrownBy(() -> new InboundEvent.TextReceived(valid.id(), valid.conversation(), null, valid.at()))
                .isInstanceOf(NullPointerException.class);
    }
}
