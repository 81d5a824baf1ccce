package org.sanshe.bot.core.chat;

import java.util.Objects;

/** A WeCom member's userid (or an external_userid for WeChat users in customer groups). Never blank. */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("user id is blank");
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
