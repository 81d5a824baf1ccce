package org.sanshe.bot.core.chat;

import java.util.Objects;

/** A WeCom chat: an AI-bot group chat id, a customer-group chat id, or an app-created group. Never blank. */
public record ChatId(String value) {
    public ChatId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("chat id is blank");
        }
    }

    public static ChatId of(String value) {
        return new ChatId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
