package org.sanshe.bot.core.command;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.Caller;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.port.RoleGrants;

/**
 * Who may do what where: the stored grants of a member in a chat (or everywhere), plus {@code bot.admins}, who are
 * administrators everywhere from configuration. The only source of roles: a nickname is never consulted.
 */
public final class Authority {
    private final RoleGrants grants;
    private final Set<UserId> admins;

    public Authority(RoleGrants grants, Set<UserId> admins) {
        this.grants = grants;
        this.admins = Set.copyOf(admins);
    }

    /** The member as a caller in that chat; empty chat: the grants that hold everywhere. */
    public Caller callerIn(UserId member, Optional<ChatId> chat) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(grants.rolesOf(member, chat));
        if (admins.contains(member)) {
            roles.add(Role.ADMIN);
        }
        return new Caller(member, roles);
    }

    /** Whether the member is an administrator from configuration, which no command can revoke. */
    public boolean configuredAdmin(UserId member) {
        return admins.contains(member);
    }

    public Set<UserId> configuredAdmins() {
        return admins;
    }

    /**
     * The member with every role they hold anywhere: for a private chat where no group was chosen. Commands that then
     * act on a group check the member's rights in that group themselves.
     */
    public Caller callerAnywhere(UserId member) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(grants.rolesAnywhere(member));
        if (admins.contains(member)) {
            roles.add(Role.ADMIN);
        }
        return new Caller(member, roles);
    }

    /** The members holding the role in this chat; without any, those holding it everywhere. */
    public java.util.List<UserId> holdersIn(ChatId chat, Role role) {
        Set<UserId> here = new java.util.LinkedHashSet<>();
        Set<UserId> everywhere = new java.util.LinkedHashSet<>();
        for (var g : grants.grantsIn(Optional.of(chat))) {
            if (g.role() == role) {
                (g.everywhere() ? everywhere : here).add(g.member());
            }
        }
        return java.util.List.copyOf(here.isEmpty() ? everywhere : here);
    }

    /** Who is told what only an administrator decides: the chat's 群管理员 (else those of every group), and bot.admins. */
    public java.util.List<UserId> administratorsOf(ChatId chat) {
        Set<UserId> all = new java.util.LinkedHashSet<>(holdersIn(chat, Role.ADMIN));
        all.addAll(admins);
        return java.util.List.copyOf(all);
    }
}
