package org.sanshe.bot.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;

/**
 * A change to stored state that an event causes. Changes to the registry (groups, roles, names, private contexts)
 * change how the next event is decided, so the pipeline commits them before it decides the next event: see
 * {@link #changesDecisions()}.
 */
public sealed interface StateChange {

    /** Whether an event decided after this change could be decided differently because of it. */
    default boolean changesDecisions() {
        return true;
    }

    /**
     * Whether this change is to the registry (groups, roles, names, private contexts) that instances cache: after its
     * commit the caches are dropped. An escalation's changes matter to the next decision but are never cached.
     */
    default boolean changesRegistry() {
        return changesDecisions();
    }

    /** The member was seen in the group (spoke, or joined). */
    record MemberSeen(ChatId chat, UserId member, Instant at) implements StateChange {
        @Override
        public boolean changesDecisions() {
            return false;
        }
    }

    /** The members left the group. */
    record MembersGone(ChatId chat, List<UserId> members, Instant at) implements StateChange {
        public MembersGone {
            members = List.copyOf(members);
        }

        @Override
        public boolean changesDecisions() {
            return false;
        }
    }

    /**
     * The group's members as WeCom listed them (a customer group's details): names and nicknames are recorded, and a
     * member no longer listed has left.
     */
    record MembersListed(ChatId chat, List<Member> members, Instant at) implements StateChange {
        public MembersListed {
            members = List.copyOf(members);
        }
    }

    /** A chat registered as a group of a type, or its type or name changed. */
    record GroupRegistered(ChatId chat, String name, String typeCode, Channel channel, UserId by, Instant at)
            implements StateChange {
        public GroupRegistered {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(typeCode, "typeCode");
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** The group's own rules text; empty: back to the text of its type. */
    record GroupRulesSet(ChatId chat, Optional<String> rules, UserId by, Instant at) implements StateChange {}

    /** A role granted in one chat, or everywhere when {@code chat} is empty. */
    record RoleGranted(UserId member, Role role, Optional<ChatId> chat, UserId by, Instant at) implements StateChange {}

    /** A grant taken back. */
    record RoleRevoked(UserId member, Role role, Optional<ChatId> chat, UserId by, Instant at) implements StateChange {}

    /** The group a member acts on from a private chat (/切换). */
    record PrivateContextChosen(UserId member, ChatId chat, Instant at) implements StateChange {}

    /** A privileged command, recorded for the audit. */
    record Audited(AuditEntry entry) implements StateChange {
        @Override
        public boolean changesDecisions() {
            return false;
        }
    }

    /**
     * An escalation opened ({@code replaces} empty), or its state, level, round or owner changed (stored whole, only
     * if it is still at version {@code replaces}).
     */
    record EscalationSaved(org.sanshe.bot.core.escalation.Escalation escalation, Optional<Instant> replaces)
            implements StateChange {
        /** A new escalation. */
        public EscalationSaved(org.sanshe.bot.core.escalation.Escalation escalation) {
            this(escalation, Optional.empty());
        }

        /**
         * A change to one read at version {@code replaced} (its updatedAt): storage refuses it if another decision
         * changed the escalation since (a click and a timer decided at once), and the event is decided again.
         */
        public static EscalationSaved replacing(
                org.sanshe.bot.core.escalation.Escalation read, org.sanshe.bot.core.escalation.Escalation changed) {
            return new EscalationSaved(changed, Optional.of(read.updatedAt()));
        }

        @Override
        public boolean changesRegistry() {
            return false;
        }
    }

    /** One step of an escalation's timeline: who did what, when. The detail may quote the resident: encrypted. */
    record EscalationStep(long number, Instant at, Optional<UserId> actor, String kind, String detail)
            implements StateChange {
        @Override
        public boolean changesDecisions() {
            return false;
        }
    }

    /**
     * Someone who received an escalation's card or note said it was useful or a false alarm: stored with the words the
     * detector read ({@code text}) and their normalised form ({@code normalised}, as crisis detection reads it), both
     * encrypted, with what the detector said about them. One per person and escalation; a later one replaces it.
     */
    record FeedbackGiven(
            long number,
            UserId by,
            org.sanshe.bot.core.escalation.Feedback verdict,
            Instant at,
            String text,
            String normalised,
            String category,
            int severity,
            String basis,
            boolean urgent)
            implements StateChange {
        public FeedbackGiven {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(normalised, "normalised");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(basis, "basis");
        }

        @Override
        public boolean changesDecisions() {
            return false;
        }

        @Override
        public String toString() {
            return "FeedbackGiven[#" + number + ", " + by + ", " + verdict + "]";
        }
    }

    /**
     * A rule breach recorded against a member in a group: {@code acted} when something was done about it,
     * {@code warned} when it counts as a warning. Only ids and the rule are stored, never the message.
     */
    record BreachRecorded(ChatId chat, UserId member, String rule, Instant at, boolean acted, boolean warned)
            implements StateChange {}

    /**
     * The member's window of 留意 notes: until {@code quietUntil}, {@code sent} of them sent at once (a note was sent),
     * or confirmed unchanged (a note was held in it). Stored only if still at {@code readVersion} (empty: the member had
     * none), so that two decisions at once cannot both spend the last of the budget, nor hold into a window that is
     * being closed.
     */
    record PagerSaved(UserId member, Instant quietUntil, int sent, Optional<Long> readVersion) implements StateChange {
        @Override
        public boolean changesRegistry() {
            return false;
        }
    }

    /** A 留意 note held back for the member until their window closes. */
    record NoticeHeld(UserId member, long number, Instant at) implements StateChange {
        @Override
        public boolean changesDecisions() {
            return false;
        }
    }

    /** Everything held for the member was dealt with at their window's close (sent, or no longer needed). */
    record NoticesReleased(UserId member, Instant at) implements StateChange {
        @Override
        public boolean changesDecisions() {
            return false;
        }
    }

    /** A member's nickname as checked now, and what was done about it (see {@code NicknameRecords}). */
    record NicknameRecorded(ChatId chat, UserId member, org.sanshe.bot.core.port.NicknameRecords.NicknameRecord record)
            implements StateChange {}

    /** A member no longer in the group: their nickname record is dropped. */
    record NicknameForgotten(ChatId chat, UserId member) implements StateChange {}

    /** A group-send draft reminding the group's members of the nickname rules was made. */
    record NicknameDraftMade(ChatId chat, Instant at) implements StateChange {}

    /**
     * A stored timer: at {@code due} a {@link org.sanshe.bot.core.event.InboundEvent.TimerFired} with this timer and
     * subject is decided like any event. Stored in the same transaction as the decision that set it.
     */
    record TimerSet(String timer, String subject, Instant due) implements StateChange {
        @Override
        public boolean changesDecisions() {
            return false;
        }
    }

    /**
     * A group's household roster replaced whole by an import (empty: removed). Written outside the dispatcher by the
     * admin API and the roster files, in one transaction with its audit entry; the addresses are stored encrypted.
     */
    record HouseholdRosterReplaced(ChatId chat, List<org.sanshe.bot.core.nickname.Household> households, Instant at)
            implements StateChange {
        public HouseholdRosterReplaced {
            Objects.requireNonNull(chat, "chat");
            households = List.copyOf(households);
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean changesDecisions() {
            return false;
        }

        @Override
        public String toString() {
            return "HouseholdRosterReplaced[chat=" + chat.value() + ", households=" + households.size() + "]";
        }
    }
}
