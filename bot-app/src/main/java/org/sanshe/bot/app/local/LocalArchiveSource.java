package org.sanshe.bot.app.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sanshe.bot.wecom.archive.ArchiveRecord;
import org.sanshe.bot.wecom.archive.ArchiveSource;
import org.sanshe.bot.wecom.translate.AiBotTranslator;

/**
 * The chat archive of the embedded default: records the simulator appends (what a demo user "says" in a customer group
 * the bot cannot listen to), in WeCom's documented format, held in memory. Seqs keep increasing across restarts — each
 * is at least the current time in milliseconds — because the cursor is stored and survives a restart while these
 * records do not: a new record must always come after the stored cursor. Also the archive the end-to-end tests feed.
 */
public final class LocalArchiveSource implements ArchiveSource {
    private static final int MAX_HELD = 10_000;

    private final Clock clock;
    private final List<ArchiveRecord> records = new ArrayList<>();
    private long lastSeq;

    public LocalArchiveSource(Clock clock) {
        this.clock = clock;
    }

    /** A group text as the archive records it ({@code action=send}, {@code msgtype=text}). */
    public ArchiveRecord appendGroupText(String roomId, String from, String text) {
        String msgId = "sim-archive-" + UUID.randomUUID();
        ObjectNode m = AiBotTranslator.JSON.createObjectNode();
        m.put("msgid", msgId);
        m.put("action", "send");
        m.put("from", from);
        m.putArray("tolist");
        m.put("roomid", roomId);
        m.put("msgtime", clock.millis());
        m.put("msgtype", "text");
        m.putObject("text").put("content", text);
        return append(msgId, m.toString());
    }

    /** Any record, in whatever form: the next seq is given to it. */
    public synchronized ArchiveRecord append(String msgId, String plaintext) {
        lastSeq = Math.max(lastSeq + 1, clock.millis());
        ArchiveRecord record = new ArchiveRecord(lastSeq, msgId, plaintext);
        records.add(record);
        if (records.size() > MAX_HELD) {
            records.remove(0);
        }
        return record;
    }

    @Override
    public synchronized List<ArchiveRecord> after(long seq, int limit) {
        return records.stream().filter(r -> r.seq() > seq).limit(limit).toList();
    }
}
