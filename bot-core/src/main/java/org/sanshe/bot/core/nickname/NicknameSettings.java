package org.sanshe.bot.core.nickname;

import java.time.Duration;
import java.util.Objects;

/**
 * When members' nicknames are checked and how often anyone is reminded.
 *
 * @param joinCheckDelay how long after members join their group is read (WeCom fills in the details a moment later)
 * @param pollInterval every registered customer group is read again this often (each at its own offset)
 * @param remindInterval a member is put on the secretary's digest as not yet compliant at most this often
 * @param maxReminders after this many, the member goes on the "needs a personal word" list instead
 * @param groupSendTypes the group types whose groups also get a gentle group-send draft (add_msg_template, confirmed
 *     by the owner) when members are due a reminder, at most once a {@code remindInterval} per group
 */
public record NicknameSettings(
        Duration joinCheckDelay,
        Duration pollInterval,
        Duration remindInterval,
        int maxReminders,
        java.util.Set<String> groupSendTypes) {
    public NicknameSettings {
        Objects.requireNonNull(joinCheckDelay, "joinCheckDelay");
        Objects.requireNonNull(remindInterval, "remindInterval");
        if (joinCheckDelay.isNegative()) {
            throw new IllegalArgumentException("joinCheckDelay must not be negative");
        }
        if (pollInterval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("pollInterval must be at least 10 seconds");
        }
        if (maxReminders < 1) {
            throw new IllegalArgumentException("maxReminders must be at least 1");
        }
        groupSendTypes = java.util.Set.copyOf(groupSendTypes);
    }

    public NicknameSettings(Duration joinCheckDelay, Duration pollInterval, Duration remindInterval, int maxReminders) {
        this(joinCheckDelay, pollInterval, remindInterval, maxReminders, java.util.Set.of());
    }

    public static NicknameSettings defaults() {
        return new NicknameSettings(Duration.ofSeconds(2), Duration.ofMinutes(30), Duration.ofDays(1), 3);
    }
}
