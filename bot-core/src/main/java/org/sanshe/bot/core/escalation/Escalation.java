package org.sanshe.bot.core.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;

/**
 * A crisis that must reach a person (DOMAIN.md "Escalation"). A 紧急 one is never closed by silence: it moves up the
 * chain level by level until someone acknowledges it, and is flagged "无人接手" on the admin board after the last round.
 * A 留意 one ({@link EscalationState#WATCH}) is one private note to the first level of the chain, with no chain and no
 * timer, until someone raises it to 紧急 or a 紧急 message from the same person does.
 *
 * @param number the short number people type (/接手 12)
 * @param chat the group it came from; empty when it came from a private chat without a chosen group
 * @param subject the member it is about
 * @param basis why the detector raised it, in Chinese ({@code 中风征象：口角歪斜＋言语不清}); empty when a person reported
 *     it or the detector gave none. Not the message: no personal data
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
        String basis,
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
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Escalation with(EscalationState s, int lvl, int rnd, Optional<UserId> who, Instant at) {
        return new Escalation(
                number, chat, subject, category, severity, basis, excerpt, s, lvl, rnd, who, openedAt, at);
    }

    /** The same escalation read anew from a later finding (a 留意 raised by a 紧急 message): its words and reason. */
    public Escalation withFinding(String cat, int sev, String why, String words) {
        return new Escalation(
                number, chat, subject, cat, sev, why, words, state, level, round, owner, openedAt, updatedAt);
    }

    /** 紧急: a card, the chain, 无人接手 at its end; a 留意 note is not (until it is raised). */
    public boolean urgent() {
        return state != EscalationState.WATCH;
    }

    @Override
    public String toString() {
        return "Escalation[" + number + ", " + category + ", " + state + "]";
    }
}
