package org.sanshe.bot.app.pipeline;

import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;

/** The storage inbox, plus a nudge to this instance's dispatcher when something new arrived. */
final class WakingInbox implements Inbox {
    private final Inbox delegate;
    private final Dispatcher dispatcher;

    WakingInbox(Inbox delegate, Dispatcher dispatcher) {
        this.delegate = delegate;
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean accept(InboxEntry entry) {
        boolean fresh = delegate.accept(entry);
        if (fresh) {
            dispatcher.wake();
        }
        return fresh;
    }

    @Override
    public java.util.concurrent.CompletableFuture<Boolean> acceptAsync(InboxEntry entry) {
        return delegate.acceptAsync(entry).thenApply(fresh -> {
            if (fresh) {
                dispatcher.wake();
            }
            return fresh;
        });
    }

    @Override
    public int acceptAll(java.util.List<InboxEntry> entries) {
        int fresh = delegate.acceptAll(entries);
        if (fresh > 0) {
            dispatcher.wake();
        }
        return fresh;
    }
}
