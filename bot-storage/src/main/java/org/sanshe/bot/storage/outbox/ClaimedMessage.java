package org.sanshe.bot.storage.outbox;

import org.sanshe.bot.core.pipeline.OutboxMessage;

/**
 * An outbox row this worker holds the claim on, decrypted for sending. {@code attempt} counts from 1; {@code
 * previousError} is what the previous attempt recorded (null when none), {@value #UNANSWERED}… when it got no answer —
 * a timeout or a lost connection after sending, or its holder stopped before recording anything and the lease ran out.
 */
public record ClaimedMessage(
        long id, long inboxId, String claimToken, int attempt, OutboxMessage message, String previousError) {
    /** How the error of an attempt that may have reached the platform, unanswered, begins. */
    public static final String UNANSWERED = "unanswered: ";

    public ClaimedMessage(long id, long inboxId, String claimToken, int attempt, OutboxMessage message) {
        this(id, inboxId, claimToken, attempt, message, null);
    }

    /** The previous attempt may have reached the platform and been acted on without our knowing. */
    public boolean previousAttemptUnanswered() {
        return attempt > 1 && previousError != null && previousError.startsWith(UNANSWERED);
    }

    @Override
    public String toString() {
        return "ClaimedMessage[" + id + ", inbox " + inboxId + ", attempt " + attempt + "]";
    }
}
