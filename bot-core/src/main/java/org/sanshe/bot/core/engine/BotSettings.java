package org.sanshe.bot.core.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.sanshe.bot.core.chat.UserId;

/**
 * Plain settings of the core, mapped from configuration by the app.
 *
 * @param admins members who are administrators from the start ({@code bot.admins})
 * @param botIds the ids the bot itself speaks under, so it never answers itself
 * @param commandLimit how many commands one member may run per {@code commandWindow}
 * @param zone the time zone people read times in (Asia/Shanghai unless configured)
 * @param escalation how an escalation climbs its chain
 * @param rules what is done about rule breaches, per rule and group type
 * @param nicknames when customer groups' nicknames are checked and how often anyone is reminded
 */
public record BotSettings(
        Set<UserId> admins,
        Set<UserId> botIds,
        int commandLimit,
        Duration commandWindow,
        ZoneId zone,
        org.sanshe.bot.core.escalation.EscalationSettings escalation,
        org.sanshe.bot.core.moderation.RuleBook rules,
        org.sanshe.bot.core.nickname.NicknameSettings nicknames) {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public BotSettings {
        admins = Set.copyOf(admins);
        botIds = Set.copyOf(botIds);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(nicknames, "nicknames");
        if (commandWindow.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("commandWindow must be at least one second");
        }
        if (commandLimit < 1) {
            throw new IllegalArgumentException("commandLimit must be at least 1");
        }
    }

    /** The defaults for everything but who is an administrator, the bot's ids and the command limit. */
    public BotSettings(Set<UserId> admins, Set<UserId> botIds, int commandLimit, Duration commandWindow) {
        this(
                admins,
                botIds,
                commandLimit,
                commandWindow,
                CHINA,
                org.sanshe.bot.core.escalation.EscalationSettings.defaults(),
                org.sanshe.bot.core.moderation.RuleBook.defaults(),
                org.sanshe.bot.core.nickname.NicknameSettings.defaults());
    }

    public static BotSettings defaults() {
        return new BotSettings(Set.of(), Set.of(), 20, Duration.ofMinutes(1));
    }
}
