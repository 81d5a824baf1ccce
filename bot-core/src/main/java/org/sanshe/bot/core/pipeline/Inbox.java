package org.sanshe.bot.core.pipeline;

/** Where verified callbacks wait for the dispatcher. A second entry with the same dedup key is refused. */
public interface Inbox {
    /**
     * Stores the entry durably before the callback is acknowledged.
     *
     * @return true when it was new, false when an entry with that dedup key was already there
     * @throws InboxUnavailableException when it cannot be stored: the callback must then not be acknowledged, so that
     *     WeCom delivers it again
     */
    boolean accept(InboxEntry entry);

    /**
     * The same without holding a thread while the entry is written: the callback edge uses this, so that waiting for
     * the database costs no thread. Completes exceptionally with {@link InboxUnavailableException}. The default runs
     * {@link #accept} in the caller, for implementations that are fast anyway (in-memory fakes).
     */
    default java.util.concurrent.CompletableFuture<Boolean> acceptAsync(InboxEntry entry) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(accept(entry));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Stores the entries in their order, as one write where the implementation can: the spool's replayer uses this, so
     * that the events of one chat reach the inbox in the order they arrived. An entry whose dedup key is already there
     * is dropped, as in {@link #accept}.
     *
     * @return how many were new
     * @throws InboxUnavailableException when they could not be stored (then none or some may have been: replaying them
     *     again is harmless)
     */
    default int acceptAll(java.util.List<InboxEntry> entries) {
        int fresh = 0;
        for (InboxEntry e : entries) {
            if (accept(e)) {
                fresh++;
            }
        }
        return fresh;
    }
}
