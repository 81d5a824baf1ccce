package org.sanshe.bot.core.engine;

import java.time.Instant;
import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;

/** A change to stored state that an event causes. */
public sealed interface StateChange {

    /** The member was seen in the group (spoke, or joined). */
    record MemberSeen(ChatId chat, UserId member, Instant at) implements StateChange {}

    /** The members left the group. */
    record MembersGone(ChatId chat, List<UserId> members, Instant at) implements StateChange {
        public MembersGone {
            members = List.copyOf(members);
        }
    }
}
