package org.sanshe.bot.core.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.engine.Outbound;
import org.sanshe.bot.core.engine.StateChange;

/**
 * What a command answers, and what it changes: the text for the conversation it was typed in, the state changes to
 * commit with it, further actions (a question to WeCom), and for the audit whether it was refused and a short detail.
 * An expected refusal (an unknown type, an ambiguous name) is a reply too, never an exception (STYLE.md rule 8).
 */
public record Reply(
        Optional<String> text,
        List<StateChange> changes,
        List<Outbound> actions,
        boolean refused,
        Optional<String> auditDetail,
        Optional<Optional<ChatId>> auditChat) {

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(auditDetail, "auditDetail");
        Objects.requireNonNull(auditChat, "auditChat");
        if (text.isPresent() && text.get().isBlank()) {
            throw new IllegalArgumentException("a reply text is blank");
        }
        changes = List.copyOf(changes);
        actions = List.copyOf(actions);
    }

    public static Reply text(String text) {
        return new Reply(Optional.of(text), List.of(), List.of(), false, Optional.empty(), Optional.empty());
    }

    /** The command did not do what was asked; the text says why and what would work. */
    public static Reply refused(String text) {
        return new Reply(Optional.of(text), List.of(), List.of(), true, Optional.empty(), Optional.empty());
    }

    public static Reply none() {
        return new Reply(Optional.empty(), List.of(), List.of(), false, Optional.empty(), Optional.empty());
    }

    public Reply with(StateChange... more) {
        var all = new ArrayList<>(changes);
        all.addAll(Arrays.asList(more));
        return new Reply(text, all, actions, refused, auditDetail, auditChat);
    }

    public Reply and(Outbound action) {
        var all = new ArrayList<>(actions);
        all.add(action);
        return new Reply(text, changes, all, refused, auditDetail, auditChat);
    }

    /** This reply plus what a use case decided (its state changes and messages), for commands that delegate. */
    public Reply including(org.sanshe.bot.core.engine.Outcome outcome) {
        var c = new ArrayList<>(changes);
        c.addAll(outcome.changes());
        var a = new ArrayList<>(actions);
        a.addAll(outcome.outbound());
        return new Reply(text, c, a, refused, auditDetail, auditChat);
    }

    /** What the audit keeps about this command; without it the audit keeps the reply's first line. */
    public Reply audited(String detail) {
        return new Reply(text, changes, actions, refused, Optional.of(detail), auditChat);
    }

    /**
     * Audited under the group the command acted on (a grant made in 二号群 while typing in 一号群), so that the
     * admins of that group see it; an empty chat: a change that holds in every group.
     */
    public Reply audited(Optional<ChatId> actedOn, String detail) {
        return new Reply(text, changes, actions, refused, Optional.of(detail), Optional.of(actedOn));
    }
}
