package org.sanshe.bot.storage.dispatch;

import java.util.List;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.pipeline.OutboxMessage;

/** What deciding one inbox row produced, ready to commit: state changes and messages to send. */
public record Decision(long inboxId, List<StateChange> changes, List<OutboxMessage> messages) {
    public Decision {
        changes = List.copyOf(changes);
        messages = List.copyOf(messages);
    }
}
