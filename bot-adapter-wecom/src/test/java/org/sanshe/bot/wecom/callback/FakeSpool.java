package org.sanshe.bot.wecom.callback;

import java.util.ArrayList;
import java.util.List;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.Spool;
import org.sanshe.bot.core.pipeline.SpoolUnavailableException;

/** An in-memory spool with the real switch: it diverts while it holds entries or since the inbox was reported down. */
final class FakeSpool implements Spool {
    private final List<InboxEntry> entries = new ArrayList<>();
    private boolean down;
    private boolean broken;
    private int peeked;
    private int outagesBegun;

    @Override
    public synchronized boolean diverting() {
        return down || !entries.isEmpty();
    }

    @Override
    public synchronized boolean inboxDown() {
        if (down) {
            return false;
        }
        down = true;
        outagesBegun++;
        return true;
    }

    @Override
    public synchronized boolean inboxBack() {
        boolean was = down;
        down = false;
        return was;
    }

    @Override
    public synchronized void append(InboxEntry entry) {
        if (broken) {
            throw new SpoolUnavailableException("disk full", null);
        }
        entries.add(entry);
    }

    @Override
    public synchronized List<InboxEntry> peek(int max) {
        peeked = Math.min(max, entries.size());
        return new ArrayList<>(entries.subList(0, peeked));
    }

    @Override
    public synchronized void release(int count) {
        entries.subList(0, count).clear();
        peeked = 0;
    }

    @Override
    public synchronized long depth() {
        return entries.size();
    }

    synchronized void breakDisk() {
        broken = true;
    }

    synchronized List<InboxEntry> entries() {
        return new ArrayList<>(entries);
    }

    synchronized int outagesBegun() {
        return outagesBegun;
    }
}
