package org.sanshe.bot.core.pipeline;

import java.time.Instant;
import java.util.Objects;
import org.sanshe.bot.core.chat.Channel;

/**
 * A verified, decrypted callback waiting to be decided. The payload is the platform's plaintext (it is re-translated
 * when dispatched, so a fixed translator applies to events already stored); storage encrypts it at rest.
 */
public record InboxEntry(String dedupKey, Channel channel, String orderingKey, String payload, Instant receivedAt) {
    public InboxEntry {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(orderingKey, "orderingKey");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        // the payload is personal data: never in logs
        return "InboxEntry[" + dedupKey + ", " + channel + ", " + orderingKey + "]";
    }
}
