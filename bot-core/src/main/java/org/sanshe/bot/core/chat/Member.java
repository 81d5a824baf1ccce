package org.sanshe.bot.core.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * A member of a group as far as the bot knows them: the id, and the names WeCom showed (a customer group's details
 * carry the name and the group nickname; an internal group shows only ids). Names are personal data: they are stored
 * encrypted and never logged, so {@link #toString()} shows the id only.
 */
public record Member(UserId id, Optional<String> name, Optional<String> groupNickname, MemberKind kind) {
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(groupNickname, "groupNickname");
        Objects.requireNonNull(kind, "kind");
        name = name.filter(n -> !n.isBlank());
        groupNickname = groupNickname.filter(n -> !n.isBlank());
    }

    public static Member idOnly(UserId id) {
        return new Member(id, Optional.empty(), Optional.empty(), MemberKind.UNKNOWN);
    }

    /** The name people see in the group: the group nickname, else the name, else the id. */
    public String displayName() {
        return groupNickname.or(() -> name).orElse(id.value());
    }

    @Override
    public String toString() {
        return "Member[" + id + "]";
    }
}
