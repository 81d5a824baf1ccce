package org.sanshe.bot.app.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sanshe.bot.app.config.BotProperties;
import org.sanshe.bot.storage.dispatch.Decision;
import org.sanshe.bot.storage.dispatch.DispatchStore;
import org.sanshe.bot.storage.dispatch.StoredEvent;
import org.sanshe.bot.storage.escalation.MybatisEscalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Step 2 of the pipeline. Each instance leases a fair share of the partitions (its count of live instances decides the
 * share) and drains each leased partition in id order, so the events of one chat are decided in arrival order, one
 * chat never on two instances at once, and a crashed instance's partitions are taken over when its leases run out.
 * Decisions are committed in batches; the commit's conditional "done" makes acting twice impossible even if a slow
 * worker outlives its lease.
 */
public final class Dispatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Conflicting decisions retried at once, in a row, before the partition pauses until the next round. */
    static final int MAX_CONFLICTS_IN_A_ROW = 5;

    private final DispatchStore store;
    private final DecisionStep step;
    private final BotProperties.Pipeline config;
    private final String node;
    private final Runnable onMessagesCommitted;
    private final MeterRegistry meters;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    private final WakeUp wakeUp = new WakeUp();
    private final OutageLog leaseLog = new OutageLog(log, "partition leases not renewed");
    private final OutageLog readLog = new OutageLog(log, "inbox not read");
    private final OutageLog drainLog = new OutageLog(log, "partitions paused");
    private volatile boolean running;
    private ScheduledExecutorService coordinator;
    private ExecutorService workers;
    private Thread loop;

    public Dispatcher(
            DispatchStore store,
            DecisionStep step,
            BotProperties.Pipeline config,
            String node,
            Runnable onMessagesCommitted,
            MeterRegistry meters) {
        this.store = store;
        this.step = step;
        this.config = config;
        this.node = node;
        this.onMessagesCommitted = onMessagesCommitted;
        this.meters = meters;
    }

    /** New work was stored by this instance: look now rather than at the next poll. */
    public void wake() {
        wakeUp.nudge();
    }

    @Override
    public void start() {
        store.ensurePartitions();
        running = true;
        coordinator = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dispatch-leases"));
        long renew = Math.max(200, config.partitionLease().toMillis() / 5);
        coordinator.scheduleWithFixedDelay(this::rebalance, 0, renew, TimeUnit.MILLISECONDS);
        workers = Executors.newFixedThreadPool(config.dispatchThreads(), r -> daemon(r, "dispatch-worker"));
        loop = daemon(this::runLoop, "dispatch-loop");
        loop.start();
        log.info(
                "dispatcher {} started: {} partitions, {} threads",
                node,
                store.partitions().count(),
                config.dispatchThreads());
    }

    @Override
    public void stop() {
        running = false;
        wake();
        coordinator.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int part : List.copyOf(owned)) {
            try {
                store.release(part, node); // hand over at once instead of waiting for the lease to run out
            } catch (RuntimeException e) {
                log.warn(
                        "could not release partition {}: {}", part, e.getClass().getSimpleName());
            }
        }
        owned.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // start after the web server and storage, stop before them
    }

    /** Renews this instance's leases and moves towards a fair share: ceil(partitions / live instances). */
    void rebalance() {
        try {
            int live = store.heartbeat(node, config.partitionLease());
            int target = (store.partitions().count() + live - 1) / live;
            List<Integer> mine = new ArrayList<>();
            for (int part : store.owned(node)) {
                if (store.acquire(part, node, config.partitionLease())) {
                    mine.add(part);
                }
            }
            while (mine.size() > target) {
                int part = mine.remove(mine.size() - 1);
                store.release(part, node);
            }
            if (mine.size() < target) {
                for (int part : store.free()) {
                    if (mine.size() >= target) {
                        break;
                    }
                    if (store.acquire(part, node, config.partitionLease())) {
                        mine.add(part);
                    }
                }
            }
            owned.retainAll(mine);
            owned.addAll(mine);
            leaseLog.ok();
            wake();
        } catch (RuntimeException e) {
            // storage down: keep what we have; leases run out on their own if this lasts
            leaseLog.failed(e);
        }
    }

    private void runLoop() {
        while (running) {
            List<Integer> work = List.of();
            try {
                work = owned.isEmpty() ? List.of() : store.withWork();
                readLog.ok();
            } catch (RuntimeException e) {
                readLog.failed(e);
            }
            for (int part : work) {
                if (owned.contains(part) && busy.add(part)) {
                    try {
                        workers.execute(() -> drain(part));
                    } catch (RuntimeException e) {
                        busy.remove(part);
                    }
                }
            }
            if (running && !wakeUp.awaitUpTo(config.pollInterval())) {
                return;
            }
        }
    }

    private void drain(int part) {
        int conflicts = 0;
        try {
            while (running && owned.contains(part)) {
                List<StoredEvent> events = store.pending(part, config.batchSize());
                if (events.isEmpty()) {
                    drainLog.ok(part);
                    return;
                }
                try {
                    if (!decideAndCommit(events)) {
                        return;
                    }
                    conflicts = 0;
                } catch (MybatisEscalations.ConcurrentEscalationChange e) {
                    // another partition changed the same escalation (or a member's window of notes) after this batch
                    // read it: nothing was committed; decide the batch again at once on fresh state. Not an outage.
                    meters.counter("bot.dispatch.conflicts").increment();
                    if (++conflicts > MAX_CONFLICTS_IN_A_ROW) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            drainLog.failed(part, e);
            log.debug("partition {} paused: {}", part, causes(e));
        } finally {
            busy.remove(part);
        }
    }

    /** @return false when an event failed: the partition stops here so that its chat's order is kept */
    private boolean decideAndCommit(List<StoredEvent> events) {
        DecisionStep.Batch batch = step.decideAll(events);
        List<Decision> decisions = batch.decisions();
        if (!decisions.isEmpty()) {
            int applied = store.commit(decisions);
            meters.counter("bot.dispatch.events", "outcome", "decided").increment(applied);
            if (decisions.stream().anyMatch(d -> !d.messages().isEmpty())) {
                onMessagesCommitted.run();
            }
        }
        if (batch.failed().isPresent()) {
            StoredEvent failed = batch.failed().get();
            String error = batch.failure().map(f -> f.getClass().getName()).orElse("unknown");
            meters.counter("bot.dispatch.events", "outcome", "failed").increment();
            // the exception's class only: its message may quote the payload, which is personal data
            log.error(
                    "event {} (inbox {}) could not be decided, attempt {}: {}",
                    failed.dedupKey(),
                    failed.id(),
                    failed.attempts() + 1,
                    error);
            store.recordFailure(failed.id(), error, config.maxDecideAttempts());
            return false;
        }
        return true;
    }

    /** The classes of an exception and its causes: what broke, without messages that may quote stored data. */
    static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
            sb.append(sb.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
