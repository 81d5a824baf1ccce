package org.sanshe.bot.core.chat;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The member who typed a command, with the roles storage grants them where they typed it. */
public record Caller(UserId id, Set<Role> roles) {
    public Caller {
        roles = roles.isEmpty() ? Set.of(Role.RESIDENT) : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean can(Role required) {
        return roles.stream().anyMatch(r -> r.atLeast(required));
    }

    /** Highest rank first. */
    public List<Role> rolesByRank() {
        return roles.stream()
                .sorted(Comparator.comparingInt(Role::rank).reversed().thenComparing(Role::name))
                .toList();
    }
}
