package org.sanshe.bot.storage.group;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.port.Groups;
import org.sanshe.bot.core.port.RoleGrants;

/** The group registry and role grants on MySQL/MariaDB or H2. */
public final class MybatisGroups implements Groups, RoleGrants {
    private final GroupMapper mapper;
    private final Clock clock;

    public MybatisGroups(GroupMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Optional<Group> findByChat(ChatId chat) {
        return Optional.ofNullable(mapper.findByChat(chat.value())).map(MybatisGroups::toGroup);
    }

    public List<Group> all() {
        return mapper.all().stream().map(MybatisGroups::toGroup).toList();
    }

    @Override
    public Set<Role> rolesOf(UserId member, Optional<ChatId> chat) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        // a role name this version does not know (a newer instance wrote it) grants nothing here
        mapper.roles(member.value(), chat.map(ChatId::value).orElse(""))
                .forEach(r -> Role.parse(r).ifPresent(roles::add));
        return roles;
    }

    /** Registers a chat as a group; a chat already registered is left as it is. */
    public boolean register(ChatId chat, String name, String typeCode, Channel channel) {
        return mapper.insertIgnore(chat.value(), name, typeCode, channel.name(), clock.millis()) == 1;
    }

    /** Grants a role in one chat, or everywhere when {@code chat} is empty. Idempotent. */
    public boolean grant(UserId member, Role role, Optional<ChatId> chat, UserId grantedBy) {
        return mapper.grant(
                        member.value(),
                        role.name(),
                        chat.map(ChatId::value).orElse(""),
                        grantedBy.value(),
                        clock.millis())
                == 1;
    }

    private static Group toGroup(GroupRow r) {
        return new Group(
                r.getId(), ChatId.of(r.getChatId()), r.getName(), r.getTypeCode(), Channel.valueOf(r.getChannel()));
    }
}
