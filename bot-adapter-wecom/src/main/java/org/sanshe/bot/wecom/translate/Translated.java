package org.sanshe.bot.wecom.translate;

import java.util.Optional;
import org.sanshe.bot.core.event.InboundEvent;

/**
 * A stored callback turned back into a core event, with what the adapter needs to answer it: the AI bot's one-shot
 * response_url, when the event has one.
 */
public record Translated(InboundEvent event, Optional<String> responseUrl) {
    @Override
    public String toString() {
        return "Translated[" + event.id() + "]";
    }
}
