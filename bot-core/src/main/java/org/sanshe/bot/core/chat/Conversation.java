package org.sanshe.bot.core.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a message was said: a group chat, or a private (1:1) chat with one member. A private conversation has no chat
 * id; its ordering key is the member.
 */
public record Conversation(Channel channel, Optional<ChatId> chat, UserId member) {
    public Conversation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(member, "member");
    }

    public static Conversation group(Channel channel, ChatId chat, UserId member) {
        return new Conversation(channel, Optional.of(chat), member);
    }

    public static Conversation direct(Channel channel, UserId member) {
        return new Conversation(channel, Optional.empty(), member);
    }

    public boolean isGroup() {
        return chat.isPresent();
    }

    /** Events with the same key are handled in arrival order. */
    public String orderingKey() {
        return chat.map(c -> "g:" + c.value()).orElseGet(() -> "p:" + member.value());
    }
}
