package org.sanshe.bot.core.rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of rule matching per message, against lexicons of {@link #lexiconSize} literal terms. One operation is the whole
 * corpus of {@value #CORPUS} ({@value #CORPUS_SIZE} realistic chat messages, 23–104 characters), so messages per
 * second = operations per second × {@value #CORPUS_SIZE}.
 *
 * <p>The lexicon is the shipped one (exceptions, negation cues, breaks and patterns always complete) with its literal
 * terms sampled down to, or padded up to, the size asked for. Padding terms are 2–6 characters drawn, with a fixed seed, from
 * the characters of the corpus itself and a list of common characters, so they also match now and then and walk the
 * automaton deep, as a real large lexicon would.
 *
 * <p>{@link #normalise} and {@link #scanLiterals} measure the first stages alone, to tell where the time goes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleMatchingBenchmark {
    static final String CORPUS = "chat-messages.txt";
    static final int CORPUS_SIZE = 64;
    private static final String COMMON = "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后"
            + "小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样"
            + "现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因"
            + "重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住"
            + "员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解";

    @Param({"100", "1000", "10000"})
    public int lexiconSize;

    private RuleMatcher matcher;
    private TermAutomaton automaton;
    private String[] messages;

    @Setup
    public void setUp() {
        messages = corpus().toArray(new String[0]);
        if (messages.length != CORPUS_SIZE) {
            throw new IllegalStateException("the corpus has " + messages.length + " messages, not " + CORPUS_SIZE);
        }
        Lexicon lexicon = ofSize(Lexicon.readFolder(lexiconFolder()).orElseThrow(), lexiconSize);
        matcher = RuleMatcher.compile(lexicon);
        List<String> words = new ArrayList<>();
        lexicon.literals().forEach(t -> words.add(t.normalised()));
        automaton = TermAutomaton.build(words);
        int kept = 0;
        int suppressed = 0;
        int flagged = 0;
        for (String m : messages) {
            Detection d = matcher.detect(m);
            kept += d.matches().size();
            suppressed += d.suppressed().size();
            flagged += d.isClean() ? 0 : 1;
        }
        // the run's log shows what was measured
        System.out.printf(
                "%n%s: %d of %d messages flagged, %d matches kept, %d suppressed%n",
                matcher, flagged, messages.length, kept, suppressed);
    }

    /** The whole pipeline: normalise, one automaton pass, patterns, exceptions and negations, classification. */
    @Benchmark
    public void detect(Blackhole bh) {
        for (String m : messages) {
            bh.consume(matcher.detect(m));
        }
    }

    /** NFKC, case and squeezing only. */
    @Benchmark
    public void normalise(Blackhole bh) {
        for (String m : messages) {
            bh.consume(ChatText.of(m));
        }
    }

    /** Normalising plus the automaton pass over the literal terms, without patterns or classification. */
    @Benchmark
    public int scanLiterals() {
        int[] hits = new int[1];
        for (String m : messages) {
            ChatText t = ChatText.of(m);
            automaton.scan(t.squeezed, t.squeezedLength, (w, s, e) -> hits[0]++);
        }
        return hits[0];
    }

    /**
     * The shipped lexicon with exactly {@code size} literal terms: all of its own when they fit (an even sample across
     * the files when they do not, so every category is represented), then generated ones.
     */
    static Lexicon ofSize(Lexicon shipped, int size) {
        List<Term> terms = new ArrayList<>(shipped.patterns());
        Set<String> seen = new HashSet<>();
        List<Term> own = shipped.literals();
        double stride = Math.max(1.0, (double) own.size() / size);
        for (double i = 0; i < own.size() && seen.size() < size; i += stride) {
            Term t = own.get((int) i);
            if (seen.add(t.normalised())) {
                terms.add(t);
            }
        }
        String pool = poolOfCharacters();
        Random random = new Random(20_240_611L);
        Category[] categories = Category.values();
        while (seen.size() < size) {
            int length = 2 + random.nextInt(5);
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                b.append(pool.charAt(random.nextInt(pool.length())));
            }
            String text = b.toString();
            if (seen.add(text)) {
                terms.add(new Term(
                        text,
                        categories[seen.size() % categories.length],
                        Severity.ofLevel(1 + seen.size() % 3).orElseThrow()));
            }
        }
        return new Lexicon(terms, shipped.exceptions(), shipped.negationCues(), shipped.breaks());
    }

    private static String poolOfCharacters() {
        Set<Character> chars = new LinkedHashSet<>();
        for (String m : corpus()) {
            for (char c : m.toCharArray()) {
                if (c >= 0x4E00 && c <= 0x9FFF) {
                    chars.add(c);
                }
            }
        }
        for (char c : COMMON.toCharArray()) {
            chars.add(c);
        }
        StringBuilder b = new StringBuilder();
        chars.forEach(b::append);
        return b.toString();
    }

    static List<String> corpus() {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RuleMatchingBenchmark.class.getResourceAsStream("/" + CORPUS), CORPUS),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** {@code -Dlexicon.dir=…}, else {@code config/lexicon} in the working folder or above it. */
    static Path lexiconFolder() {
        String configured = System.getProperty("lexicon.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config").resolve("lexicon");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/lexicon not found; run from the repository or set -Dlexicon.dir");
    }
}
