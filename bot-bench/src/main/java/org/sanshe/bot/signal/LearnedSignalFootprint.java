package org.sanshe.bot.signal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What loading the learned crisis signal costs a process: wall time to load (ONNX session and tokenizer, native
 * libraries unpacked) and the first read, and the resident set (VmRSS, Linux) before, after loading and after reading
 * the corpus ten times, and again after reading it on two threads at once (as the service does); the Java heap in use beside it, so that what grew outside the heap shows.
 *
 * <pre>java -cp bot-bench/target/benchmarks.jar org.sanshe.bot.signal.LearnedSignalFootprint</pre>
 */
public final class LearnedSignalFootprint {
    private LearnedSignalFootprint() {}

    public static void main(String[] args) throws Exception {
        String[] messages = LearnedSignalBenchmark.corpus();
        CrisisModel model = CrisisModel.parse(
                Files.readString(Path.of("config/crisis/model.tsv"), StandardCharsets.UTF_8),
                "config/crisis/model.tsv");
        NativeLibraries.prepare();
        settle();
        long rssBefore = rssKb();
        long heapBefore = heapKb();

        long t0 = System.nanoTime();
        BgeSmallZhEmbedder embedder = BgeSmallZhEmbedder.load(1);
        long loaded = System.nanoTime();
        EmbeddingSignal signal = new EmbeddingSignal(embedder, model, "config/crisis/model.tsv");
        signal.read(messages[0]);
        long firstRead = System.nanoTime();
        settle();
        long rssLoaded = rssKb();
        long heapLoaded = heapKb();

        for (int round = 0; round < 10; round++) {
            for (String m : messages) {
                signal.read(m);
            }
        }
        settle();
        long rssUsed = rssKb();
        long heapUsed = heapKb();

        // the service reads on two threads at once (bot.crisis.learned.threads): each keeps its own working memory
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            done.add(two.submit(() -> {
                for (int round = 0; round < 10; round++) {
                    for (String m : messages) {
                        signal.read(m);
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        two.shutdown();
        settle();
        long rssTwo = rssKb();
        signal.close();

        System.out.printf(
                Locale.ROOT,
                "load: %.0f ms (model and tokenizer), first read %.0f ms%n",
                (loaded - t0) / 1e6,
                (firstRead - loaded) / 1e6);
        System.out.printf(
                Locale.ROOT,
                "RSS: before %.0f MB, after load %.0f MB (+%.0f MB), after %d reads %.0f MB (+%.0f MB)%n",
                rssBefore / 1024.0,
                rssLoaded / 1024.0,
                (rssLoaded - rssBefore) / 1024.0,
                10 * messages.length,
                rssUsed / 1024.0,
                (rssUsed - rssBefore) / 1024.0);
        System.out.printf(
                Locale.ROOT,
                "RSS after %d more reads on 2 threads at once: %.0f MB (+%.0f MB)%n",
                20 * messages.length,
                rssTwo / 1024.0,
                (rssTwo - rssBefore) / 1024.0);
        System.out.printf(
                Locale.ROOT,
                "heap in use: before %.0f MB, after load %.0f MB, after reads %.0f MB%n",
                heapBefore / 1024.0,
                heapLoaded / 1024.0,
                heapUsed / 1024.0);
    }

    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
    }

    private static long heapKb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status (Linux only)");
    }
}
