package org.sanshe.bot.wecom.callback;

/** A callback that is malformed (answered 400). The message is safe to log: it never contains the payload. */
public final class BadCallbackException extends RuntimeException {
    public BadCallbackException(String message) {
        super(message, null, false, false);
    }
}
