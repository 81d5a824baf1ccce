package org.sanshe.bot.storage.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sanshe.bot.core.audit.AuditEntry;
import org.sanshe.bot.core.chat.ChatId;
import org.sanshe.bot.core.chat.UserId;
import org.sanshe.bot.core.port.AuditTrail;
import org.sanshe.bot.storage.crypt.FieldCipher;

/** The audit log on MySQL/MariaDB or H2; the detail, which may name members, is encrypted at rest. */
public final class MybatisAuditTrail implements AuditTrail {
    private final AuditMapper mapper;
    private final FieldCipher cipher;

    public MybatisAuditTrail(AuditMapper mapper, FieldCipher cipher) {
        this.mapper = mapper;
        this.cipher = cipher;
    }

    /** Writes one entry (inside the caller's transaction, when there is one). */
    public void record(AuditEntry e) {
        mapper.insert(new AuditMapper.AuditRow(
                e.at().toEpochMilli(),
                e.actor().value(),
                cut(e.action(), 64),
                e.chat().map(ChatId::value).orElse(""),
                e.result().name(),
                cipher.encrypt(e.detail())));
    }

    @Override
    public List<AuditEntry> recent(Optional<ChatId> chat, int limit) {
        var rows = chat.isPresent() ? mapper.recentIn(chat.get().value(), limit) : mapper.recent(limit);
        return rows.stream()
                .map(r -> new AuditEntry(
                        Instant.ofEpochMilli(r.at()),
                        UserId.of(r.actor()),
                        r.action(),
                        r.chatId().isEmpty() ? Optional.empty() : Optional.of(ChatId.of(r.chatId())),
                        AuditEntry.Result.valueOf(r.result()),
                        cipher.decrypt(r.detail())))
                .toList();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
