package org.sanshe.bot.storage.group;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Group;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.port.Groups;
import org.sanshe.bot.core.port.RoleGrants;

/**
 * The group registry and role grants on MySQL/MariaDB or H2. Lookups are cached for {@code ttl} (default 5 s) because
 * every message asks them; a change made here clears this instance's cache at once, other instances see it within the
 * ttl.
 */
public final class MybatisGroups implements Groups, RoleGrants {
    /** Key suffix of {@link #rolesAnywhere}: every {@link #roleKey} holds a NUL, these keys never do. */
    private static final String ANYWHERE = "\u0001*";

    private final GroupMapper mapper;
    private final Clock clock;
    private final TtlCache<String, Optional<Group>> groupCache;
    private final TtlCache<String, Set<Role>> roleCache;
    private final TtlCache<String, List<Group>> allCache;

    public MybatisGroups(GroupMapper mapper, Clock clock, Duration ttl) {
        this.mapper = mapper;
        this.clock = clock;
        this.groupCache = new TtlCache<>(clock, ttl, 50_000);
        this.roleCache = new TtlCache<>(clock, ttl, 200_000);
        this.allCache = new TtlCache<>(clock, ttl, 1);
    }

    @Override
    public Optional<Group> findByChat(ChatId chat) {
        return groupCache.get(
                chat.value(), k -> Optional.ofNullable(mapper.findByChat(k)).map(MybatisGroups::toGroup));
    }

    @Override
    public List<Group> all() {
        return allCache.get(
                "all", k -> mapper.all().stream().map(MybatisGroups::toGroup).toList());
    }

    @Override
    public List<RoleGrant> grantsIn(Optional<ChatId> chat) {
        return mapper.grantsIn(chat.map(ChatId::value).orElse("")).stream()
                .map(MybatisGroups::toGrant)
                .flatMap(Optional::stream)
                .filter(g -> chat.isPresent() || g.everywhere())
                .toList();
    }

    @Override
    public List<RoleGrant> grantsOf(UserId member) {
        return mapper.grantsOfOne(member.value()).stream()
                .map(MybatisGroups::toGrant)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Registers a chat as declared in configuration: added when new, its name, type and channel brought in line when
     * not. Idempotent: the same declaration at every start changes nothing.
     */
    public boolean declare(ChatId chat, String name, String typeCode, Channel channel) {
        var existing = mapper.findByChat(chat.value());
        if (existing != null
                && existing.getName().equals(name)
                && existing.getTypeCode().equals(typeCode)
                && existing.getChannel().equals(channel.name())) {
            return false;
        }
        mapper.upsert(chat.value(), name, typeCode, channel.name(), clock.millis());
        invalidate();
        return true;
    }

    /** Forgets every cached lookup of this instance: after a change committed here. */
    public void invalidate() {
        groupCache.clear();
        roleCache.clear();
        allCache.clear();
    }

    @Override
    public Set<Role> rolesOf(UserId member, Optional<ChatId> chat) {
        return roleCache.get(roleKey(member, chat), k -> {
            Map<String, List<GroupMapper.GrantRow>> grants = grantsByUser(Set.of(member.value()));
            return rolesIn(grants.getOrDefault(member.value(), List.of()), chat);
        });
    }

    /** Cached like {@link #rolesOf}: the rule checks ask it for every message of a non-staff member in some groups. */
    @Override
    public Set<Role> rolesAnywhere(UserId member) {
        return roleCache.get(member.value() + ANYWHERE, k -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            grantsOf(member).forEach(g -> roles.add(g.role()));
            return java.util.Collections.unmodifiableSet(roles);
        });
    }

    /**
     * Loads the roles of many (member, chat) pairs with one query, so that deciding a batch of events does not ask the
     * database once per sender. Pairs already cached are left alone.
     */
    public void preloadRoles(Collection<Map.Entry<UserId, Optional<ChatId>>> pairs) {
        Map<String, Map.Entry<UserId, Optional<ChatId>>> missing = new HashMap<>();
        for (var pair : pairs) {
            String key = roleKey(pair.getKey(), pair.getValue());
            if (!roleCache.contains(key)) {
                missing.put(key, pair);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Set<String> users = new HashSet<>();
        missing.values().forEach(p -> users.add(p.getKey().value()));
        Map<String, List<GroupMapper.GrantRow>> grants = grantsByUser(users);
        missing.forEach((key, pair) ->
                roleCache.put(key, rolesIn(grants.getOrDefault(pair.getKey().value(), List.of()), pair.getValue())));
    }

    /** Registers a chat as a group; a chat already registered is left as it is. */
    public boolean register(ChatId chat, String name, String typeCode, Channel channel) {
        boolean added = mapper.insertIgnore(chat.value(), name, typeCode, channel.name(), clock.millis()) == 1;
        invalidate();
        return added;
    }

    /** Grants a role in one chat, or everywhere when {@code chat} is empty. Idempotent. */
    public boolean grant(UserId member, Role role, Optional<ChatId> chat, UserId grantedBy) {
        boolean added = mapper.grant(
                        member.value(),
                        role.name(),
                        chat.map(ChatId::value).orElse(""),
                        grantedBy.value(),
                        clock.millis())
                == 1;
        roleCache.clear();
        return added;
    }

    private Map<String, List<GroupMapper.GrantRow>> grantsByUser(Set<String> users) {
        Map<String, List<GroupMapper.GrantRow>> byUser = new HashMap<>();
        for (var g : mapper.grantsOf(users)) {
            byUser.computeIfAbsent(g.userId(), k -> new ArrayList<>()).add(g);
        }
        return byUser;
    }

    /** Grants everywhere ('') and grants in this chat; a role this version does not know grants nothing. */
    private static Set<Role> rolesIn(List<GroupMapper.GrantRow> grants, Optional<ChatId> chat) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String here = chat.map(ChatId::value).orElse("");
        for (var g : grants) {
            if (g.chatId().isEmpty() || (!here.isEmpty() && g.chatId().equals(here))) {
                Role.parse(g.role()).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static String roleKey(UserId member, Optional<ChatId> chat) {
        return member.value() + '\u0000' + chat.map(ChatId::value).orElse("");
    }

    private static Group toGroup(GroupRow r) {
        return new Group(
                r.getId(),
                ChatId.of(r.getChatId()),
                r.getName(),
                r.getTypeCode(),
                Channel.valueOf(r.getChannel()),
                Optional.ofNullable(r.getRulesText()));
    }

    /** A stored grant; a role this version does not know is skipped (it grants nothing). */
    private static Optional<RoleGrant> toGrant(GroupMapper.FullGrantRow r) {
        return Role.parse(r.role())
                .map(role -> new RoleGrant(
                        UserId.of(r.userId()),
                        role,
                        r.chatId().isEmpty() ? Optional.empty() : Optional.of(ChatId.of(r.chatId())),
                        UserId.of(r.grantedBy()),
                        Instant.ofEpochMilli(r.grantedAt())));
    }
}
