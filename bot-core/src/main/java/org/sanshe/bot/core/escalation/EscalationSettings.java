package org.sanshe.bot.core.escalation;

import java.time.Duration;

/**
 * How the chain climbs: each level has {@code ackTimeout} to acknowledge before the next is messaged, and the whole
 * chain is tried {@code rounds} times before the escalation is flagged "无人接手".
 */
public record EscalationSettings(Duration ackTimeout, int rounds) {
    public EscalationSettings {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be positive");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
    }

    public static EscalationSettings defaults() {
        return new EscalationSettings(Duration.ofMinutes(5), 2);
    }
}
