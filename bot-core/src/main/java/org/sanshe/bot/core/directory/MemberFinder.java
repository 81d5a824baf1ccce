package org.sanshe.bot.core.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.RoleGrant;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.port.Ports;

/**
 * Finds the member a person means: by user id, by the @name WeCom shows, or by the nickname in that group. Two members
 * with that name get a question back, a name nobody has exactly gets the near ones offered; it never guesses. Finding a
 * member by nickname only says who they are: roles still come from storage alone.
 *
 * <p>{@code 账号:xxx} names an id explicitly, for a colleague who has not spoken to the bot yet.
 */
public final class MemberFinder {
    private static final Pattern EXPLICIT_ID =
            Pattern.compile("^(账号|userid|id)[:：]\\s*(\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.@\\-]{1,64}");

    private final Ports ports;
    private final java.util.Set<UserId> admins;

    public MemberFinder(Ports ports, java.util.Set<UserId> configuredAdmins) {
        this.ports = ports;
        this.admins = java.util.Set.copyOf(configuredAdmins);
    }

    public Lookup<Member> find(String typed, Optional<ChatId> chat) {
        String raw = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC)
                .strip();
        var explicit = EXPLICIT_ID.matcher(raw);
        if (explicit.matches() && USER_ID.matcher(explicit.group(2)).matches()) {
            UserId id = UserId.of(explicit.group(2));
            return new Lookup.Found<>(known(chat).getOrDefault(id, Member.idOnly(id)));
        }
        String unquoted = raw.replaceAll("^[「『“\"'《]+|[」』”\"'》]+$", "").strip();
        String withoutAt = unquoted.startsWith("@") ? unquoted.substring(1).strip() : unquoted;
        String t = Names.normalise(withoutAt);
        if (t.isEmpty()) {
            return new Lookup.NotFound<>();
        }
        Map<UserId, Member> known = known(chat);
        for (Member m : known.values()) {
            if (m.id().value().equalsIgnoreCase(withoutAt)) {
                return new Lookup.Found<>(m);
            }
        }
        List<Member> exact = new ArrayList<>();
        List<Member> near = new ArrayList<>();
        for (Member m : known.values()) {
            boolean same = false;
            boolean close = false;
            for (String name : namesOf(m)) {
                String n = Names.normalise(name);
                same |= n.equals(t);
                close |= !n.equals(t) && (n.contains(t) || t.contains(n)) && Math.min(n.length(), t.length()) >= 1;
            }
            if (same) {
                exact.add(m);
            } else if (close) {
                near.add(m);
            }
        }
        if (exact.size() == 1) {
            return new Lookup.Found<>(exact.get(0));
        }
        if (exact.size() > 1) {
            return new Lookup.Ambiguous<>(exact);
        }
        if (USER_ID.matcher(withoutAt).matches() && ports.members().isKnown(UserId.of(withoutAt))) {
            return new Lookup.Found<>(Member.idOnly(UserId.of(withoutAt)));
        }
        return near.isEmpty()
                ? new Lookup.NotFound<>()
                : new Lookup.NearMatches<>(near.subList(0, Math.min(5, near.size())));
    }

    /** The members of the chat with their names, and everyone who holds a grant there or is a configured admin. */
    private Map<UserId, Member> known(Optional<ChatId> chat) {
        Map<UserId, Member> known = new LinkedHashMap<>();
        chat.ifPresent(c -> ports.members().membersOf(c).forEach(m -> known.put(m.id(), m)));
        for (RoleGrant g : ports.roles().grantsIn(chat)) {
            known.putIfAbsent(g.member(), Member.idOnly(g.member()));
        }
        admins.forEach(a -> known.putIfAbsent(a, Member.idOnly(a)));
        return known;
    }

    private static List<String> namesOf(Member m) {
        List<String> names = new ArrayList<>(2);
        m.name().ifPresent(names::add);
        m.groupNickname().ifPresent(names::add);
        return names;
    }
}
