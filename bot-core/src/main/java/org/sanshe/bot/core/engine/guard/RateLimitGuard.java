package org.sanshe.bot.core.engine.guard;

import java.time.Duration;
import org.sanshe.bot.core.port.RateLimiter;
import org.sanshe.bot.core.text.Texts;

/** Anti-flood: a member may run at most {@code limit} commands per {@code window}, across all instances. */
public final class RateLimitGuard implements Guard {
    private final RateLimiter limiter;
    private final Texts texts;
    private final int limit;
    private final Duration window;

    public RateLimitGuard(RateLimiter limiter, Texts texts, int limit, Duration window) {
        this.limiter = limiter;
        this.texts = texts;
        this.limit = limit;
        this.window = window;
    }

    /** The counter a member's messages are counted under (also used to count a batch ahead). */
    public static String keyOf(org.sanshe.bot.core.chat.UserId member) {
        return "cmd:" + member.value();
    }

    @Override
    public Verdict check(CommandRequest request) {
        String key = keyOf(request.event().sender());
        return limiter.tryAcquire(key, limit, window)
                ? Verdict.pass(request)
                : Verdict.reject(texts.get("guard.rateLimited", Long.toString(window.toSeconds())));
    }
}
