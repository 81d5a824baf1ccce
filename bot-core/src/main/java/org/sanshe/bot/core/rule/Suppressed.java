package org.sanshe.bot.core.rule;

import java.util.Objects;

/**
 * A match that was dropped, and why: kept in the {@link Detection} so that whoever tunes the lexicon can see what an
 * exception phrase or a negation cue silenced.
 *
 * @param by the exception phrase or negation cue that did it, as normalised
 */
public record Suppressed(Match match, Reason reason, String by) {
    public enum Reason {
        /** An exception phrase ({@code 累死了}, {@code 想死你了}) covers the match. */
        EXCEPTION,
        /** A negation cue ({@code 没有}, {@code 差点}) shortly before a crisis match below severity 3. */
        NEGATION
    }

    public Suppressed {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
    }
}
