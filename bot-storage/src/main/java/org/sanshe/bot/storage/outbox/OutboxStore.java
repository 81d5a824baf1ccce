package org.sanshe.bot.storage.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.crypt.FieldCipher;

/** Claims due outbox rows and records how each delivery ended. Never two holders of one row. */
public final class OutboxStore {
    private final OutboxMapper mapper;
    private final FieldCipher cipher;
    private final Clock clock;

    public OutboxStore(OutboxMapper mapper, FieldCipher cipher, Clock clock) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due rows (new, retry-due, or abandoned by a crashed worker) for {@code lease}. */
    public List<ClaimedMessage> claimDue(int limit, Duration lease) {
        long now = clock.millis();
        List<Long> ids = mapper.dueIds(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        if (mapper.claim(ids, token, now, now + lease.toMillis()) == 0) {
            return List.of();
        }
        return mapper.claimed(token).stream()
                .map(r -> new ClaimedMessage(
                        r.getId(),
                        r.getInboxId(),
                        token,
                        r.getAttempts(),
                        new OutboxMessage(r.getKind(), cipher.decrypt(r.getTarget()), cipher.decrypt(r.getBody())),
                        r.getLastError() == null || r.getLastError().isEmpty() ? null : r.getLastError()))
                .toList();
    }

    public boolean markSent(ClaimedMessage m, String platformId) {
        return mapper.markSent(m.id(), m.claimToken(), cut(platformId, 128), clock.millis()) == 1;
    }

    /**
     * Records many deliveries that have no platform id in one statement (claim tokens are unique per claim, so a row
     * another worker took over, under its own token, is not touched).
     */
    public int markAllSent(List<ClaimedMessage> sent) {
        if (sent.isEmpty()) {
            return 0;
        }
        return mapper.markAllSent(
                sent.stream().map(ClaimedMessage::id).toList(),
                sent.stream().map(ClaimedMessage::claimToken).collect(java.util.stream.Collectors.toSet()),
                clock.millis());
    }

    public boolean retryAt(ClaimedMessage m, Instant next, String error) {
        return mapper.reschedule(m.id(), m.claimToken(), next.toEpochMilli(), cut(error, 255)) == 1;
    }

    public boolean postpone(ClaimedMessage m, Instant next) {
        return mapper.postpone(m.id(), m.claimToken(), next.toEpochMilli()) == 1;
    }

    public boolean markFailed(ClaimedMessage m, String error) {
        return mapper.markFailed(m.id(), m.claimToken(), cut(error, 255)) == 1;
    }

    public long count(String status) {
        return mapper.countByStatus(status);
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
