package org.sanshe.bot.wecom.archive;

/**
 * The archive could not be read (WeCom, the SDK or the key failed). Reading is retried later from the same position.
 * The message names what failed and where (seq, error code), never what people wrote.
 */
public final class ArchiveUnavailableException extends RuntimeException {
    public ArchiveUnavailableException(String message) {
        super(message);
    }

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
