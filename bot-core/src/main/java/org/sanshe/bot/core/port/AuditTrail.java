package org.sanshe.bot.core.port;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;

/** The stored audit of privileged commands. */
public interface AuditTrail {
    /** The latest entries, newest first: of one chat, or of all chats when empty. */
    List<AuditEntry> recent(Optional<ChatId> chat, int limit);
}
