package org.sanshe.bot.core.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;

/**
 * A crisis that must reach a person (DOMAIN.md "Escalation"). It is never closed by silence: it moves up the chain
 * level by level until someone acknowledges it, and is flagged "无人接手" on the admin board after the last round.
 *
 * @param number the short number people type (/接手 12)
 * @param chat the group it came from; empty when it came from a private chat without a chosen group
 * @param subject the member it is about
 * @param excerpt the words that raised it; personal data, stored encrypted and never shown in a group
 * @param level the chain level notified last (0 = the first)
 * @param round how many times the whole chain was tried (0 = the first time)
 */
public record Escalation(
        long number,
        Optional<ChatId> chat,
        UserId subject,
        String category,
        int severity,
        String excerpt,
        EscalationState state,
        int level,
        int round,
        Optional<UserId> owner,
        Instant openedAt,
        Instant updatedAt) {
    public Escalation {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Escalation with(EscalationState s, int lvl, int rnd, Optional<UserId> who, Instant at) {
        return new Escalation(number, chat, subject, category, severity, excerpt, s, lvl, rnd, who, openedAt, at);
    }

    @Override
    public String toString() {
        return "Escalation[" + number + ", " + category + ", " + state + "]";
    }
}
