package org.sanshe.bot.storage.outbox;

import org.sanshe.bot.core.pipeline.OutboxMessage;

/** An outbox row this worker holds the claim on, decrypted for sending. {@code attempt} counts from 1. */
public record ClaimedMessage(long id, long inboxId, String claimToken, int attempt, OutboxMessage message) {
    @Override
    public String toString() {
        return "ClaimedMessage[" + id + ", inbox " + inboxId + ", attempt " + attempt + "]";
    }
}
