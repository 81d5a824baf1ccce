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
}
