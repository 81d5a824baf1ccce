package org.sanshe.bot.core.command;

import org.sanshe.bot.core.chat.Conversation;

/** Where a command may be typed. */
public enum Scope {
    GROUP,
    PRIVATE,
    ANY;

    public boolean allows(Conversation conversation) {
        return this == ANY || (this == GROUP) == conversation.isGroup();
    }
}
