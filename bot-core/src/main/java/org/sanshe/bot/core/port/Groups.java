package org.sanshe.bot.core.port;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;

/** The registry of chats the bot knows as groups. */
public interface Groups {
    Optional<Group> findByChat(ChatId chat);

    /** Every registered group, by registry number. */
    List<Group> all();
}
