package org.sanshe.bot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.port.LearnedSignal.Reading;

/**
 * The pipeline waits a bounded time for the learned signal and is never failed by it: a slow model, a full queue or a
 * broken one each give an empty reading, counted by reason.
 */
class BoundedLearnedSignalTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SlowEmbedder embedder = new SlowEmbedder();
    private BoundedLearnedSignal signal;

    @AfterEach
    void stop() throws Exception {
        embedder.release.release(100);
        signal.close();
    }

    @Test
    void aReadingInTimeIsTheModelsReading() {
        embedder.release.release(1);
        signal = bounded(1, 4, Duration.ofSeconds(5));

        Optional<Reading> reading = signal.read("我不想活了");

        assertThat(reading).hasValueSatisfying(r -> assertThat(r.category()).isEqualTo("SELF_HARM"));
        assertThat(skipped("timeout") + skipped("overload") + skipped("error")).isZero();
        assertThat(meters.get("bot.crisis.learned.read").timer().count()).isEqualTo(1);
    }

    @Test
    void aSlowModelGivesNothingAfterTheTimeoutAndIsCounted() {
        signal = bounded(1, 4, Duration.ofMillis(100));

        long start = System.nanoTime();
        Optional<Reading> reading = signal.read("我不想活了");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(reading).isEmpty();
        assertThat(waited).isBetween(90L, 2_000L);
        assertThat(skipped("timeout")).isEqualTo(1);
    }

    @Test
    void aFullQueueIsRefusedAtOnceAndCounted() throws Exception {
        signal = bounded(1, 1, Duration.ofSeconds(5));
        // one reading holds the only thread, a second waits in the only queue place
        CompletableFuture<Optional<Reading>> first = CompletableFuture.supplyAsync(() -> signal.read("一"));
        assertThat(embedder.started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<Reading>> second = CompletableFuture.supplyAsync(() -> signal.read("二"));
        awaitQueued(1);

        long start = System.nanoTime();
        Optional<Reading> third = signal.read("三");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(third).isEmpty();
        assertThat(waited).isLessThan(1_000L);
        assertThat(skipped("overload")).isEqualTo(1);
        embedder.release.release(2);
        assertThat(first.get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(second.get(5, TimeUnit.SECONDS)).isPresent();
    }

    @Test
    void aFailingModelGivesNothingAndIsCounted() {
        signal = new BoundedLearnedSignal(
                text -> {
                    throw new IllegalStateException("the session is gone");
                },
                1,
                4,
                Duration.ofSeconds(5),
                meters);

        assertThat(signal.read("我不想活了")).isEmpty();
        assertThat(skipped("error")).isEqualTo(1);
    }

    @Test
    void aTimedOutReadingThatHadNotStartedNeverRuns() throws Exception {
        signal = bounded(1, 4, Duration.ofMillis(100));
        CompletableFuture<Optional<Reading>> first = CompletableFuture.supplyAsync(() -> signal.read("一"));
        assertThat(embedder.started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(signal.read("二")).isEmpty(); // queued behind the first, cancelled at its timeout
        embedder.release.release(100);
        first.get(5, TimeUnit.SECONDS);
        assertThat(signal.read("三")).isPresent(); // the pool is first in, first out: "二" was taken before "三"

        assertThat(embedder.calls).isEqualTo(2);
    }

    private BoundedLearnedSignal bounded(int threads, int queue, Duration timeout) {
        return new BoundedLearnedSignal(
                new EmbeddingSignal(embedder, CrisisModelTest.tiny(), "test"), threads, queue, timeout, meters);
    }

    private double skipped(String reason) {
        return meters.get("bot.crisis.learned.skipped")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (signal.queued() < n && System.nanoTime() < deadline) {
            Thread.sleep(5); // the other caller's submit is not observable any other way
        }
        assertThat(signal.queued()).isEqualTo(n);
    }

    /** An embedder that takes as long as the test says: each call waits for a permit. */
    static final class SlowEmbedder implements Embedder {
        final Semaphore release = new Semaphore(0);
        final CountDownLatch started = new CountDownLatch(1);
        volatile int calls;

        @Override
        public float[] embed(String text) {
            calls++;
            started.countDown();
            try {
                release.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new float[] {1, 0, 0, 0};
        }

        @Override
        public int dimensions() {
            return 4;
        }
    }
}
