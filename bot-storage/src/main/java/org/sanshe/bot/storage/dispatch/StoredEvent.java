package org.sanshe.bot.storage.dispatch;

import java.time.Instant;
import org.sanshe.bot.core.chat.Channel;

/** An inbox entry read back for dispatch, payload decrypted. */
public record StoredEvent(long id, String dedupKey, Channel channel, String payload, Instant receivedAt, int attempts) {
    @Override
    public String toString() {
        return "StoredEvent[" + id + ", " + dedupKey + "]";
    }
}
