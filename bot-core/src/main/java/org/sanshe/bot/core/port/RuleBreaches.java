package org.sanshe.bot.core.port;

import java.time.Instant;
import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;

/** The rule breaches recorded against members, per group. */
public interface RuleBreaches {

    /**
     * One recorded breach.
     *
     * @param acted whether something was done about it (a breach inside the quiet period of the one before is only
     *     recorded)
     * @param warned whether it counted as a warning
     */
    record Breach(String rule, Instant at, boolean acted, boolean warned) {}

    /** The member's breaches in the chat at or after {@code since}, oldest first. */
    List<Breach> since(ChatId chat, UserId member, Instant since);

    /** Nothing recorded: for wiring that has no storage (and tests that do not look). */
    RuleBreaches NONE = (chat, member, since) -> List.of();
}
