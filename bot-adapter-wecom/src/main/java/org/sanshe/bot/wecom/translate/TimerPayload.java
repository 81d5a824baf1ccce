package org.sanshe.bot.wecom.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.event.EventId;
import org.sanshe.bot.core.event.InboundEvent;
import org.sanshe.bot.core.pipeline.InboxEntry;

/**
 * A due timer as the inbox keeps it: {@code {"id":…,"timer":…,"subject":…,"due":…}} on the TIMER channel, dedup key
 * {@code timer:<id>}, so a timer seen due by several instances is decided once.
 */
public final class TimerPayload {
    private TimerPayload() {}

    public static InboxEntry entry(long id, String timer, String subject, Instant due, Instant now) {
        var n = AiBotTranslator.JSON.createObjectNode();
        n.put("id", id);
        n.put("timer", timer);
        n.put("subject", subject);
        n.put("due", due.toEpochMilli());
        return new InboxEntry("timer:" + id, Channel.TIMER, "t:" + subject, n.toString(), now);
    }

    /**
     * The timer as an event. It fires when it was handed to the inbox ({@code handedAt}), not earlier than it was due:
     * the next level's time runs from then, so a timer seen late (the service was down, the inbox was busy) still gives
     * the next level its whole ack timeout instead of every level at once.
     */
    static Optional<Translated> read(String payload, Instant handedAt) {
        JsonNode n;
        try {
            n = AiBotTranslator.JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored timer is not JSON", e);
        }
        Instant due = Instant.ofEpochMilli(n.path("due").asLong());
        var event = new InboundEvent.TimerFired(
                new EventId("timer:" + n.path("id").asLong()),
                n.path("timer").asText(),
                n.path("subject").asText(),
                handedAt.isAfter(due) ? handedAt : due);
        return Optional.of(new Translated(event, Optional.empty()));
    }
}
