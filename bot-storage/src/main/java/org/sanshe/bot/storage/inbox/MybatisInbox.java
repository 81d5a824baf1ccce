package org.sanshe.bot.storage.inbox;

import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.dispatch.Partitions;
import org.springframework.dao.DataAccessException;

/** The inbox on MySQL/MariaDB or H2: one autocommitted {@code INSERT IGNORE} per callback, payload encrypted. */
public final class MybatisInbox implements Inbox {
    private final InboxMapper mapper;
    private final FieldCipher cipher;
    private final Partitions partitions;

    public MybatisInbox(InboxMapper mapper, FieldCipher cipher, Partitions partitions) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.partitions = partitions;
    }

    @Override
    public boolean accept(InboxEntry entry) {
        InboxRow row = new InboxRow();
        row.setDedupKey(entry.dedupKey());
        row.setChannel(entry.channel().name());
        row.setOrderingKey(entry.orderingKey());
        row.setPart(partitions.of(entry.orderingKey()));
        row.setPayload(cipher.encrypt(entry.payload()));
        row.setReceivedAt(entry.receivedAt().toEpochMilli());
        try {
            return mapper.insertIgnore(row) == 1;
        } catch (DataAccessException e) {
            throw new InboxUnavailableException(e.getClass().getSimpleName(), e);
        }
    }
}
