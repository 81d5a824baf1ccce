package org.sanshe.bot.core.chat;

import java.util.Objects;

/** A WeCom chat the bot knows as a group of a given type (DOMAIN.md "kinds of group"). */
public record Group(long id, ChatId chat, String name, String typeCode, Channel channel) {
    public Group {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(channel, "channel");
    }
}
