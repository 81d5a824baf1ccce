package org.sanshe.bot.wecom.translate;

import java.time.Instant;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;

/** Turns a stored callback back into a core event, by the channel it came in on. */
public final class WeComTranslation {
    private final AppTranslator app;
    private final AiBotTranslator aibot;

    public WeComTranslation(AppTranslator app, AiBotTranslator aibot) {
        this.app = app;
        this.aibot = aibot;
    }

    /** Empty when the payload holds nothing the core decides on (it was stored by an older, wider translator). */
    public Optional<Translated> translate(Channel channel, String payload, Instant receivedAt) {
        return switch (channel) {
            case APP, CUSTOMER -> app.translate(payload, receivedAt);
            case AIBOT -> aibot.translate(payload, receivedAt);
        };
    }
}
