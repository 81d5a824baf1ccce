package org.sanshe.bot.storage.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.inbox.InboxMapper;
import org.sanshe.bot.storage.outbox.OutboxMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the dispatcher needs from storage: partition leases, the pending events of a partition in order, and the commit
 * of decisions — state changes, outbox rows and "inbox row done" in one transaction. Marking a row done is conditional,
 * so a row can be acted on only once even if two workers ever held it (a lease that ran out under a slow worker).
 */
public final class DispatchStore {
    private final InboxMapper inbox;
    private final OutboxMapper outbox;
    private final MemberMapper members;
    private final LeaseMapper leases;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Partitions partitions;

    public DispatchStore(
            InboxMapper inbox,
            OutboxMapper outbox,
            MemberMapper members,
            LeaseMapper leases,
            FieldCipher cipher,
            TransactionTemplate tx,
            Clock clock,
            Partitions partitions) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.members = members;
        this.leases = leases;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
        this.partitions = partitions;
    }

    public Partitions partitions() {
        return partitions;
    }

    /** Creates the lease rows once; safe to call from every instance at start. */
    public void ensurePartitions() {
        for (int p = 0; p < partitions.count(); p++) {
            leases.ensurePartition(p);
        }
    }

    /** Records that this instance is alive and answers how many instances are. */
    public int heartbeat(String node, Duration liveness) {
        long now = clock.millis();
        if (leases.touchNode(node, now) == 0) {
            leases.insertNode(node, now);
        }
        leases.forgetNodes(now - liveness.toMillis() * 10);
        return Math.max(1, leases.liveNodes(now - liveness.toMillis()));
    }

    public boolean acquire(int part, String node, Duration lease) {
        long now = clock.millis();
        return leases.acquire(part, node, now, now + lease.toMillis()) == 1;
    }

    public void release(int part, String node) {
        leases.release(part, node);
    }

    public List<Integer> owned(String node) {
        return leases.ownedBy(node, clock.millis());
    }

    public List<Integer> free() {
        return leases.free(clock.millis());
    }

    public List<StoredEvent> pending(int part, int limit) {
        return inbox.pending(part, limit).stream()
                .map(r -> new StoredEvent(
                        r.getId(),
                        r.getDedupKey(),
                        Channel.valueOf(r.getChannel()),
                        cipher.decrypt(r.getPayload()),
                        Instant.ofEpochMilli(r.getReceivedAt()),
                        r.getAttempts()))
                .toList();
    }

    /**
     * Commits decisions in one transaction.
     *
     * @return how many were applied; a decision whose row was already done is skipped whole
     */
    public int commit(List<Decision> decisions) {
        Integer applied = tx.execute(status -> {
            long now = clock.millis();
            int n = 0;
            for (Decision d : decisions) {
                if (inbox.markDone(d.inboxId(), now) == 0) {
                    continue;
                }
                n++;
                for (StateChange change : d.changes()) {
                    apply(change);
                }
                int seq = 0;
                for (OutboxMessage m : d.messages()) {
                    outbox.insert(
                            d.inboxId(), seq++, m.kind(), cipher.encrypt(m.target()), cipher.encrypt(m.body()), now);
                }
            }
            return n;
        });
        return applied == null ? 0 : applied;
    }

    /** A row that could not be decided (a bug, or a payload no longer readable): counted, and given up after N. */
    public void recordFailure(long inboxId, String error, int maxAttempts) {
        inbox.recordFailure(inboxId, error.length() > 255 ? error.substring(0, 255) : error, maxAttempts);
    }

    public long countInbox(String status) {
        return inbox.countByStatus(status);
    }

    private void apply(StateChange change) {
        if (change instanceof StateChange.MemberSeen seen) {
            long at = seen.at().toEpochMilli();
            if (members.touch(seen.chat().value(), seen.member().value(), at) == 0) {
                members.insert(seen.chat().value(), seen.member().value(), at);
            }
        } else if (change instanceof StateChange.MembersGone gone) {
            for (var m : gone.members()) {
                members.leave(gone.chat().value(), m.value(), gone.at().toEpochMilli());
            }
        } else {
            throw new IllegalArgumentException(
                    "no storage for " + change.getClass().getSimpleName());
        }
    }
}
