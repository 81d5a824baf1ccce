package org.sanshe.bot.storage.group;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.port.PrivateContexts;

/** The group each staff member chose with /切换. Asked for every private message, so cached like the registry. */
public final class MybatisPrivateContexts implements PrivateContexts {
    private final MemberDirectoryMapper mapper;
    private final TtlCache<String, Optional<ChatId>> cache;

    public MybatisPrivateContexts(MemberDirectoryMapper mapper, Clock clock, Duration ttl) {
        this.mapper = mapper;
        this.cache = new TtlCache<>(clock, ttl, 100_000);
    }

    @Override
    public Optional<ChatId> current(UserId member) {
        return cache.get(
                member.value(), k -> Optional.ofNullable(mapper.contextOf(k)).map(ChatId::of));
    }

    public void invalidate() {
        cache.clear();
    }
}
