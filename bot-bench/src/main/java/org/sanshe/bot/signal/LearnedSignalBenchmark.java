package org.sanshe.bot.signal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sanshe.bot.core.crisis.CrisisText;
import org.sanshe.bot.core.port.LearnedSignal.Reading;

/**
 * The learned crisis signal per message: BGE-small-zh embedding plus the softmax classifier ({@code read}), and the same
 * through the bounded pool the pipeline uses ({@code readBounded}: adds the hand-off to the pool thread and back). One
 * operation is one message of the 64-message chat corpus ({@code chat-messages.txt}), normalised as the detector would.
 * Run from the repository root (reads {@code config/crisis/model.tsv}); {@code scripts/bench-learned-signal.sh} runs it
 * in SampleTime mode (µs/op percentiles) and in Throughput mode with one and two callers.
 *
 * @see LearnedSignalFootprint for load time and memory
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LearnedSignalBenchmark {
    /** ONNX Runtime threads inside one inference (the service uses 1 and parallelises across messages). */
    @Param({"1"})
    public int intraOpThreads;

    private String[] messages;
    private EmbeddingSignal signal;
    private BoundedLearnedSignal bounded;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        messages = corpus();
        NativeLibraries.prepare();
        CrisisModel model = CrisisModel.parse(
                Files.readString(Path.of("config/crisis/model.tsv"), StandardCharsets.UTF_8),
                "config/crisis/model.tsv");
        signal = new EmbeddingSignal(BgeSmallZhEmbedder.load(intraOpThreads), model, "config/crisis/model.tsv");
        bounded = new BoundedLearnedSignal(signal, 2, 32, Duration.ofSeconds(5), new SimpleMeterRegistry());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        bounded.close();
    }

    @Benchmark
    public Optional<Reading> read(Cursor c) {
        return signal.read(messages[c.next++ % messages.length]);
    }

    @Benchmark
    public Optional<Reading> readBounded(Cursor c) {
        return bounded.read(messages[c.next++ % messages.length]);
    }

    static String[] corpus() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = LearnedSignalBenchmark.class.getResourceAsStream("/chat-messages.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(CrisisText.normalise(line.strip()));
                }
            }
        }
        return lines.toArray(String[]::new);
    }
}
