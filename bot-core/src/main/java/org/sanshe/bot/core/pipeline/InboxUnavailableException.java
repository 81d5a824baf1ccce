package org.sanshe.bot.core.pipeline;

/** The inbox could not store an entry; the edge answers so that the platform retries. */
public final class InboxUnavailableException extends RuntimeException {
    public InboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
