package org.sanshe.bot.wecom.archive;

import java.util.List;

/**
 * Where archived chat records come from: WeCom's chat archive through its native SDK in production, an in-memory feed
 * in the embedded default and in tests. Records are read by position: whoever reads keeps the last {@code seq} it
 * handed on and asks for what comes after it, so that nothing is read twice or skipped.
 */
public interface ArchiveSource {
    /** WeCom's largest batch (GetChatData {@code limit}). */
    int MAX_BATCH = 1000;

    /**
     * The records after {@code seq}, in increasing seq order, at most {@code limit} ({@code 1..}{@value #MAX_BATCH});
     * empty when there is nothing new. May return fewer than there are (a record that cannot be read yet ends the
     * batch before it, so it is asked for again next time rather than skipped).
     *
     * @throws ArchiveUnavailableException when nothing could be read: try again later from the same seq
     */
    List<ArchiveRecord> after(long seq, int limit);
}
