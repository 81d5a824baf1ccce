package org.sanshe.bot.core.pipeline;

/** The spool could not make an entry durable; the edge answers so that the platform retries. */
public final class SpoolUnavailableException extends RuntimeException {
    public SpoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
