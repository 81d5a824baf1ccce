package org.sanshe.bot.wecom.callback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;

/** An in-memory inbox with the real contract: a second entry with the same dedup key is refused (false). */
final class FakeInbox implements Inbox {
    private final Map<String, InboxEntry> entries = new LinkedHashMap<>();
    private boolean unavailable;
    private int attempts;

    @Override
    public synchronized boolean accept(InboxEntry entry) {
        attempts++;
        if (unavailable) {
            throw new InboxUnavailableException("database is down", null);
        }
        return entries.putIfAbsent(entry.dedupKey(), entry) == null;
    }

    synchronized void becomeUnavailable() {
        unavailable = true;
    }

    synchronized void becomeAvailable() {
        unavailable = false;
    }

    synchronized List<InboxEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    synchronized int attempts() {
        return attempts;
    }
}
