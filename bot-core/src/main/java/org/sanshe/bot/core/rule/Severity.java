package org.sanshe.bot.core.rule;

import java.util.Optional;

/**
 * How urgent a match is, written 1–3 in the lexicon files. Compared by {@link #level()}, never by declaration order.
 * For a crisis: 3 means a life may be at risk now (act at once; never cancelled by a negation), 2 means serious (a
 * social worker looks today), 1 means worth recording and following up. For a rule breach: 3 means remove at once, 2
 * means the admin reviews, 1 is a hint.
 */
public enum Severity {
    WATCH(1),
    SERIOUS(2),
    URGENT(3);

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public boolean isAbove(Severity other) {
        return level > other.level;
    }

    public static Optional<Severity> ofLevel(int level) {
        for (Severity s : values()) {
            if (s.level == level) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
