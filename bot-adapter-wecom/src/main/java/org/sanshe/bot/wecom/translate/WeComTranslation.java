package org.sanshe.bot.wecom.translate;

import java.time.Instant;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.wecom.archive.ArchiveTranslator;
import org.sanshe.bot.wecom.customer.LookupTranslator;

/**
 * Turns a stored callback back into a core event, by the channel it came in on. The customer channel also carries the
 * answers of customer-group look-ups the bot asked for (JSON, where WeCom's own callbacks are XML); the archive channel
 * the records read from 会话内容存档.
 */
public final class WeComTranslation {
    private final AppTranslator app;
    private final AiBotTranslator aibot;
    private final LookupTranslator lookups = new LookupTranslator();
    private final ArchiveTranslator archive = new ArchiveTranslator();

    public WeComTranslation(AppTranslator app, AiBotTranslator aibot) {
        this.app = app;
        this.aibot = aibot;
    }

    /** Empty when the payload holds nothing the core decides on (it was stored by an older, wider translator). */
    public Optional<Translated> translate(Channel channel, String payload, Instant receivedAt) {
        return switch (channel) {
            case CUSTOMER ->
                lookups.handles(payload) ? lookups.translate(payload, receivedAt) : app.translate(payload, receivedAt);
            case APP -> app.translate(payload, receivedAt);
            case AIBOT -> aibot.translate(payload, receivedAt);
            case TIMER -> TimerPayload.read(payload, receivedAt);
            case ARCHIVE -> archive.translate(payload, receivedAt);
        };
    }
}
