package org.sanshe.bot.storage.archive;

import java.time.Clock;

/**
 * How far each chat archive has been read: the last seq handed to the inbox. The cursor only moves forward — two
 * instances that read the same records and advance at once leave it at the larger seq, never the smaller — so a record
 * is never skipped by a late writer; reading a record twice is harmless (the inbox refuses its key a second time).
 */
public final class ArchiveCursorStore {
    private final ArchiveCursorMapper mapper;
    private final Clock clock;

    public ArchiveCursorStore(ArchiveCursorMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The last seq handed on; 0 (WeCom's "from the start") before the first. */
    public long read(String name) {
        Long seq = mapper.seq(name);
        return seq == null ? 0 : seq;
    }

    /**
     * Moves the cursor to {@code seq} if that is further than it is.
     *
     * @return true when it moved, false when it already was at or past {@code seq}
     */
    public boolean advance(String name, long seq) {
        long now = clock.millis();
        if (mapper.forward(name, seq, now) == 1) {
            return true;
        }
        // no row yet (or already this far): the insert is refused if another instance made the row meanwhile, and the
        // forward move is tried once more against that row
        return mapper.create(name, seq, now) == 1 || mapper.forward(name, seq, now) == 1;
    }
}
