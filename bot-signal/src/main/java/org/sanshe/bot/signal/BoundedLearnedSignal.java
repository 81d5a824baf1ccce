package org.sanshe.bot.signal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sanshe.bot.core.port.LearnedSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a learned signal on its own small pool with a bounded queue, and waits for it at most {@code timeout}: the
 * pipeline's threads never do the model's work and never wait long for it. A full queue, a reading that takes too long
 * or one that fails gives an empty reading (the caller decides on its rules alone), counted in
 * {@code bot_crisis_learned_skipped_total{reason=overload|timeout|error}}; nothing is ever thrown at the caller.
 *
 * <p>A timed-out reading is cancelled: if it had not started it never runs, so a backlog cannot outlive its callers.
 */
public final class BoundedLearnedSignal implements LearnedSignal, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoundedLearnedSignal.class);

    private final LearnedSignal delegate;
    private final ThreadPoolExecutor pool;
    private final long timeoutNanos;
    private final Counter overload;
    private final Counter timeout;
    private final Counter error;
    private final Timer reads;

    /**
     * @param delegate the synchronous reading ({@link EmbeddingSignal})
     * @param threads pool threads (each runs one reading at a time)
     * @param queue readings that may wait for a thread; beyond them a reading is refused at once
     * @param timeout how long a caller waits for its reading, queueing included
     */
    public BoundedLearnedSignal(
            LearnedSignal delegate, int threads, int queue, Duration timeout, MeterRegistry meters) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("threads and queue must be at least 1: " + threads + ", " + queue);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.delegate = delegate;
        this.timeoutNanos = timeout.toNanos();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue),
                daemonThreads("crisis-learned-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.overload = skipped(meters, "overload");
        this.timeout = skipped(meters, "timeout");
        this.error = skipped(meters, "error");
        this.reads = Timer.builder("bot.crisis.learned.read")
                .description("time the learned crisis signal took to read one message, on its own pool")
                .register(meters);
        Gauge.builder("bot.crisis.learned.queue", pool, p -> p.getQueue().size())
                .description("messages waiting for the learned crisis signal")
                .register(meters);
    }

    @Override
    public Optional<Reading> read(String normalised) {
        Future<Optional<Reading>> reading;
        try {
            reading = pool.submit(() -> reads.recordCallable(() -> delegate.read(normalised)));
        } catch (RejectedExecutionException e) {
            overload.increment();
            return Optional.empty();
        }
        try {
            return reading.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(false);
            timeout.increment();
            return Optional.empty();
        } catch (ExecutionException e) {
            error.increment();
            // the message's text is never logged; the failure's kind and place are enough to act on
            log.warn("learned crisis signal failed; this message is read by the rules alone", e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            reading.cancel(false);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            error.increment();
            log.warn("learned crisis signal failed; this message is read by the rules alone", e);
            return Optional.empty();
        }
    }

    /** Readings waiting for a thread. */
    int queued() {
        return pool.getQueue().size();
    }

    /** Stops the pool (waiting briefly for a reading in progress), then closes the delegate. */
    @Override
    public void close() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static Counter skipped(MeterRegistry meters, String reason) {
        return Counter.builder("bot.crisis.learned.skipped")
                .description("messages read without the learned crisis signal: its queue was full (overload), it took"
                        + " longer than bot.crisis.learned.timeout (timeout) or it failed (error)")
                .tag("reason", reason)
                .register(meters);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
