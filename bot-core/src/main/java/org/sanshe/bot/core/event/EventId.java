package org.sanshe.bot.core.event;

import java.util.Objects;

/**
 * The dedup key of an event: the AI bot's {@code msgid}, the app's {@code MsgId}, or {@code FromUserName+CreateTime}
 * (plus the event's distinguishing fields) for app events. Two deliveries of one WeCom callback have the same id.
 */
public record EventId(String value) {
    public static final int MAX_LENGTH = 191;

    public EventId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("event id must be 1.." + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
