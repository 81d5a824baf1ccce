package org.sanshe.bot.core.port;

import java.util.List;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.nickname.Household;

/**
 * The households that should be in a group (户数名册), imported from CSV by an administrator. One roster per group, keyed
 * by the group's chat id: the common case is one residents' group per building, and a group's coverage report needs
 * nothing but its own roster. A chat id may have a roster before it is registered (the demo file is loaded at start).
 * Addresses are personal data: stored encrypted, never logged.
 */
public interface HouseholdRosters {

    /** The group's roster in the order it was imported; empty when none was imported. */
    List<Household> of(ChatId chat);

    /** No rosters: for wiring without storage and tests that do not look. */
    HouseholdRosters NONE = chat -> List.of();
}
