package org.sanshe.bot.storage.group;

import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.Member;
import org.sanshe.bot.core.chat.MemberKind;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.port.Members;
import org.sanshe.bot.storage.crypt.FieldCipher;

/**
 * Members per group on MySQL/MariaDB or H2, names decrypted on the way out. Asked by commands and escalations only
 * (naming a member, counting a group, naming the person on a card), never on every message, so it is not cached.
 */
public final class MybatisMembers implements Members {
    private final MemberDirectoryMapper mapper;
    private final GroupMapper grants;
    private final FieldCipher cipher;

    public MybatisMembers(MemberDirectoryMapper mapper, GroupMapper grants, FieldCipher cipher) {
        this.mapper = mapper;
        this.grants = grants;
        this.cipher = cipher;
    }

    @Override
    public List<Member> membersOf(ChatId chat) {
        return mapper.membersOf(chat.value()).stream().map(this::toMember).toList();
    }

    /** A group nickname first (where they are still present, most recently seen), else the WeCom name. */
    @Override
    public Optional<Member> named(UserId member) {
        List<Member> named =
                mapper.namedRowsOf(member.value()).stream().map(this::toMember).toList();
        return named.stream()
                .filter(m -> m.groupNickname().isPresent())
                .findFirst()
                .or(() -> named.stream().findFirst());
    }

    private Member toMember(MemberDirectoryMapper.MemberRow r) {
        return new Member(
                UserId.of(r.userId()),
                decrypt(r.displayName()),
                decrypt(r.groupNickname()),
                r.memberKind() == null ? MemberKind.UNKNOWN : MemberKind.valueOf(r.memberKind()));
    }

    @Override
    public boolean isKnown(UserId member) {
        return mapper.countSightings(member.value()) > 0 || grants.countGrantsOf(member.value()) > 0;
    }

    private Optional<String> decrypt(String stored) {
        return stored == null || stored.isEmpty() ? Optional.empty() : Optional.of(cipher.decrypt(stored));
    }
}
