package org.sanshe.bot.wecom.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.wecom.Vectors.B;
import org.sanshe.bot.wecom.Vectors.C;

class WeComTranslationTest {
    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
    private final WeComTranslation translation = new WeComTranslation(new AppTranslator(), new AiBotTranslator("欢迎"));

    @Test
    void readsEachStoredPayloadWithItsChannelsTranslator() {
        var app = (InboundEvent.TextReceived) translation
                .translate(Channel.APP, B.B2_PLAINTEXT, AT)
                .orElseThrow()
                .event();
        var aibot = (InboundEvent.TextReceived) translation
                .translate(Channel.AIBOT, C.C2_PLAINTEXT, AT)
                .orElseThrow()
                .event();

        assertThat(app.conversation().channel()).isEqualTo(Channel.APP);
        assertThat(app.text()).isEqualTo("你好");
        assertThat(aibot.conversation().channel()).isEqualTo(Channel.AIBOT);
        assertThat(aibot.text()).isEqualTo("@RobotA /help");
    }

    @Test
    void readsCustomerGroupPayloadsAsAppXml() {
        String leave = AppTranslatorTest.groupChange("del_member", "<Item>wmRose</Item>");

        assertThat(translation
                        .translate(Channel.CUSTOMER, leave, AT)
                        .orElseThrow()
                        .event())
                .isInstanceOf(InboundEvent.MembersLeft.class);
    }
}
