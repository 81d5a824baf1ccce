package org.sanshe.bot.core.escalation;

import java.time.Duration;

/**
 * How the chain climbs: each level has {@code ackTimeout} to acknowledge before the next is messaged, and the whole
 * chain is tried {@code rounds} times before the escalation is flagged "无人接手". A 紧急 card is never held back here: it
 * goes out at once and the delivery keeps a reserve of the recipient's WeCom budget for it. Only 留意 notes are
 * coalesced: a member is sent at most {@code noteBudget} of them at once within {@code coalesceWindow}; further ones
 * go out together at the window's end (WeCom allows 30 messages a minute to one person).
 */
public record EscalationSettings(Duration ackTimeout, int rounds, Duration coalesceWindow, int noteBudget) {
    public static final int DEFAULT_NOTE_BUDGET = 10;

    public EscalationSettings {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be positive");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        if (coalesceWindow.isNegative()) {
            throw new IllegalArgumentException("coalesceWindow must not be negative");
        }
        if (noteBudget < 1) {
            throw new IllegalArgumentException("noteBudget must be at least 1");
        }
    }

    public EscalationSettings(Duration ackTimeout, int rounds, Duration coalesceWindow) {
        this(ackTimeout, rounds, coalesceWindow, DEFAULT_NOTE_BUDGET);
    }

    public EscalationSettings(Duration ackTimeout, int rounds) {
        this(ackTimeout, rounds, Duration.ofMinutes(1));
    }

    public static EscalationSettings defaults() {
        return new EscalationSettings(Duration.ofMinutes(5), 2);
    }
}
