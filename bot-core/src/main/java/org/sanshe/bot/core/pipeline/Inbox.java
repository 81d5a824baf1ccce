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
}
