package org.sanshe.bot.core.port;

import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.UserId;

/** The members the bot knows in each group: seen speaking, seen joining, or read from a customer group's details. */
public interface Members {
    /** Members present in the chat (not left), with the names WeCom showed where known. */
    List<Member> membersOf(ChatId chat);

    /** Whether the id has been seen anywhere: in a group, in a grant. A typo in a user id is not. */
    boolean isKnown(UserId member);
}
