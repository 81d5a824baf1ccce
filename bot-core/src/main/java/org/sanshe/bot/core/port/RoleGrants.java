package org.sanshe.bot.core.port;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;

/** Stored role grants. Roles come only from here (and the configured admins), never from a nickname. */
public interface RoleGrants {
    /** The roles granted to the member in that chat or everywhere; empty when none. */
    Set<Role> rolesOf(UserId member, Optional<ChatId> chat);

    /** The grants that hold in a chat: those made for it and those made everywhere. Empty chat: everywhere only. */
    List<RoleGrant> grantsIn(Optional<ChatId> chat);

    /** Every grant of one member, wherever it holds. */
    List<RoleGrant> grantsOf(UserId member);

    /**
     * Every role the member holds in any chat or everywhere. Asked for each message in groups whose rules depend on
     * whether the sender is staff, so an implementation backed by a database should cache it like {@link #rolesOf}.
     */
    default Set<Role> rolesAnywhere(UserId member) {
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        grantsOf(member).forEach(g -> roles.add(g.role()));
        return roles;
    }
}
