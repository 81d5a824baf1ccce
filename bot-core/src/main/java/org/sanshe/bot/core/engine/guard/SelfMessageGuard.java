package org.sanshe.bot.core.engine.guard;

import java.util.Set;
import org.sanshe.bot.core.chat.UserId;

/** The bot never answers itself, which would loop. */
public final class SelfMessageGuard implements Guard {
    private final Set<UserId> botIds;

    public SelfMessageGuard(Set<UserId> botIds) {
        this.botIds = Set.copyOf(botIds);
    }

    @Override
    public Verdict check(CommandRequest request) {
        return botIds.contains(request.event().sender()) ? Verdict.drop("own message") : Verdict.pass(request);
    }
}
