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
}
