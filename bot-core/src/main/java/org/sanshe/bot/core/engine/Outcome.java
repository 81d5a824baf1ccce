package org.sanshe.bot.core.engine;

import java.util.List;

/**
 * What deciding one event produced: state to change and messages to send. The pipeline commits both, together with
 * "event done", in one transaction; nothing is sent unless that commit succeeds.
 */
public record Outcome(List<StateChange> changes, List<Outbound> outbound) {
    public Outcome {
        changes = List.copyOf(changes);
        outbound = List.copyOf(outbound);
    }

    public static Outcome nothing() {
        return new Outcome(List.of(), List.of());
    }

    public Outcome plus(Outcome other) {
        var c = new java.util.ArrayList<>(changes);
        c.addAll(other.changes);
        var o = new java.util.ArrayList<>(outbound);
        o.addAll(other.outbound);
        return new Outcome(c, o);
    }
}
