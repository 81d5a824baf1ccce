package org.sanshe.bot.core.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * A WeCom chat the bot knows as a group of a given type (DOMAIN.md "kinds of group").
 *
 * @param id the registry number people may type (/切换 3)
 * @param rules the group's own rules text, set by an admin; empty means the type's text
 */
public record Group(long id, ChatId chat, String name, String typeCode, Channel channel, Optional<String> rules) {
    public Group {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(rules, "rules");
    }

    public Group(long id, ChatId chat, String name, String typeCode, Channel channel) {
        this(id, chat, name, typeCode, channel, Optional.empty());
    }
}
