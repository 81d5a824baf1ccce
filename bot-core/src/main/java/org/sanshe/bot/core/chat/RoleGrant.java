package org.sanshe.bot.core.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored grant: a role for one member in one chat, or everywhere when {@code chat} is empty. */
public record RoleGrant(UserId member, Role role, Optional<ChatId> chat, UserId grantedBy, Instant at) {
    public RoleGrant {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(at, "at");
    }

    public boolean everywhere() {
        return chat.isEmpty();
    }
}
