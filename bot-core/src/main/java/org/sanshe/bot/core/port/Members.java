package org.sanshe.bot.core.port;

import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.UserId;

/** The members the bot knows in each group: seen speaking, seen joining, or read from a customer group's details. */
public interface Members {
    /** Members present in the chat (not left), with the names WeCom showed where known. */
    List<Member> membersOf(ChatId chat);

    /**
     * The member with the name people know them by in any group (a group nickname, else the WeCom name), for a message
     * about them outside that group (a crisis said in a private chat): empty when no name is known.
     */
    default java.util.Optional<Member> named(UserId member) {
        return java.util.Optional.empty();
    }

    /** Whether the id has been seen anywhere: in a group, in a grant. A typo in a user id is not. */
    boolean isKnown(UserId member);
}
