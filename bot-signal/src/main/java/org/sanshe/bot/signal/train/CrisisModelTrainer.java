package org.sanshe.bot.signal.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.sanshe.bot.core.crisis.CrisisBook;
import org.sanshe.bot.core.crisis.CrisisDetector;
import org.sanshe.bot.core.crisis.CrisisReading;
import org.sanshe.bot.core.rule.Lexicon;
import org.sanshe.bot.core.rule.RuleMatcher;
import org.sanshe.bot.signal.BgeSmallZhEmbedder;
import org.sanshe.bot.signal.CrisisModel;
import org.sanshe.bot.signal.Embedder;
import org.sanshe.bot.signal.NativeLibraries;
import org.sanshe.bot.signal.train.DevSet.Example;

/**
 * Trains {@code config/crisis/model.tsv} from the development sets ({@code eval/crisis/dev.tsv}, {@code dev2.tsv},
 * {@code dev3.tsv}, {@code dev4.tsv}, {@code dev5.tsv}; {@code --dev} names others, comma-separated): embeds every text, chooses the L2 strength by
 * stratified k-fold cross-validation (lowest out-of-fold log-loss), prints the out-of-fold crisis recall and false-alarm
 * rates, fits on the whole set and writes the model with a header that says how it was made.
 *
 * <p>The classes are the eight crisis categories and the harmless lines split by their frame ({@code HARMLESS/negation},
 * {@code HARMLESS/media}, …; frames with fewer than {@code --min-frame-lines} lines, default 30, and lines without a
 * frame are plain {@code HARMLESS}); {@code --harmless-by-frame no} keeps harmless as one class. Read leave-one-set-out
 * on nine development sets (dev … dev9, L2 0.01, in a re-implementation of this trainer outside the project), the split
 * caught 90.7% of crisis lines where 3% of harmless lines are read as crisis, against 85.5% with one harmless class
 * (80.9% and 73.9% at 1%; log-loss of P(crisis) 0.150 against 0.189), as well or better on each of the nine sets:
 * harmless lines resemble crises in several different ways (a negation, a drill, the news, an advert), and one class
 * for them all is a poor fit for a linear model.
 *
 * <pre>
 * scripts/train-crisis-model.sh [--dev eval/crisis/dev.tsv,eval/crisis/dev2.tsv,eval/crisis/dev3.tsv,eval/crisis/dev4.tsv,eval/crisis/dev5.tsv] [--out config/crisis/model.tsv] [--seed 42]
 *     [--folds 5] [--iterations 300] [--l2 0.0001,0.001,…] [--commit abc1234]
 *     [--harmless-by-frame yes|no] [--min-frame-lines 30]
 *     [--crisis-dir config/crisis] [--lexicon-dir config/lexicon]
 * </pre>
 */
public final class CrisisModelTrainer {
    /** 0.5, 0.7 and 0.9 to compare models; 0.6 and 0.9 are the detector's default 留意 and 紧急 thresholds. */
    /** The development sets (written blind by separate sessions); never the held-out set. */
    static final String DEV_SETS =
            "eval/crisis/dev.tsv,eval/crisis/dev2.tsv,eval/crisis/dev3.tsv,eval/crisis/dev4.tsv,eval/crisis/dev5.tsv,"
                    + "eval/crisis/dev6.tsv,eval/crisis/dev7.tsv,eval/crisis/dev8.tsv,eval/crisis/dev9.tsv,"
                    + "eval/crisis/dev10.tsv,eval/crisis/dev11.tsv,eval/crisis/dev12.tsv,eval/crisis/dev13.tsv";

    static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.9};

    /** Recall is also read where these shares of the harmless lines are read as crisis (calibration aside). */
    static final double[] FALSE_ALARM_RATES = {0.03, 0.01};

    private CrisisModelTrainer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        List<Path> devs = paths(opts.getOrDefault("dev", DEV_SETS));
        Path out = Path.of(opts.getOrDefault("out", "config/crisis/model.tsv"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        int folds = Integer.parseInt(opts.getOrDefault("folds", "5"));
        int iterations = Integer.parseInt(opts.getOrDefault("iterations", "300"));
        double[] grid = Arrays.stream(opts.getOrDefault("l2", "0.0003,0.001,0.003,0.01,0.03,0.1,0.3")
                        .split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        String commit = opts.getOrDefault("commit", "unknown");
        Path crisisDir = Path.of(opts.getOrDefault("crisis-dir", "config/crisis"));
        Path lexiconDir = Path.of(opts.getOrDefault("lexicon-dir", "config/lexicon"));
        boolean byFrame = yesNo(opts.getOrDefault("harmless-by-frame", "yes"), "harmless-by-frame");
        int minFrameLines = Integer.parseInt(opts.getOrDefault("min-frame-lines", "" + Labels.MIN_FRAME_LINES));

        DevSet set = DevSet.readAll(devs);
        Normaliser normaliser = Normaliser.of(crisisDir, lexiconDir);
        System.out.printf(
                Locale.ROOT,
                "[train] %s: %d lines, %d crisis, %d harmless; text: %s%n",
                devs,
                set.examples().size(),
                set.crisisCount(),
                set.examples().size() - set.crisisCount(),
                normaliser.description());
        Labels labels = Labels.of(set.examples(), byFrame, minFrameLines);
        printClassCounts(labels);

        NativeLibraries.prepare();
        long t0 = System.nanoTime();
        double[][] x;
        try (BgeSmallZhEmbedder embedder =
                BgeSmallZhEmbedder.load(Runtime.getRuntime().availableProcessors())) {
            System.out.printf(
                    Locale.ROOT, "[train] embedding model loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            x = embedAll(embedder, set, normaliser.function());
        }
        int[] y = labels.y();
        int classes = labels.classes().size();

        System.out.printf(
                Locale.ROOT,
                "[train] %d-fold stratified cross-validation (seed %d, at most %d L-BFGS iterations)%n",
                folds,
                seed,
                iterations);
        StringBuilder head =
                new StringBuilder(String.format(Locale.ROOT, "%-8s %9s %9s", "L2", "log-loss", "accuracy"));
        for (double t : THRESHOLDS) {
            head.append(String.format(Locale.ROOT, " %11s", "recall@" + t));
        }
        for (double t : THRESHOLDS) {
            head.append(String.format(Locale.ROOT, " %11s", "false@" + t));
        }
        for (double f : FALSE_ALARM_RATES) {
            head.append(String.format(Locale.ROOT, " %11s", "recall@fa" + plain(100 * f) + "%"));
        }
        System.out.println(head.append(String.format(Locale.ROOT, " %9s", "category")));
        int[] fold = Folds.stratified(y, classes, folds, seed);
        Metrics best = null;
        double bestL2 = Double.NaN;
        for (double l2 : grid) {
            double[][] p = outOfFold(x, y, fold, folds, classes, l2, iterations);
            Metrics m = Metrics.of(p, set.examples(), labels);
            System.out.println(m.row(l2));
            if (best == null || m.logLoss() < best.logLoss()) {
                best = m;
                bestL2 = l2;
            }
        }
        System.out.printf(Locale.ROOT, "[train] chosen L2 = %s (lowest out-of-fold log-loss)%n", plain(bestL2));
        double[][] chosen = outOfFold(x, y, fold, folds, classes, bestL2, iterations);
        printByFrame(chosen, set.examples(), labels);
        Metrics acrossSets = null;
        if (devs.size() > 1) {
            // each set was written by a different session: trained on the others, how does the model read a new writer?
            double[][] p = outOfFold(x, y, set.sets(), devs.size(), classes, bestL2, iterations);
            acrossSets = Metrics.of(p, set.examples(), labels);
            System.out.println(
                    "[train] leave-one-set-out at the chosen L2 (trained on the other sets, read on this one):");
            System.out.println(acrossSets.row(bestL2));
        }

        SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, classes, bestL2, iterations);
        System.out.printf(
                Locale.ROOT,
                "[train] final fit on all %d lines: %d iterations, penalised loss %.4f%n",
                y.length,
                fit.iterations(),
                fit.loss());

        List<String> header = new ArrayList<>();
        header.add("sanshe-bot learned crisis signal: multinomial logistic regression (softmax, L2) over sentence"
                + " embeddings; P(crisis) = 1 - the sum of P(HARMLESS…) over the harmless classes, category = the most"
                + " probable crisis class");
        header.add("embedding: " + BgeSmallZhEmbedder.MODEL_NAME + ", CLS pooling, unit length");
        header.add("trained: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by "
                + CrisisModelTrainer.class.getName() + " (scripts/train-crisis-model.sh) at commit " + commit);
        List<String> files = new ArrayList<>();
        for (Path d : devs) {
            files.add(d + " (sha256 " + sha256(d) + ")");
        }
        header.add("data: " + String.join(", ", files) + ": " + y.length + " lines (" + set.crisisCount() + " crisis, "
                + (y.length - set.crisisCount()) + " harmless)"
                + "; no held-out set (heldout*.tsv) was read");
        header.add("text: " + normaliser.description());
        header.add("settings: L2 = " + plain(bestL2) + " on standardised features (chosen from "
                + Arrays.toString(
                        Arrays.stream(grid).mapToObj(CrisisModelTrainer::plain).toArray())
                + " by " + folds + "-fold stratified cross-validation, seed " + seed
                + ", lowest log-loss); full-batch L-BFGS from zero, at most " + iterations
                + " iterations (final fit: " + fit.iterations() + "); standardisation folded into the weights;"
                + " classes unweighted; " + labels.description());
        header.add("cross-validation at the chosen L2: " + best.summary());
        if (acrossSets != null) {
            header.add("leave-one-set-out at the chosen L2 (each set read by a model trained on the others): "
                    + acrossSets.summary());
        }
        CrisisModel model = new CrisisModel(labels.classes(), fit.weights(), fit.bias(), header);
        // what is written must read back: the same checks as at start
        CrisisModel.parse(model.format(), out.toString())
                .requireDimensions(BgeSmallZhEmbedder.DIMENSIONS, out.toString());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, model.format(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "[train] wrote %s (%d bytes)%n", out, Files.size(out));
    }

    static double[][] outOfFold(double[][] x, int[] y, int[] fold, int folds, int classes, double l2, int iterations) {
        double[][] p = new double[x.length][];
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            SoftmaxRegression.Fit fit = SoftmaxRegression.fit(
                    train.stream().map(i -> x[i]).toArray(double[][]::new),
                    train.stream().mapToInt(i -> y[i]).toArray(),
                    classes,
                    l2,
                    iterations);
            double[][] pt =
                    SoftmaxRegression.predict(fit, test.stream().map(i -> x[i]).toArray(double[][]::new));
            for (int t = 0; t < test.size(); t++) {
                p[test.get(t)] = pt[t];
            }
        }
        return p;
    }

    static double[][] embedAll(Embedder embedder, DevSet set, UnaryOperator<String> normalise) {
        long t0 = System.nanoTime();
        double[][] x = new double[set.examples().size()][];
        for (int i = 0; i < x.length; i++) {
            float[] v = embedder.embed(normalise.apply(set.examples().get(i).text()));
            x[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                x[i][j] = v[j];
            }
        }
        System.out.printf(
                Locale.ROOT,
                "[train] embedded %d texts in %.1f s (%.1f ms each)%n",
                x.length,
                (System.nanoTime() - t0) / 1e9,
                (System.nanoTime() - t0) / 1e6 / x.length);
        return x;
    }

    private static void printClassCounts(Labels labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : labels.classes()) {
            counts.put(c, 0);
        }
        for (int k : labels.y()) {
            counts.merge(labels.classes().get(k), 1, Integer::sum);
        }
        System.out.println("[train] lines per class: " + counts);
    }

    private static void printByFrame(double[][] p, List<Example> examples, Labels labels) {
        Map<String, int[]> byFrame = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            String key = (e.crisis() ? "crisis" : "harmless") + "/" + (e.frame().isBlank() ? "-" : e.frame());
            int[] c = byFrame.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            if (CrisisModel.reading(labels.classes(), p[i]).probability() >= 0.5) {
                c[1]++;
            }
        }
        System.out.println("[train] out-of-fold share read as crisis (P>=0.5), by label/frame:");
        byFrame.forEach(
                (k, c) -> System.out.printf(Locale.ROOT, "  %-28s %4d lines  %5.1f%%%n", k, c[0], 100.0 * c[1] / c[0]));
    }

    static String plain(double v) {
        return String.format(Locale.ROOT, "%s", v).replaceAll("\\.0$", "");
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))
                .substring(0, 16);
    }

    static boolean yesNo(String value, String option) {
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException("--" + option + " is yes or no, not " + value);
        };
    }

    /** {@code a.tsv, b.tsv} → the paths, in that order. */
    static List<Path> paths(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .map(Path::of)
                .toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --name value …; not understood: " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    /**
     * The text exactly as the detector hands it to the learned signal ({@link CrisisReading#normalised()}:
     * {@code CrisisText.normalise}, then variant spellings read), from the rules in {@code config/crisis} and
     * {@code config/lexicon}: the model must learn from what it will be shown.
     */
    record Normaliser(UnaryOperator<String> function, String description) {
        static Normaliser of(Path crisisDir, Path lexiconDir) throws IOException, NoSuchAlgorithmException {
            CrisisDetector detector = CrisisDetector.build(
                    CrisisBook.readFolder(crisisDir).orElseThrow(),
                    RuleMatcher.compile(Lexicon.readFolder(lexiconDir).orElseThrow()));
            return new Normaliser(
                    text -> detector.read(text).normalised(),
                    "as CrisisDetector hands it to the learned signal: CrisisText.normalise (simplified script, folded),"
                            + " then the variant spellings of " + crisisDir.resolve("variants.tsv") + " (sha256 "
                            + sha256(crisisDir.resolve("variants.tsv")) + ") read; retrain when they change");
        }
    }

    /** Stratified folds: each class shuffled with the seed and dealt round the folds. */
    static final class Folds {
        private Folds() {}

        static int[] stratified(int[] y, int classes, int folds, long seed) {
            Random random = new Random(seed);
            int[] fold = new int[y.length];
            int next = 0;
            for (int k = 0; k < classes; k++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < y.length; i++) {
                    if (y[i] == k) {
                        members.add(i);
                    }
                }
                Collections.shuffle(members, random);
                for (int i : members) {
                    fold[i] = next;
                    next = (next + 1) % folds;
                }
            }
            return fold;
        }
    }

    /**
     * The class of each line: a crisis line's category; a harmless line's {@code HARMLESS/frame} when its frame has at
     * least {@code minFrameLines} harmless lines (and harmless lines are split by frame), else {@code HARMLESS}.
     */
    record Labels(List<String> classes, int[] y, String description) {
        static final int MIN_FRAME_LINES = 30;
        private static final java.util.regex.Pattern FRAME = java.util.regex.Pattern.compile("[a-z0-9_-]+");

        static Labels of(List<Example> examples, boolean byFrame, int minFrameLines) {
            Map<String, Integer> frames = new TreeMap<>();
            for (Example e : examples) {
                if (!e.crisis() && byFrame && FRAME.matcher(e.frame()).matches()) {
                    frames.merge(e.frame(), 1, Integer::sum);
                }
            }
            List<String> classes = new ArrayList<>(CrisisModel.CATEGORIES);
            frames.forEach((frame, n) -> {
                if (n >= minFrameLines) {
                    classes.add(CrisisModel.HARMLESS + "/" + frame);
                }
            });
            int[] y = new int[examples.size()];
            boolean plain = false;
            for (int i = 0; i < y.length; i++) {
                Example e = examples.get(i);
                int k = e.crisis()
                        ? classes.indexOf(e.category())
                        : classes.indexOf(CrisisModel.HARMLESS + "/" + e.frame());
                if (k < 0 && !e.crisis()) {
                    plain = true;
                    k = classes.size(); // HARMLESS, added below
                }
                if (k < 0) {
                    throw new IllegalArgumentException(
                            e.id() + ": a crisis line with the unknown category " + e.category());
                }
                y[i] = k;
            }
            if (plain || classes.size() == CrisisModel.CATEGORIES.size()) {
                classes.add(CrisisModel.HARMLESS);
            }
            String description = byFrame
                    ? "harmless lines split by frame (" + (classes.size() - CrisisModel.CATEGORIES.size())
                            + " harmless classes; frames with fewer than " + minFrameLines + " lines are "
                            + CrisisModel.HARMLESS + ")"
                    : "harmless lines one class";
            return new Labels(List.copyOf(classes), y, description);
        }
    }

    /** Out-of-fold figures: crisis lines read as crisis, harmless lines read as crisis, categories right. */
    record Metrics(
            double logLoss,
            double accuracy,
            double[] recall,
            double[] falseAlarm,
            double[] recallAtFalseAlarm,
            double category) {
        static Metrics of(double[][] p, List<Example> examples, Labels labels) {
            double loss = 0;
            int correct = 0;
            int crisis = 0;
            int benign = 0;
            int categoryRight = 0;
            int[] caught = new int[THRESHOLDS.length];
            int[] alarms = new int[THRESHOLDS.length];
            List<Double> crisisP = new ArrayList<>();
            List<Double> harmlessP = new ArrayList<>();
            for (int i = 0; i < p.length; i++) {
                Example e = examples.get(i);
                int y = labels.y()[i];
                loss -= Math.log(Math.max(p[i][y], 1e-300));
                int argmax = 0;
                for (int k = 0; k < p[i].length; k++) {
                    if (p[i][k] > p[i][argmax]) {
                        argmax = k;
                    }
                }
                if (argmax == y) {
                    correct++;
                }
                var reading = CrisisModel.reading(labels.classes(), p[i]);
                double pc = reading.probability();
                if (e.crisis()) {
                    crisis++;
                    crisisP.add(pc);
                    if (reading.category().equals(e.category())) {
                        categoryRight++;
                    }
                } else {
                    benign++;
                    harmlessP.add(pc);
                }
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    if (pc >= THRESHOLDS[t]) {
                        if (e.crisis()) {
                            caught[t]++;
                        } else {
                            alarms[t]++;
                        }
                    }
                }
            }
            double[] recall = new double[THRESHOLDS.length];
            double[] falseAlarm = new double[THRESHOLDS.length];
            for (int t = 0; t < THRESHOLDS.length; t++) {
                recall[t] = crisis == 0 ? Double.NaN : (double) caught[t] / crisis;
                falseAlarm[t] = benign == 0 ? Double.NaN : (double) alarms[t] / benign;
            }
            double[] atFalseAlarm = new double[FALSE_ALARM_RATES.length];
            for (int f = 0; f < FALSE_ALARM_RATES.length; f++) {
                atFalseAlarm[f] = recallAtFalseAlarm(crisisP, harmlessP, FALSE_ALARM_RATES[f]);
            }
            return new Metrics(
                    loss / p.length,
                    (double) correct / p.length,
                    recall,
                    falseAlarm,
                    atFalseAlarm,
                    crisis == 0 ? Double.NaN : (double) categoryRight / crisis);
        }

        /**
         * The share of crisis lines read above the highest threshold at which at most {@code rate} of the harmless lines
         * are read as crisis: how well the reading separates the two, whatever its calibration.
         */
        static double recallAtFalseAlarm(List<Double> crisis, List<Double> harmless, double rate) {
            if (crisis.isEmpty() || harmless.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(harmless);
            sorted.sort(Collections.reverseOrder());
            int allowed = (int) Math.floor(rate * sorted.size() + 1e-9);
            if (allowed >= sorted.size()) {
                return 1;
            }
            double above = sorted.get(allowed); // lines read above the (allowed+1)-th highest harmless reading
            return (double) crisis.stream().filter(pc -> pc > above).count() / crisis.size();
        }

        String row(double l2) {
            StringBuilder out = new StringBuilder(
                    String.format(Locale.ROOT, "%-8s %9.4f %8.1f%%", plain(l2), logLoss, 100 * accuracy));
            for (double r : recall) {
                out.append(String.format(Locale.ROOT, " %10.1f%%", 100 * r));
            }
            for (double f : falseAlarm) {
                out.append(String.format(Locale.ROOT, " %10.1f%%", 100 * f));
            }
            for (double r : recallAtFalseAlarm) {
                out.append(String.format(Locale.ROOT, " %10.1f%%", 100 * r));
            }
            return out.append(String.format(Locale.ROOT, " %8.1f%%", 100 * category))
                    .toString();
        }

        String summary() {
            List<String> recalls = new ArrayList<>();
            List<String> alarms = new ArrayList<>();
            for (int t = 0; t < THRESHOLDS.length; t++) {
                recalls.add(String.format(Locale.ROOT, "%.1f%% (P>=%s)", 100 * recall[t], THRESHOLDS[t]));
                alarms.add(String.format(Locale.ROOT, "%.1f%% (P>=%s)", 100 * falseAlarm[t], THRESHOLDS[t]));
            }
            List<String> separated = new ArrayList<>();
            for (int f = 0; f < FALSE_ALARM_RATES.length; f++) {
                separated.add(String.format(
                        Locale.ROOT,
                        "%.1f%% where %s%% of harmless lines are",
                        100 * recallAtFalseAlarm[f],
                        plain(100 * FALSE_ALARM_RATES[f])));
            }
            return String.format(
                    Locale.ROOT,
                    "log-loss %.4f; crisis recall %s; false alarms on harmless %s; crisis lines read as crisis %s;"
                            + " crisis lines given their own category %.1f%%",
                    logLoss,
                    String.join(", ", recalls),
                    String.join(", ", alarms),
                    String.join(", ", separated),
                    100 * category);
        }
    }
}
