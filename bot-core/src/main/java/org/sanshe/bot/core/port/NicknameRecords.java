package org.sanshe.bot.core.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;

/** What the bot last read of each member's group nickname in a customer group, and what it did about it. */
public interface NicknameRecords {

    /**
     * One member's nickname as last checked. Personal data (the nickname, the household): stored encrypted, never in
     * {@link #toString()}.
     *
     * @param nickname the group nickname, empty when none was set
     * @param compliant whether it followed the group type's convention
     * @param householdKey the household it names ({@code 3-2-1202}), for one member per household
     * @param since when it last changed (nickname or compliance)
     * @param reminders how many digests asked the secretary to remind this member
     * @param lastReminded when the last of those was
     * @param flagged whether the administrators were told about this nickname (impersonation, a shared household, a
     *     phone or ID number); cleared when the nickname changes
     * @param firstSeen when the bot first read this member in the group
     */
    record NicknameRecord(
            Optional<String> nickname,
            boolean compliant,
            Optional<String> householdKey,
            Instant since,
            int reminders,
            Optional<Instant> lastReminded,
            boolean flagged,
            Instant firstSeen) {
        public NicknameRecord {
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(householdKey, "householdKey");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastReminded, "lastReminded");
            Objects.requireNonNull(firstSeen, "firstSeen");
        }

        @Override
        public String toString() {
            return "NicknameRecord[compliant=" + compliant + ", reminders=" + reminders + ", flagged=" + flagged + "]";
        }
    }

    /** The records of the members of one group, by member. */
    Map<UserId, NicknameRecord> in(ChatId chat);

    /** The member's records in every group, by chat: where the bot knows their nickname. */
    default Map<ChatId, NicknameRecord> of(UserId member) {
        return Map.of();
    }

    /** When the last group-send draft reminding the group's members was made. */
    default Optional<Instant> lastDraft(ChatId chat) {
        return Optional.empty();
    }

    /** Nothing recorded: for wiring without storage and tests that do not look. */
    NicknameRecords NONE = chat -> Map.of();
}
