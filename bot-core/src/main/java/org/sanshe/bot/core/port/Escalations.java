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
     * A member's current window of 留意 notes (how many were sent at once in it) and the version of that record: empty
     * when they were never sent one.
     */
    Optional<Pager> pagerOf(org.sanshe.bot.core.chat.UserId member);

    /** The 留意 notes held back for the member (see {@link Pager}), oldest first. */
    List<Long> heldFor(org.sanshe.bot.core.chat.UserId member);

    /**
     * A member's 留意 notes: the first sent at once opens a window until {@code quietUntil}; within it {@code sent} notes
     * went out at once; beyond the budget what comes for them is held and sent together at its end. 紧急 cards never
     * wait for it.
     */
    record Pager(java.time.Instant quietUntil, int sent, long version) {}
}
