package org.sanshe.bot.core.port;

import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;

/** The group a staff member chose with /切换 to act on from a private chat. */
public interface PrivateContexts {
    Optional<ChatId> current(UserId member);
}
