package org.sanshe.bot.storage.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.sanshe.bot.core.pipeline.Inbox;
import org.sanshe.bot.core.pipeline.InboxEntry;
import org.sanshe.bot.core.pipeline.InboxUnavailableException;
import org.sanshe.bot.storage.crypt.FieldCipher;
import org.sanshe.bot.storage.dispatch.Partitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox on MySQL/MariaDB or H2, payloads encrypted. Callbacks arriving together are written together: each is
 * queued, and a few writer threads store whatever is queued with one multi-row {@code INSERT IGNORE} each (one
 * statement, one commit) — a group commit under load, a single insert when alone. A caller's future completes only when
 * its entry is durable, or fails with {@link InboxUnavailableException}; nobody holds a thread while waiting.
 */
public final class MybatisInbox implements Inbox, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MybatisInbox.class);
    private static final int MAX_BATCH = 200;
    private static final int WRITERS = 2;
    // under WeCom's 5 s with room for the spool: an entry not stored by then is appended to the spool and acknowledged
    private static final Duration WAIT = Duration.ofMillis(2500);
    /** A batch chosen as a deadlock's victim was rolled back whole and is simply written again, this often. */
    private static final int DEADLOCK_ATTEMPTS = 3;

    private record Pending(InboxRow row, CompletableFuture<Boolean> done) {}

    private final InboxMapper mapper;
    private final FieldCipher cipher;
    private final Partitions partitions;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
    private final List<Thread> writers = new ArrayList<>();
    /** Callers' continuations (the HTTP answer) run here, so the writers go straight back to writing. */
    private final java.util.concurrent.ExecutorService completions =
            java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "inbox-completion");
                t.setDaemon(true);
                return t;
            });

    private volatile boolean open = true;

    public MybatisInbox(InboxMapper mapper, FieldCipher cipher, Partitions partitions) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.partitions = partitions;
        for (int i = 0; i < WRITERS; i++) {
            Thread t = new Thread(this::write, "inbox-writer-" + i);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
    }

    /**
     * @return true when it was new; false when it was a duplicate — or, rarely, when its batch met a duplicate and
     *     cannot say which row was: the answer feeds metrics and wake-ups only, WeCom is answered the same either way
     */
    @Override
    public boolean accept(InboxEntry entry) {
        try {
            return acceptAsync(entry).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof InboxUnavailableException u
                    ? u
                    : new InboxUnavailableException("inbox write failed", e.getCause());
        }
    }

    @Override
    public CompletableFuture<Boolean> acceptAsync(InboxEntry entry) {
        Pending p = new Pending(row(entry), new CompletableFuture<>());
        if (!open || !queue.offer(p)) {
            return CompletableFuture.failedFuture(new InboxUnavailableException("inbox queue full or closed", null));
        }
        // On a timeout the entry may still be written: WeCom's retry is then acknowledged as a duplicate.
        return p.done()
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof InboxUnavailableException
                                ? e
                                : new InboxUnavailableException(e.getClass().getSimpleName(), e)));
    }

    /**
     * One statement on the caller's thread, rows in the given order (the ids, and so the dispatch order, follow it):
     * for the spool's replayer, which is not in a hurry and needs the order kept.
     */
    @Override
    public int acceptAll(List<InboxEntry> entries) {
        List<InboxRow> rows = new ArrayList<>(entries.size());
        Set<String> keys = new HashSet<>();
        for (InboxEntry e : entries) {
            if (keys.add(e.dedupKey())) {
                rows.add(row(e));
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            return insert(rows);
        } catch (RuntimeException e) {
            throw new InboxUnavailableException(e.getClass().getSimpleName(), e);
        }
    }

    private InboxRow row(InboxEntry entry) {
        InboxRow row = new InboxRow();
        row.setDedupKey(entry.dedupKey());
        row.setChannel(entry.channel().name());
        row.setOrderingKey(entry.orderingKey());
        row.setPart(partitions.of(entry.orderingKey()));
        row.setPayload(cipher.encrypt(entry.payload()));
        row.setReceivedAt(entry.receivedAt().toEpochMilli());
        return row;
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Pending> batch) {
        // two deliveries of one callback in the same batch: one row; the first caller is told "new"
        List<InboxRow> rows = new ArrayList<>(batch.size());
        Set<String> keys = new HashSet<>();
        boolean[] first = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            if (keys.add(batch.get(i).row().getDedupKey())) {
                rows.add(batch.get(i).row());
                first[i] = true;
            }
        }
        // the same key order in every batch: two writers' batches then lock the unique index in the same order
        rows.sort(java.util.Comparator.comparing(InboxRow::getDedupKey));
        try {
            boolean allNew = insert(rows) == rows.size();
            List<Pending> done = List.copyOf(batch);
            completions.execute(() -> {
                for (int i = 0; i < done.size(); i++) {
                    done.get(i).done().complete(allNew && first[i]);
                }
            });
        } catch (RuntimeException e) {
            log.warn(
                    "inbox batch of {} not stored: {}",
                    rows.size(),
                    e.getClass().getSimpleName());
            InboxUnavailableException failure =
                    new InboxUnavailableException(e.getClass().getSimpleName(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
        }
    }

    /**
     * One multi-row INSERT IGNORE. Two batches that both hold a key already in the table (WeCom's retry, or one
     * callback delivered to two instances) can deadlock on its duplicate-key locks; InnoDB then rolls one batch back
     * whole, and it is written again instead of answering its callbacks 503 (measured: scripts/load/run.sh at
     * 5,000/s with 3% duplicates, docs/PERFORMANCE.md).
     */
    private int insert(List<InboxRow> rows) {
        for (int attempt = 1; ; attempt++) {
            try {
                return mapper.insertIgnoreAll(rows);
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt >= DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.debug("inbox batch of {} chosen as a deadlock victim, written again", rows.size());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        for (Thread t : writers) {
            t.join(5000);
        }
        completions.shutdown();
    }
}
