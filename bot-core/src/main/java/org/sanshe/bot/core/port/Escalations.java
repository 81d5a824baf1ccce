package org.sanshe.bot.core.port;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.escalation.Escalation;

/** Stored escalations. */
public interface Escalations {
    Optional<Escalation> find(long number);

    /** Escalations not resolved yet, newest first. */
    List<Escalation> unresolved(int limit);

    /** The unresolved escalation about this member from this chat, if there is one (a second message joins it). */
    Optional<Escalation> unresolvedFor(
            org.sanshe.bot.core.chat.UserId subject, Optional<org.sanshe.bot.core.chat.ChatId> chat);

    /** A new escalation number, never handed out twice (also across instances). */
    long nextNumber();

    /**
     * When a member may next be sent an escalation at once, and the version of that record: empty when they were
     * never sent one.
     */
    Optional<Pager> pagerOf(org.sanshe.bot.core.chat.UserId member);

    /** The escalations held back for the member (see {@link Pager}), oldest first. */
    List<Long> heldFor(org.sanshe.bot.core.chat.UserId member);

    /**
     * A member's escalation messages: one sent at once opens a window until {@code quietUntil}; what comes for them
     * within it is held and sent together at its end.
     */
    record Pager(java.time.Instant quietUntil, long version) {}
}
