package org.sanshe.bot.core.crisis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.RuleMatcher;

/**
 * Measures a {@link CrisisDetector} on a labelled set ({@code eval/crisis/*.tsv}: {@code id label category frame
 * text}, label {@code crisis} or {@code harmless}): 紧急 recall and 紧急-or-留意 recall on crisis messages, overall and
 * per category; 紧急 and 留意 rates on harmless messages, overall, per category and per frame. Used by
 * {@code scripts/eval-crisis.sh}.
 */
public final class CrisisEvaluation {
    /** One labelled message. */
    public record Row(String id, boolean crisis, String category, String frame, String text) {}

    /** Counts for one group of rows. */
    public static final class Tally {
        int rows;
        int urgent;
        int watch;

        void add(Urgency u) {
            rows++;
            if (u == Urgency.URGENT) {
                urgent++;
            } else if (u == Urgency.WATCH) {
                watch++;
            }
        }

        void addAll(Tally other) {
            rows += other.rows;
            urgent += other.urgent;
            watch += other.watch;
        }

        public int rows() {
            return rows;
        }

        public int urgent() {
            return urgent;
        }

        public int watch() {
            return watch;
        }

        public double urgentRate() {
            return rows == 0 ? 0 : (double) urgent / rows;
        }

        public double anyRate() {
            return rows == 0 ? 0 : (double) (urgent + watch) / rows;
        }

        public double watchRate() {
            return rows == 0 ? 0 : (double) watch / rows;
        }
    }

    /** The figures of one set. */
    public record Report(
            String name,
            Tally crisis,
            Tally harmless,
            Map<String, Tally> crisisByCategory,
            Map<String, Tally> harmlessByCategory,
            Map<String, Tally> harmlessByFrame,
            List<String> misses) {}

    private CrisisEvaluation() {}

    public static List<Row> readSet(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", 5);
            if (c.length < 5 || !(c[1].equals("crisis") || c[1].equals("harmless"))) {
                throw new IOException(file + ":" + (i + 1) + ": expected id, crisis|harmless, category, frame, text");
            }
            rows.add(new Row(c[0], c[1].equals("crisis"), c[2], c[3], c[4]));
        }
        return rows;
    }

    /**
     * Reads every row. {@code keepMisses}: also list each crisis message not 紧急 and each harmless one that is (for a
     * development set only: a held-out set's messages are never shown, so that nobody tunes on them).
     */
    public static Report evaluate(String name, CrisisDetector detector, List<Row> rows, boolean keepMisses) {
        Figures all = new Figures();
        for (Row r : rows) {
            CrisisReading reading = detector.read(r.text());
            Urgency u = reading.urgency().orElse(null);
            if (r.crisis()) {
                all.crisis.add(u);
                Figures.of(all.byCategory, r.category()).add(u);
                if (keepMisses && u != Urgency.URGENT) {
                    all.misses.add("MISS " + (u == null ? "-   " : "留意") + " " + r.id() + " " + r.category() + " "
                            + r.text() + "  ⇒ " + describe(reading));
                }
            } else {
                all.harmless.add(u);
                Figures.of(all.harmlessByCategory, r.category()).add(u);
                Figures.of(all.byFrame, r.frame()).add(u);
                if (keepMisses && u != null) {
                    all.misses.add("FALSE " + (u == Urgency.URGENT ? "紧急" : "留意") + " " + r.id() + " " + r.category()
                            + "/" + r.frame() + " " + r.text() + "  ⇒ " + describe(reading));
                }
            }
        }
        return all.report(name);
    }

    /**
     * Several reports as one, each row counted once: the figures of sets that were read separately (each, say, by its
     * own detector), pooled. The misses follow one another in the reports' order.
     */
    public static Report pool(String name, List<Report> reports) {
        Figures all = new Figures();
        for (Report r : reports) {
            all.crisis.addAll(r.crisis());
            all.harmless.addAll(r.harmless());
            r.crisisByCategory().forEach((k, t) -> Figures.of(all.byCategory, k).addAll(t));
            r.harmlessByCategory()
                    .forEach((k, t) -> Figures.of(all.harmlessByCategory, k).addAll(t));
            r.harmlessByFrame().forEach((k, t) -> Figures.of(all.byFrame, k).addAll(t));
            all.misses.addAll(r.misses());
        }
        return all.report(name);
    }

    /** The tallies of a report being gathered, by evaluate (row by row) or pool (report by report). */
    private static final class Figures {
        final Tally crisis = new Tally();
        final Tally harmless = new Tally();
        final Map<String, Tally> byCategory = new TreeMap<>();
        final Map<String, Tally> harmlessByCategory = new TreeMap<>();
        final Map<String, Tally> byFrame = new TreeMap<>();
        final List<String> misses = new ArrayList<>();

        static Tally of(Map<String, Tally> tallies, String key) {
            return tallies.computeIfAbsent(key, k -> new Tally());
        }

        Report report(String name) {
            return new Report(name, crisis, harmless, byCategory, harmlessByCategory, byFrame, misses);
        }
    }

    private static String describe(CrisisReading reading) {
        List<String> parts = new ArrayList<>();
        for (CrisisFinding f : reading.crises()) {
            parts.add(f.category() + ":" + (f.urgency() == Urgency.URGENT ? "紧急" : "留意") + ":" + f.basis());
        }
        return parts.isEmpty() ? "(nothing) " + reading.normalised() : String.join(" | ", parts);
    }

    /** The report as Markdown tables. */
    public static String markdown(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("**")
                .append(r.name())
                .append("**: ")
                .append(r.crisis().rows())
                .append(" crisis, ")
                .append(r.harmless().rows())
                .append(" harmless messages\n\n");
        b.append("| category | crisis | 紧急 recall | 紧急 or 留意 | harmless | 紧急 on harmless | 留意 on harmless |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Tally> cats = new LinkedHashMap<>(r.crisisByCategory());
        r.harmlessByCategory().keySet().forEach(k -> cats.putIfAbsent(k, new Tally()));
        for (String cat : cats.keySet()) {
            Tally c = r.crisisByCategory().getOrDefault(cat, new Tally());
            Tally h = r.harmlessByCategory().getOrDefault(cat, new Tally());
            row(b, cat, c, h);
        }
        row(b, "**all**", r.crisis(), r.harmless());
        b.append("\n| harmless frame | messages | 紧急 | 留意 |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, Tally> e : r.harmlessByFrame().entrySet()) {
            Tally t = e.getValue();
            b.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(t.rows())
                    .append(" | ")
                    .append(pct(t.urgentRate()))
                    .append(" | ")
                    .append(pct(t.watchRate()))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Tally c, Tally h) {
        b.append("| ")
                .append(name)
                .append(" | ")
                .append(c.rows())
                .append(" | ")
                .append(pct(c.urgentRate()))
                .append(" | ")
                .append(pct(c.anyRate()))
                .append(" | ")
                .append(h.rows())
                .append(" | ")
                .append(pct(h.urgentRate()))
                .append(" | ")
                .append(pct(h.watchRate()))
                .append(" |\n");
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /**
     * {@code CrisisEvaluation <crisis dir> <lexicon dir> <set.tsv>... [--misses]}: rules alone. Misses are listed only
     * for sets whose file name does not contain {@code heldout}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CrisisEvaluation <crisis dir> <lexicon dir> <set.tsv>... [--misses]");
            System.exit(2);
        }
        CrisisDetector detector = CrisisDetector.build(
                CrisisBook.readFolder(Path.of(args[0])).orElseThrow(),
                RuleMatcher.compile(Lexicon.readFolder(Path.of(args[1])).orElseThrow()));
        run(detector, args);
    }

    /** Evaluates every set named in {@code args} (from the third on) with {@code detector}, printing Markdown. */
    public static void run(CrisisDetector detector, String[] args) throws IOException {
        boolean misses = List.of(args).contains("--misses");
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                continue;
            }
            Path set = Path.of(args[i]);
            boolean heldOut = set.getFileName().toString().contains("heldout");
            Report r = evaluate(set.getFileName().toString(), detector, readSet(set), misses && !heldOut);
            System.out.println(markdown(r));
            r.misses().forEach(System.out::println);
            if (!r.misses().isEmpty()) {
                System.out.println();
            }
        }
    }
}
