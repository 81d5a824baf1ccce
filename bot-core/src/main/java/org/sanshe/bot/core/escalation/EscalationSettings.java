package org.sanshe.bot.core.escalation;

import java.time.Duration;

/**
 * How the chain climbs: each level has {@code ackTimeout} to acknowledge before the next is messaged, and the whole
 * chain is tried {@code rounds} times before the escalation is flagged "无人接手". A member who was sent an escalation
 * card gets the further ones within {@code coalesceWindow} in one message at the window's end (WeCom allows 30
 * messages a minute to one person; a worker in a busy hour gets one card, then one summary a window).
 */
public record EscalationSettings(Duration ackTimeout, int rounds, Duration coalesceWindow) {
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
    }

    public EscalationSettings(Duration ackTimeout, int rounds) {
        this(ackTimeout, rounds, Duration.ofMinutes(1));
    }

    public static EscalationSettings defaults() {
        return new EscalationSettings(Duration.ofMinutes(5), 2);
    }
}
