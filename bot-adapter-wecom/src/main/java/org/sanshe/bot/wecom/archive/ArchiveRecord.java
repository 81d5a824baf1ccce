package org.sanshe.bot.wecom.archive;

import java.util.Objects;

/**
 * One chat record as the archive hands it over: its {@code seq} (the archive's position, increasing), its
 * {@code msgid}, and the decrypted plaintext JSON in the documented format (获取会话内容, 消息格式). The plaintext is what
 * people wrote: never in logs.
 */
public record ArchiveRecord(long seq, String msgId, String plaintext) {
    public ArchiveRecord {
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(plaintext, "plaintext");
    }

    @Override
    public String toString() {
        return "ArchiveRecord[seq=" + seq + ", msgId=" + msgId + "]";
    }
}
