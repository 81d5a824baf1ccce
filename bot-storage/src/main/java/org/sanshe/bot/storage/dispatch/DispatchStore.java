package org.sanshe.bot.storage.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanshe.bot.core.chat.Channel;
import org.sanshe.bot.core.engine.StateChange;
import org.sanshe.bot.core.pipeline.OutboxMessage;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.group.RegistryWriter;
import org.sanshe.bot.storage.inbox.InboxMapper;
import org.sanshe.bot.storage.outbox.OutboxMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the dispatcher needs from storage: partition leases, the pending events of a partition in order, and the commit
 * of decisions — state changes, outbox rows and "inbox row done" in one transaction. Marking rows done is conditional,
 * so a row can be acted on only once even if two workers ever held it (a lease that ran out under a slow worker).
 */
public final class DispatchStore {
    private volatile int liveInstances = 1;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DispatchStore.class);
    private final InboxMapper inbox;
    private final OutboxMapper outbox;
    private final MemberMapper members;
    private final LeaseMapper leases;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Partitions partitions;
    private final RegistryWriter registry;
    private final java.util.List<java.util.function.Predicate<StateChange>> writers;

    public DispatchStore(
            InboxMapper inbox,
            OutboxMapper outbox,
            MemberMapper members,
            LeaseMapper leases,
            FieldCipher cipher,
            TransactionTemplate tx,
            Clock clock,
            Partitions partitions,
            RegistryWriter registry,
            java.util.List<java.util.function.Predicate<StateChange>> otherWriters) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.members = members;
        this.leases = leases;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
        this.partitions = partitions;
        this.registry = registry;
        var all = new java.util.ArrayList<java.util.function.Predicate<StateChange>>();
        all.add(registry::apply);
        all.addAll(otherWriters);
        this.writers = java.util.List.copyOf(all);
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
        int live = Math.max(1, leases.liveNodes(now - liveness.toMillis()));
        liveInstances = live;
        return live;
    }

    /** The live instances at the last heartbeat (1 before the first): each one's share of a shared limit. */
    public int liveInstances() {
        return liveInstances;
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

    /** The partitions that have events waiting (whoever holds them): one indexed query. */
    public List<Integer> withWork() {
        return inbox.partsWithWork();
    }

    /**
     * The next events of a partition, in order. A row that cannot be decrypted (a data key that changed) can never be
     * decided: it is set aside as FAILED at once and logged by id, so that it does not hold up its partition.
     */
    public List<StoredEvent> pending(int part, int limit) {
        List<StoredEvent> events = new ArrayList<>();
        for (var r : inbox.pending(part, limit)) {
            String payload;
            try {
                payload = cipher.decrypt(r.getPayload());
            } catch (IllegalStateException e) {
                log.error(
                        "inbox {} ({}) cannot be decrypted with the configured data key: set aside",
                        r.getId(),
                        r.getDedupKey());
                inbox.recordFailure(r.getId(), "cannot be decrypted with the configured data key", 1);
                break; // what follows in this chat waits for the next round, in order
            }
            events.add(new StoredEvent(
                    r.getId(),
                    r.getDedupKey(),
                    Channel.valueOf(r.getChannel()),
                    payload,
                    Instant.ofEpochMilli(r.getReceivedAt()),
                    r.getAttempts()));
        }
        return events;
    }

    /**
     * Commits decisions in one transaction: a handful of statements for the whole batch. If another worker already
     * finished any of the rows, the batch is rolled back and committed row by row, skipping those rows.
     *
     * @return how many were applied; a decision whose row was already done is skipped whole
     */
    public int commit(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return 0;
        }
        Integer applied = tx.execute(status -> {
            List<Long> ids = decisions.stream().map(Decision::inboxId).toList();
            if (inbox.markAllDone(ids, clock.millis()) != ids.size()) {
                status.setRollbackOnly();
                return -1;
            }
            applyAll(decisions);
            return decisions.size();
        });
        if (applied != null && applied >= 0) {
            afterCommit(decisions);
            return applied;
        }
        int n = 0;
        for (Decision d : decisions) {
            Integer one = tx.execute(status -> {
                if (inbox.markDone(d.inboxId(), clock.millis()) == 0) {
                    return 0;
                }
                applyAll(List.of(d));
                return 1;
            });
            n += one == null ? 0 : one;
        }
        afterCommit(decisions);
        return n;
    }

    private void afterCommit(List<Decision> decisions) {
        if (decisions.stream().flatMap(d -> d.changes().stream()).anyMatch(StateChange::changesRegistry)) {
            registry.invalidate();
        }
    }

    /** A row that could not be decided (a bug, or a payload no longer readable): counted, and given up after N. */
    public void recordFailure(long inboxId, String error, int maxAttempts) {
        inbox.recordFailure(inboxId, error.length() > 255 ? error.substring(0, 255) : error, maxAttempts);
    }

    public long countInbox(String status) {
        return inbox.countByStatus(status);
    }

    /** Events not yet decided that arrived at or before {@code receivedAtMillis}. */
    public long countUndecidedUpTo(long receivedAtMillis) {
        return inbox.countNewUpTo(receivedAtMillis);
    }

    private void applyAll(List<Decision> decisions) {
        Map<String, MemberMapper.SeenRow> seen = new LinkedHashMap<>();
        List<OutboxMapper.NewRow> messages = new ArrayList<>();
        for (Decision d : decisions) {
            for (StateChange change : d.changes()) {
                if (change instanceof StateChange.MemberSeen s) {
                    seen.merge(
                            s.chat().value() + '\u0000' + s.member().value(),
                            new MemberMapper.SeenRow(
                                    s.chat().value(), s.member().value(), s.at().toEpochMilli()),
                            (a, b) -> a.at() >= b.at() ? a : b);
                } else if (change instanceof StateChange.MembersGone gone) {
                    flushSeen(seen); // in order: what was seen before someone left is written first
                    for (var m : gone.members()) {
                        members.leave(gone.chat().value(), m.value(), gone.at().toEpochMilli());
                    }
                } else {
                    flushSeen(seen); // in order, as above
                    if (writers.stream().noneMatch(w -> w.test(change))) {
                        throw new IllegalArgumentException(
                                "no storage for " + change.getClass().getSimpleName());
                    }
                }
            }
            int seq = 0;
            for (OutboxMessage m : d.messages()) {
                messages.add(new OutboxMapper.NewRow(
                        d.inboxId(), seq++, m.kind(), cipher.encrypt(m.target()), cipher.encrypt(m.body())));
            }
        }
        flushSeen(seen);
        if (!messages.isEmpty()) {
            outbox.insertAll(messages, clock.millis());
        }
    }

    private void flushSeen(Map<String, MemberMapper.SeenRow> seen) {
        if (!seen.isEmpty()) {
            members.upsertAll(List.copyOf(seen.values()));
            seen.clear();
        }
    }
}
