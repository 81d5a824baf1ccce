package org.sanshe.bot.core.crisis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.RuleMatcher;

/**
 * Crisis detection per message, rules alone (the learned signal has its own benchmark): one operation reads one
 * message, so {@code SampleTime} gives µs per message with its percentiles, and {@code Throughput} messages per second
 * on one thread.
 *
 * <p>{@link #corpus}: {@code chat} is everyday group chat (bot-bench's chat-messages.txt, most messages find
 * nothing); {@code crisis} is every message of the development sets eval/crisis/dev*.tsv, half of them crises and half
 * alarming-looking harmless ones: the worst case, where most messages find concepts, frames and terms.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CrisisDetectionBenchmark {
    @Param({"chat", "crisis"})
    public String corpus;

    private CrisisDetector detector;
    private String[] messages;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path config = findConfig();
        detector = CrisisDetector.build(
                CrisisBook.readFolder(config.resolve("crisis")).orElseThrow(),
                RuleMatcher.compile(
                        Lexicon.readFolder(config.resolve("lexicon")).orElseThrow()));
        List<String> all = new ArrayList<>();
        if (corpus.equals("chat")) {
            try (var in = CrisisDetectionBenchmark.class.getResourceAsStream("/chat-messages.txt")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        all.add(line.strip());
                    }
                }
            }
        } else {
            try (var files = Files.newDirectoryStream(config.getParent().resolve("eval/crisis"), "dev*.tsv")) {
                for (Path f : files) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (String line : lines.subList(1, lines.size())) {
                        String[] c = line.split("\t", 5);
                        if (c.length == 5) {
                            all.add(c[4]);
                        }
                    }
                }
            }
        }
        Collections.shuffle(all, new Random(7));
        messages = all.toArray(new String[0]);
    }

    private static Path findConfig() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config/crisis"))) {
                return dir.resolve("config");
            }
        }
        throw new UncheckedIOException(new IOException("config/crisis not found: run from the repository"));
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime, Mode.Throughput})
    public CrisisReading read() {
        String m = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return detector.read(m);
    }
}
