package org.sanshe.bot.app.archive;

import java.util.ArrayList;
import java.util.List;
import org.sanshe.bot.wecom.archive.ArchiveRecord;
import org.sanshe.bot.wecom.archive.ArchiveSource;
import org.sanshe.bot.wecom.archive.ArchiveUnavailableException;

/** An archive whose records a test writes, which remembers where it was asked to read from and can fail on demand. */
final class FakeArchiveSource implements ArchiveSource {
    private final List<ArchiveRecord> records = new ArrayList<>();
    private final List<Long> askedAfter = new ArrayList<>();
    private int failures;

    /** A group text in the documented format (会话内容存档 → 文本), with msgid {@code m<seq>}. */
    synchronized FakeArchiveSource text(long seq, String room, String from, String content) {
        return raw(
                seq,
                "m" + seq,
                "{\"msgid\":\"m" + seq + "\",\"action\":\"send\",\"from\":\"" + from + "\",\"tolist\":[\"sw-1\"],"
                        + "\"roomid\":\"" + room + "\",\"msgtime\":1795000000000,\"msgtype\":\"text\","
                        + "\"text\":{\"content\":\"" + content + "\"}}");
    }

    /** A recall (撤回) of an earlier record. */
    synchronized FakeArchiveSource recall(long seq, String room) {
        return raw(
                seq,
                "m" + seq,
                "{\"msgid\":\"m" + seq + "\",\"action\":\"recall\",\"from\":\"wmResident\",\"tolist\":[],"
                        + "\"roomid\":\"" + room + "\",\"msgtime\":1795000000000,\"msgtype\":\"revoke\","
                        + "\"revoke\":{\"pre_msgid\":\"m1\"}}");
    }

    synchronized FakeArchiveSource raw(long seq, String msgId, String plaintext) {
        records.add(new ArchiveRecord(seq, msgId, plaintext));
        return this;
    }

    /** The next {@code times} reads fail as WeCom or the SDK would. */
    synchronized void failNext(int times) {
        failures = times;
    }

    synchronized List<Long> askedAfter() {
        return List.copyOf(askedAfter);
    }

    @Override
    public synchronized List<ArchiveRecord> after(long seq, int limit) {
        askedAfter.add(seq);
        if (failures > 0) {
            failures--;
            throw new ArchiveUnavailableException("getChatDatas after seq " + seq + " failed: errcode 10001");
        }
        // in the order held (a test may hold them out of order on purpose)
        return records.stream().filter(r -> r.seq() > seq).limit(limit).toList();
    }
}
