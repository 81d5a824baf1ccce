package org.sanshe.bot.signal.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanshe.bot.core.crisis.CrisisBook;
import org.sanshe.bot.core.crisis.CrisisDetector;
import org.sanshe.bot.core.crisis.CrisisEvaluation;
import org.sanshe.bot.core.crisis.CrisisEvaluation.Report;
import org.sanshe.bot.core.crisis.CrisisEvaluation.Row;
import org.sanshe.bot.core.port.LearnedSignal;
import org.sanshe.bot.core.port.LearnedSignal.Reading;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.RuleMatcher;
import org.sanshe.bot.signal.BgeSmallZhEmbedder;
import org.sanshe.bot.signal.CrisisModel;
import org.sanshe.bot.signal.EmbeddingSignal;
import org.sanshe.bot.signal.NativeLibraries;
import org.sanshe.bot.signal.train.ThresholdSearch.Figures;
import org.sanshe.bot.signal.train.ThresholdSearch.Item;
import org.sanshe.bot.signal.train.ThresholdSearch.Thresholds;

/**
 * Crisis detection measured on the labelled sets, rules alone and rules with the learned signal
 * ({@code scripts/eval-crisis.sh}):
 *
 * <ol>
 *   <li>Rules alone on each development set and on the held-out set.
 *   <li>Rules + learned on the development sets without leakage: each set is read by a softmax trained on the other
 *       sets (the trainer's code, normalisation and L2), the detector being handed those readings.
 *   <li>The learned signal's thresholds chosen on those pooled readings alone: the most crises at 紧急 with 紧急 on
 *       harmless messages at most 3% and 留意 on them at most 19% (margins under the targets 5% and 20%; no
 *       reading of new sets ever kept 留意 under 15%, the earlier limit).
 *   <li>Rules + learned on the held-out set: the shipped model (trained on every development set) at the chosen
 *       thresholds and at the configured defaults. The held-out set chooses nothing, and its messages are never
 *       printed: aggregate tables only.
 * </ol>
 *
 * <pre>
 * CrisisEvaluationMain [--dev eval/crisis/dev.tsv,…] [--heldout eval/crisis/heldout3.tsv] [--model config/crisis/model.tsv]
 *     [--crisis-dir config/crisis] [--lexicon-dir config/lexicon] [--l2 0.01 (default: the model header's)]
 *     [--iterations 300] [--commit abc1234] [--md-out FILE] [--rules-only] [--misses (development sets only)]
 * </pre>
 */
public final class CrisisEvaluationMain {
    /** The thresholds bot-app was configured with before this evaluation chose them. */
    static final Thresholds EARLIER_DEFAULTS = new Thresholds(0.9, 0.6, 0);
    /** The limits of the choice: 3 and 15 points, under the targets of 5% and 20%. */
    static final double MAX_URGENT_ON_HARMLESS = 0.03;

    static final double MAX_WATCH_ON_HARMLESS = 0.19;
    static final int ALTERNATIVES = 8;

    private static final Pattern HEADER_L2 = Pattern.compile("settings: L2 = ([0-9.eE+-]+)");

    private CrisisEvaluationMain() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> opts = options(args);
        List<Path> devs = CrisisModelTrainer.paths(opts.getOrDefault("dev", CrisisModelTrainer.DEV_SETS));
        Path heldOut = Path.of(opts.getOrDefault("heldout", "eval/crisis/heldout3.tsv"));
        Path modelFile = Path.of(opts.getOrDefault("model", "config/crisis/model.tsv"));
        Path crisisDir = Path.of(opts.getOrDefault("crisis-dir", "config/crisis"));
        Path lexiconDir = Path.of(opts.getOrDefault("lexicon-dir", "config/lexicon"));
        int iterations = Integer.parseInt(opts.getOrDefault("iterations", "300"));
        boolean rulesOnly = opts.containsKey("rules-only");
        boolean misses = opts.containsKey("misses");
        Optional<Path> mdOut = Optional.ofNullable(opts.get("md-out")).map(Path::of);
        for (Path d : devs) {
            if (d.getFileName().toString().contains("heldout")) {
                throw new IllegalArgumentException(d + " is the held-out set, not a development set");
            }
        }

        String machine = String.format(
                Locale.ROOT,
                "%d CPU(s), %s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("java.version"));
        String when = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();
        String commit = opts.getOrDefault("commit", "unknown");
        System.out.printf("[eval] machine: %s; commit %s; %s%n", machine, commit, when);

        CrisisDetector rules = CrisisDetector.build(
                CrisisBook.readFolder(crisisDir).orElseThrow(),
                RuleMatcher.compile(Lexicon.readFolder(lexiconDir).orElseThrow()));
        Map<Path, List<Row>> devRows = new LinkedHashMap<>();
        for (Path d : devs) {
            devRows.put(d, CrisisEvaluation.readSet(d));
        }
        List<Row> heldOutRows = CrisisEvaluation.readSet(heldOut);
        String heldOutName = heldOut.getFileName().toString();
        Summary summary = new Summary();

        // 1. rules alone
        section("Rules alone");
        List<Report> rulesDev = new ArrayList<>();
        for (Map.Entry<Path, List<Row>> e : devRows.entrySet()) {
            Report r = CrisisEvaluation.evaluate(name(e.getKey()), rules, e.getValue(), misses);
            rulesDev.add(r);
            print(r);
            summary.add(r, "rules alone");
        }
        Report rulesPooled = CrisisEvaluation.pool("development sets pooled", withoutMisses(rulesDev));
        print(rulesPooled);
        summary.add(rulesPooled, "rules alone");
        Report rulesHeldOut = CrisisEvaluation.evaluate(heldOutName, rules, heldOutRows, false);
        print(rulesHeldOut);
        Summary heldOutSummary = new Summary();
        heldOutSummary.add(rulesHeldOut, "rules alone");

        if (rulesOnly) {
            System.out.println(summary.markdown());
            System.out.println(heldOutSummary.markdown());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "[eval] done in %.1f s (rules only)%n", seconds);
            if (mdOut.isPresent()) {
                writeMarkdown(
                        mdOut.get(),
                        rulesOnlyMarkdown(machine, when, commit, seconds, heldOutSummary, summary, rulesHeldOut));
            }
            return;
        }

        // 2. leave-one-set-out readings of the development sets
        CrisisModel shipped =
                CrisisModel.parse(Files.readString(modelFile, StandardCharsets.UTF_8), modelFile.toString());
        double l2 = opts.containsKey("l2") ? Double.parseDouble(opts.get("l2")) : l2Of(shipped, modelFile);
        DevSet set = DevSet.readAll(devs);
        NativeLibraries.prepare();
        long t0 = System.nanoTime();
        try (BgeSmallZhEmbedder embedder =
                BgeSmallZhEmbedder.load(Runtime.getRuntime().availableProcessors())) {
            System.out.printf(Locale.ROOT, "[eval] embedding model loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            double[][] x = CrisisModelTrainer.embedAll(
                    embedder, set, text -> rules.read(text).normalised());
            // the classes as the shipped model's: harmless one class, or split by frame
            CrisisModelTrainer.Labels labels = CrisisModelTrainer.Labels.of(
                    set.examples(),
                    shipped.classes().stream().anyMatch(c -> c.startsWith(CrisisModel.HARMLESS + "/")),
                    CrisisModelTrainer.Labels.MIN_FRAME_LINES);
            int[] y = labels.y();
            long t1 = System.nanoTime();
            double[][] p = CrisisModelTrainer.outOfFold(
                    x, y, set.sets(), devs.size(), labels.classes().size(), l2, iterations);
            System.out.printf(
                    Locale.ROOT,
                    "[eval] leave-one-set-out: %d softmax fits (L2 %s, at most %d L-BFGS iterations) in %.1f s%n",
                    devs.size(),
                    CrisisModelTrainer.plain(l2),
                    iterations,
                    (System.nanoTime() - t1) / 1e9);
            Map<String, Reading> outOfSet = new HashMap<>();
            for (int i = 0; i < p.length; i++) {
                outOfSet.put(set.examples().get(i).id(), CrisisModel.reading(labels.classes(), p[i]));
            }

            List<DevReadings> dev = new ArrayList<>();
            for (Map.Entry<Path, List<Row>> e : devRows.entrySet()) {
                List<Row> rows = e.getValue();
                List<Reading> readings = rows.stream()
                        .map(r -> java.util.Objects.requireNonNull(outOfSet.get(r.id()), r.id()))
                        .toList();
                LookupSignal signal =
                        LookupSignal.of(rules, rows.stream().map(Row::text).toList(), readings);
                dev.add(new DevReadings(name(e.getKey()), rows, readings, signal));
            }

            // 3. thresholds chosen on the pooled development readings
            section("Rules + learned on the development sets, leave-one-set-out, at the earlier defaults "
                    + EARLIER_DEFAULTS);
            evaluateDev(
                    rules,
                    dev,
                    EARLIER_DEFAULTS,
                    false,
                    summary,
                    "rules + learned, earlier " + shortForm(EARLIER_DEFAULTS));

            // the readings the thresholds are chosen on: leave-one-set-out development readings, or (--calibrate) sets
            // neither the rules nor the model have been tuned on yet, read by the shipped model as they would be in use
            LearnedSignal model = cached(new EmbeddingSignal(embedder, shipped, modelFile.toString()));
            List<DevReadings> choiceSets = dev;
            String choiceName = "pooled leave-one-set-out development readings only";
            if (opts.containsKey("calibrate")) {
                choiceSets = new ArrayList<>();
                LookupSignal.Keys keys = new LookupSignal.Keys(rules);
                for (Path f : CrisisModelTrainer.paths(opts.get("calibrate"))) {
                    List<Row> rows = CrisisEvaluation.readSet(f);
                    List<Reading> readings = new ArrayList<>();
                    for (Row r : rows) {
                        readings.add(keys.of(r.text()).flatMap(model::read).orElse(null));
                    }
                    choiceSets.add(new DevReadings(name(f), rows, readings, model));
                    print(CrisisEvaluation.evaluate(name(f), rules, rows, false));
                }
                choiceName = "calibration sets " + opts.get("calibrate") + ", read by the shipped model, untuned";
            }
            section("Threshold choice (" + choiceName + ")");
            List<Figures> all = search(rules, choiceSets);
            double maxUrgent = Double.parseDouble(opts.getOrDefault("max-urgent", "" + MAX_URGENT_ON_HARMLESS));
            double maxWatch = Double.parseDouble(opts.getOrDefault("max-watch", "" + MAX_WATCH_ON_HARMLESS));
            List<Figures> ranked = ThresholdSearch.ranked(all, maxUrgent, maxWatch);
            Figures chosen = ranked.get(0);
            String choice = choiceMarkdown(all, ranked, chosen, maxUrgent, maxWatch);
            if (opts.containsKey("thresholds")) {
                // fixed (the shipped defaults, chosen by an earlier calibration run): shown beside this run's choice
                Thresholds fixed = thresholds(opts.get("thresholds"));
                chosen = all.stream()
                        .filter(f -> f.thresholds().equals(fixed))
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalArgumentException("--thresholds " + fixed + " is not on the grid"));
                choice += "\n**Used below: " + fixed + "** (fixed by --thresholds):\n\n" + ThresholdSearch.HEADER + "\n"
                        + chosen.row() + "\n";
                choiceName += "; fixed at " + fixed;
            }
            if (opts.containsKey("grid-out")) {
                StringBuilder tsv =
                        new StringBuilder("urgentAbove\twatchAbove\tlowerBelow\tcrisis\tcrisisUrgent\tcrisisAny"
                                + "\tharmless\tharmlessUrgent\tharmlessWatch\n");
                for (Figures f : all) {
                    tsv.append(String.format(
                            Locale.ROOT,
                            "%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\t%d\t%d%n",
                            f.thresholds().urgentAbove(),
                            f.thresholds().watchAbove(),
                            f.thresholds().lowerBelow(),
                            f.crisis(),
                            f.crisisUrgent(),
                            f.crisisAny(),
                            f.harmless(),
                            f.harmlessUrgent(),
                            f.harmlessWatch()));
                }
                Files.writeString(Path.of(opts.get("grid-out")), tsv, StandardCharsets.UTF_8);
            }
            System.out.println(choice);

            section("Rules + learned on the "
                    + (opts.containsKey("calibrate") ? "calibration sets" : "development sets, leave-one-set-out")
                    + ", at the chosen " + chosen.thresholds());
            Report chosenPooled = evaluateDev(
                    rules,
                    choiceSets,
                    chosen.thresholds(),
                    misses,
                    summary,
                    "rules + learned, chosen " + shortForm(chosen.thresholds()));
            // the grid's shortcut and a plain reading of every message must agree
            if (chosenPooled.crisis().urgent() != chosen.crisisUrgent()
                    || chosenPooled.harmless().urgent() != chosen.harmlessUrgent()
                    || chosenPooled.harmless().watch() != chosen.harmlessWatch()
                    || chosenPooled.crisis().urgent() + chosenPooled.crisis().watch() != chosen.crisisAny()) {
                throw new IllegalStateException("the grid's figures at the chosen point differ from the detector's");
            }

            // 4. the held-out set: the shipped model, trained on every development set
            section("Held-out set (" + heldOutName + "): the shipped model " + modelFile + ", aggregate figures only");
            Report heldOutChosen = CrisisEvaluation.evaluate(
                    heldOutName,
                    rules.withLearned(
                            model,
                            chosen.thresholds().urgentAbove(),
                            chosen.thresholds().watchAbove(),
                            chosen.thresholds().lowerBelow()),
                    heldOutRows,
                    false);
            Report heldOutEarlier = CrisisEvaluation.evaluate(
                    heldOutName,
                    rules.withLearned(
                            model,
                            EARLIER_DEFAULTS.urgentAbove(),
                            EARLIER_DEFAULTS.watchAbove(),
                            EARLIER_DEFAULTS.lowerBelow()),
                    heldOutRows,
                    false);
            System.out.println("Rules + learned at the chosen " + chosen.thresholds() + ":\n");
            print(heldOutChosen);
            System.out.println("Rules + learned at the earlier defaults " + EARLIER_DEFAULTS + ":\n");
            print(heldOutEarlier);
            heldOutSummary.add(heldOutChosen, "rules + learned, chosen " + shortForm(chosen.thresholds()));
            heldOutSummary.add(heldOutEarlier, "rules + learned, earlier " + shortForm(EARLIER_DEFAULTS));

            section("Summary");
            System.out.println(heldOutSummary.markdown());
            System.out.println(summary.markdown());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "[eval] chosen: %s%n", chosen.thresholds());
            System.out.printf(Locale.ROOT, "[eval] done in %.1f s%n", seconds);
            if (mdOut.isPresent()) {
                writeMarkdown(
                        mdOut.get(),
                        fullMarkdown(
                                machine,
                                when,
                                commit,
                                seconds,
                                l2,
                                modelFile,
                                chosen,
                                heldOutSummary,
                                summary,
                                rulesHeldOut,
                                heldOutChosen,
                                heldOutEarlier,
                                choice,
                                choiceName,
                                rulesPooled,
                                chosenPooled));
            }
        }
    }

    /** One development set with its out-of-set readings. */
    private record DevReadings(String name, List<Row> rows, List<Reading> readings, LearnedSignal signal) {}

    private static Report evaluateDev(
            CrisisDetector rules, List<DevReadings> dev, Thresholds t, boolean misses, Summary summary, String label) {
        List<Report> reports = new ArrayList<>();
        for (DevReadings d : dev) {
            Report r = CrisisEvaluation.evaluate(
                    d.name(),
                    rules.withLearned(d.signal(), t.urgentAbove(), t.watchAbove(), t.lowerBelow()),
                    d.rows(),
                    misses);
            reports.add(r);
            print(r);
            if (summary != null) {
                summary.add(r, label);
            }
        }
        Report pooled = CrisisEvaluation.pool("development sets pooled", withoutMisses(reports));
        print(pooled);
        if (summary != null) {
            summary.add(pooled, label);
        }
        return pooled;
    }

    /** Every point of the grid on the pooled development readings. */
    private static List<Figures> search(CrisisDetector rules, List<DevReadings> dev) {
        List<Item> items = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        LookupSignal.Keys keys = new LookupSignal.Keys(rules);
        for (int s = 0; s < dev.size(); s++) {
            DevReadings d = dev.get(s);
            for (int i = 0; i < d.rows().size(); i++) {
                Row row = d.rows().get(i);
                boolean asked = keys.of(row.text()).isPresent();
                Reading reading = d.readings().get(i);
                items.add(new Item(
                        row.crisis(),
                        asked && reading != null ? OptionalDouble.of(reading.probability()) : OptionalDouble.empty()));
                where.add(new int[] {s, i});
            }
        }
        List<Thresholds> grid = ThresholdSearch.grid();
        long t0 = System.nanoTime();
        // a detector per set for the point being scored, built only when some message needs a fresh reading there
        Map<Thresholds, CrisisDetector[]> detectors = new HashMap<>();
        int[] reads = new int[1];
        List<Figures> all = ThresholdSearch.evaluate(items, grid, (item, t) -> {
            if (!detectors.containsKey(t)) {
                detectors.clear();
                detectors.put(t, new CrisisDetector[dev.size()]);
            }
            CrisisDetector[] perSet = detectors.get(t);
            int s = where.get(item)[0];
            if (perSet[s] == null) {
                perSet[s] = rules.withLearned(dev.get(s).signal(), t.urgentAbove(), t.watchAbove(), t.lowerBelow());
            }
            reads[0]++;
            return perSet[s]
                    .read(dev.get(s).rows().get(where.get(item)[1]).text())
                    .urgency()
                    .orElse(null);
        });
        System.out.printf(
                Locale.ROOT,
                "[eval] %d points × %d messages scored in %.1f s (%d detector reads)%n",
                grid.size(),
                items.size(),
                (System.nanoTime() - t0) / 1e9,
                reads[0]);
        return all;
    }

    private static String choiceMarkdown(
            List<Figures> all, List<Figures> ranked, Figures chosen, double maxUrgent, double maxWatch) {
        long within = all.stream().filter(f -> f.within(maxUrgent, maxWatch)).count();
        long withinUrgent = all.stream().filter(f -> f.within(maxUrgent, 1)).count();
        long withinWatch = all.stream().filter(f -> f.within(1, maxWatch)).count();
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Grid: urgentAbove 0.50–0.99 by 0.01, watchAbove 0.50–0.95 by 0.05 (≤ urgentAbove), lowerBelow"
                        + " 0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5 (≤ watchAbove): %d points; %d within 紧急 on harmless ≤ %.0f%%, %d"
                        + " within 留意 on harmless ≤ %.0f%%, %d within both. Chosen: the most crises at 紧急 within the"
                        + " limits; ties: fewer 紧急, then fewer 留意 on harmless, then more crises at 紧急 or 留意, then"
                        + " the higher thresholds and the lower lowerBelow (the model changing least). A limit no point"
                        + " meets is held as tightly as the grid allows: the points that pass it by least.%n%n",
                all.size(),
                withinUrgent,
                100 * maxUrgent,
                withinWatch,
                100 * maxWatch,
                within));
        b.append("**Chosen: ").append(chosen.thresholds()).append("**");
        if (!chosen.within(maxUrgent, maxWatch)) {
            b.append(String.format(
                    Locale.ROOT,
                    " (no point meets %s; the least over it)",
                    !chosen.within(maxUrgent, 1)
                            ? String.format(Locale.ROOT, "紧急 on harmless ≤ %.0f%%", 100 * maxUrgent)
                            : String.format(Locale.ROOT, "留意 on harmless ≤ %.0f%%", 100 * maxWatch)));
        }
        b.append("\n\n").append(ThresholdSearch.HEADER).append('\n');
        for (int i = 0; i < Math.min(ALTERNATIVES, ranked.size()); i++) {
            b.append(ranked.get(i).row()).append(i == 0 ? " ← chosen" : "").append('\n');
        }
        b.append("\nFor comparison (pooled leave-one-set-out):\n\n")
                .append(ThresholdSearch.HEADER)
                .append('\n');
        all.stream()
                .filter(f -> f.thresholds().equals(EARLIER_DEFAULTS))
                .findFirst()
                .ifPresent(f -> b.append(f.row()).append(" ← earlier defaults\n"));
        all.stream()
                .sorted(ThresholdSearch.BEST_FIRST)
                .findFirst()
                .ifPresent(f -> b.append(f.row()).append(" ← most 紧急 recall, limits ignored\n"));
        return b.toString();
    }

    /** One line per set and detector: the figures people quote. */
    private static final class Summary {
        private final StringBuilder rows = new StringBuilder();

        void add(Report r, String detector) {
            rows.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.1f%% | %.1f%% | %d | %.1f%% | %.1f%% |%n",
                    r.name(),
                    detector,
                    r.crisis().rows(),
                    100 * r.crisis().urgentRate(),
                    100 * r.crisis().anyRate(),
                    r.harmless().rows(),
                    100 * r.harmless().urgentRate(),
                    100 * r.harmless().watchRate()));
        }

        String markdown() {
            return "| set | detector | crisis | 紧急 recall | 紧急 or 留意 | harmless | 紧急 on harmless | 留意 on harmless |\n"
                    + "|---|---|---:|---:|---:|---:|---:|---:|\n" + rows;
        }
    }

    private static String fullMarkdown(
            String machine,
            String when,
            String commit,
            double seconds,
            double l2,
            Path modelFile,
            Figures chosen,
            Summary heldOutSummary,
            Summary devSummary,
            Report rulesHeldOut,
            Report heldOutChosen,
            Report heldOutEarlier,
            String choice,
            String choiceName,
            Report rulesPooled,
            Report chosenPooled) {
        StringBuilder b = new StringBuilder();
        b.append(provenance(machine, when, commit, seconds));
        b.append("#### Held-out set (aggregate figures only)\n\n");
        b.append("Rules + learned: the shipped model (`")
                .append(modelFile)
                .append("`, trained on every development set) at ")
                .append(chosen.thresholds())
                .append(" (thresholds from the ")
                .append(choiceName)
                .append(") and at the earlier defaults. The held-out set chose nothing.\n\n");
        b.append(heldOutSummary.markdown()).append('\n');
        b.append("Rules alone, per category:\n\n")
                .append(CrisisEvaluation.markdown(rulesHeldOut))
                .append('\n');
        b.append("Rules + learned (chosen thresholds), per category:\n\n")
                .append(CrisisEvaluation.markdown(heldOutChosen))
                .append('\n');
        b.append("Rules + learned (earlier defaults ")
                .append(shortForm(EARLIER_DEFAULTS))
                .append("), per category:\n\n")
                .append(CrisisEvaluation.markdown(heldOutEarlier))
                .append('\n');
        b.append("#### Development sets\n\n");
        b.append("Rules + learned here is leave-one-set-out: each set is read by a softmax trained on the other sets"
                        + " (the trainer's code and normalisation, L2 ")
                .append(CrisisModelTrainer.plain(l2))
                .append("), so no message is read by a model that saw it.\n\n");
        b.append(devSummary.markdown()).append('\n');
        b.append("Threshold choice:\n\n").append(choice).append('\n');
        b.append("Pooled, rules alone, per category:\n\n")
                .append(CrisisEvaluation.markdown(rulesPooled))
                .append('\n');
        b.append("Pooled, rules + learned (the sets the thresholds were chosen on, at ")
                .append(chosen.thresholds())
                .append("), per category:\n\n")
                .append(CrisisEvaluation.markdown(chosenPooled));
        return b.toString();
    }

    private static String rulesOnlyMarkdown(
            String machine, String when, String commit, double seconds, Summary heldOut, Summary dev, Report held) {
        return provenance(machine, when, commit, seconds)
                + "#### Held-out set, rules alone (aggregate figures only)\n\n"
                + heldOut.markdown() + "\n" + CrisisEvaluation.markdown(held)
                + "\n#### Development sets, rules alone\n\n"
                + dev.markdown();
    }

    private static String provenance(String machine, String when, String commit, double seconds) {
        return String.format(
                Locale.ROOT,
                "Written by `scripts/eval-crisis.sh` on %s at commit %s; %s; %.0f s.%n%n",
                when,
                commit,
                machine,
                seconds);
    }

    private static void writeMarkdown(Path file, String content) throws IOException {
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String after = MarkerSplice.splice(before, content);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, after, StandardCharsets.UTF_8);
        System.out.println("[eval] wrote the tables into " + file);
    }

    /** The shipped model's L2, from the header the trainer wrote. */
    static double l2Of(CrisisModel model, Path source) {
        for (String line : model.header()) {
            Matcher m = HEADER_L2.matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IllegalArgumentException(source + ": no 'settings: L2 = …' in the header; give --l2");
    }

    /** Each distinct text embedded once, however many thresholds it is read at. */
    private static LearnedSignal cached(LearnedSignal signal) {
        Map<String, Optional<Reading>> cache = new ConcurrentHashMap<>();
        return normalised -> cache.computeIfAbsent(normalised, signal::read);
    }

    private static List<Report> withoutMisses(List<Report> reports) {
        return reports.stream()
                .map(r -> new Report(
                        r.name(),
                        r.crisis(),
                        r.harmless(),
                        r.crisisByCategory(),
                        r.harmlessByCategory(),
                        r.harmlessByFrame(),
                        List.of()))
                .toList();
    }

    private static void print(Report r) {
        System.out.println(CrisisEvaluation.markdown(r));
        r.misses().forEach(System.out::println);
        if (!r.misses().isEmpty()) {
            System.out.println();
        }
    }

    private static void section(String title) {
        System.out.println("\n=== " + title + " ===\n");
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static String shortForm(Thresholds t) {
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", t.urgentAbove(), t.watchAbove(), t.lowerBelow());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU goes unnamed
        }
        return "CPU model unknown";
    }

    /** {@code 0.96,0.95,0} → thresholds (urgent above, watch above, lower below). */
    static Thresholds thresholds(String spec) {
        String[] p = spec.split(",");
        if (p.length != 3) {
            throw new IllegalArgumentException("--thresholds wants urgentAbove,watchAbove,lowerBelow: " + spec);
        }
        return new Thresholds(
                Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()), Double.parseDouble(p[2].strip()));
    }

    /** {@code --name value} pairs; {@code --rules-only} and {@code --misses} take none. */
    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--rules-only") || a.equals("--misses")) {
                opts.put(a.substring(2), "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(
                        "usage: --name value … [--rules-only] [--misses]; not understood: " + a);
            }
        }
        return opts;
    }
}
