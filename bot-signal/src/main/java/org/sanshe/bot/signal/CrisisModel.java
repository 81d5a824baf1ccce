package org.sanshe.bot.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sanshe.bot.core.port.LearnedSignal.Reading;

/**
 * A multinomial logistic regression over sentence embeddings: one weight row and bias per class, the classes being the
 * eight crisis categories and one or more harmless classes: {@link #HARMLESS} alone, or harmless lines split by why they
 * are harmless ({@code HARMLESS/negation}, {@code HARMLESS/media}, … the development sets' frames; see
 * {@link #isHarmless}). The probability of a crisis is {@code 1 − ΣP(harmless classes)}; its category is the most
 * probable crisis class.
 *
 * <p>The text form ({@code config/crisis/model.tsv}): {@code #} comment lines that say how the model was trained and
 * declare {@code # dims: N} and {@code # classes: A,B,…}; then one line per class, {@code CLASS<TAB>bias<TAB>w1 … wN}
 * tab-separated. {@link #parse} refuses a file whose declared and actual sizes differ, whose classes are not each crisis
 * category once plus at least one harmless class, or whose dimensions differ from the embedder's: a model that does not
 * fit is a failed start, never a silent wrong reading.
 */
public final class CrisisModel {
    public static final String HARMLESS = "HARMLESS";

    /** A harmless class split by frame: {@code HARMLESS/} and the frame, lower case ASCII letters, digits, - and _. */
    private static final Pattern HARMLESS_BY_FRAME = Pattern.compile("HARMLESS/[a-z0-9_-]+");

    /** The crisis categories the detector knows (生命优先): each must be a class of the model, once. */
    public static final List<String> CATEGORIES = List.of(
            "SELF_HARM",
            "MEDICAL_EMERGENCY",
            "POISONING",
            "FALL_OR_LOST",
            "DOMESTIC_VIOLENCE",
            "CHILD_PROTECTION",
            "HARM_TO_OTHERS",
            "SEVERE_DISTRESS");

    /** The crisis categories, then HARMLESS: the classes of a model whose harmless lines are one class. */
    public static final List<String> CLASSES =
            Stream.concat(CATEGORIES.stream(), Stream.of(HARMLESS)).toList();

    private final List<String> classes;
    private final double[][] weights;
    private final double[] bias;
    private final List<String> header;

    /**
     * @param classes the class of each row: each of {@link #CATEGORIES} once, and one or more harmless classes
     *     ({@link #isHarmless})
     * @param weights one row per class, all of one length (the embedding's dimensions)
     * @param bias one per class
     * @param header comment lines without their {@code #}: how the model was made
     */
    public CrisisModel(List<String> classes, double[][] weights, double[] bias, List<String> header) {
        this.classes = List.copyOf(classes);
        this.header = List.copyOf(header);
        checkClasses(this.classes).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (weights.length != this.classes.size() || bias.length != this.classes.size()) {
            throw new IllegalArgumentException(
                    "one weight row and one bias per class: " + weights.length + " rows, " + bias.length + " biases");
        }
        int dims = weights[0].length;
        this.weights = new double[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            if (weights[k].length != dims) {
                throw new IllegalArgumentException(this.classes.get(k) + " has " + weights[k].length + " weights, "
                        + this.classes.get(0) + " has " + dims);
            }
            this.weights[k] = weights[k].clone();
        }
        this.bias = bias.clone();
    }

    /** {@code HARMLESS}, or {@code HARMLESS/frame} (frame in lower case ASCII letters, digits, - and _). */
    public static boolean isHarmless(String cls) {
        return cls.equals(HARMLESS) || HARMLESS_BY_FRAME.matcher(cls).matches();
    }

    /** Why {@code classes} cannot be a model's classes, if they cannot. */
    static Optional<String> checkClasses(List<String> classes) {
        List<String> unknown = classes.stream()
                .filter(c -> !CATEGORIES.contains(c) && !isHarmless(c))
                .toList();
        if (!unknown.isEmpty()) {
            return Optional.of("unknown class " + String.join(", ", unknown) + " (the classes are " + CATEGORIES
                    + " and " + HARMLESS + " or " + HARMLESS + "/frame)");
        }
        if (new TreeSet<>(classes).size() != classes.size()) {
            return Optional.of("a class named twice in " + classes);
        }
        Set<String> missing = new TreeSet<>(CATEGORIES);
        missing.removeAll(classes);
        if (!missing.isEmpty()) {
            return Optional.of("no class for the crisis categories " + missing + " in " + classes);
        }
        if (classes.stream().noneMatch(CrisisModel::isHarmless)) {
            return Optional.of("no harmless class (" + HARMLESS + " or " + HARMLESS + "/frame) in " + classes);
        }
        return Optional.empty();
    }

    public int dimensions() {
        return weights[0].length;
    }

    public List<String> classes() {
        return classes;
    }

    public List<String> header() {
        return header;
    }

    /** Fails with the reason when this model cannot read the embedder's vectors. */
    public CrisisModel requireDimensions(int embedderDimensions, String source) {
        if (dimensions() != embedderDimensions) {
            throw new IllegalStateException(source + ": the model has " + dimensions()
                    + " dimensions, the embedding model gives " + embedderDimensions
                    + " (trained for another embedding model? run scripts/train-crisis-model.sh)");
        }
        return this;
    }

    /** P(class) for each of {@link #classes()}, in that order. */
    public double[] probabilities(float[] embedding) {
        if (embedding.length != dimensions()) {
            throw new IllegalArgumentException(
                    "an embedding of " + embedding.length + " values for a model of " + dimensions());
        }
        double[] logits = new double[classes.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            double[] w = weights[k];
            double z = bias[k];
            for (int j = 0; j < w.length; j++) {
                z += w[j] * embedding[j];
            }
            logits[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= sum;
        }
        return logits;
    }

    /** The most probable crisis category and {@code 1 − ΣP(harmless classes)}. */
    public Reading read(float[] embedding) {
        return reading(classes, probabilities(embedding));
    }

    /**
     * The most probable crisis category and {@code 1 − ΣP(harmless classes)} from the probabilities of {@code classes}
     * (in that order): what {@link #read} gives, for probabilities computed elsewhere (a model being validated).
     */
    public static Reading reading(List<String> classes, double[] p) {
        int best = -1;
        double harmless = 0;
        for (int k = 0; k < p.length; k++) {
            if (isHarmless(classes.get(k))) {
                harmless += p[k];
            } else if (best < 0 || p[k] > p[best]) {
                best = k;
            }
        }
        double crisis = Math.min(1, Math.max(0, 1 - harmless));
        return new Reading(classes.get(best), crisis);
    }

    /** The text form described on the class. */
    public String format() {
        StringBuilder out = new StringBuilder(64 * 1024);
        for (String line : header) {
            out.append("# ").append(line).append('\n');
        }
        out.append("# dims: ").append(dimensions()).append('\n');
        out.append("# classes: ").append(String.join(",", classes)).append('\n');
        for (int k = 0; k < classes.size(); k++) {
            out.append(classes.get(k)).append('\t').append(number(bias[k]));
            for (double w : weights[k]) {
                out.append('\t').append(number(w));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Reads the text form, checking it against itself and against {@link #CATEGORIES}.
     *
     * @param source the file's name, for messages
     * @throws IllegalArgumentException with the file, line and what is wrong
     */
    public static CrisisModel parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        List<String> header = new ArrayList<>();
        Optional<Integer> declaredDims = Optional.empty();
        Optional<List<String>> declaredClasses = Optional.empty();
        Map<String, double[]> rows = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = source + ":" + (i + 1) + ": ";
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("dims:")) {
                    try {
                        declaredDims = Optional.of(Integer.parseInt(after(comment)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(at + "dims is not a number: " + after(comment));
                    }
                } else if (comment.startsWith("classes:")) {
                    declaredClasses = Optional.of(List.of(after(comment).split("\\s*,\\s*")));
                } else {
                    header.add(comment);
                }
                continue;
            }
            String[] cells = line.split("\t");
            String name = cells[0].strip();
            if (!CATEGORIES.contains(name) && !isHarmless(name)) {
                throw new IllegalArgumentException(at + "unknown class " + name + " (the classes are " + CATEGORIES
                        + " and " + HARMLESS + " or " + HARMLESS + "/frame)");
            }
            if (rows.containsKey(name)) {
                throw new IllegalArgumentException(at + "a second row for " + name);
            }
            if (cells.length < 3) {
                throw new IllegalArgumentException(at + name + " has no weights");
            }
            double[] values = new double[cells.length - 1];
            for (int c = 1; c < cells.length; c++) {
                try {
                    values[c - 1] = Double.parseDouble(cells[c].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            at + name + ", column " + (c + 1) + ": not a number: " + cells[c]);
                }
                if (!Double.isFinite(values[c - 1])) {
                    throw new IllegalArgumentException(at + name + ", column " + (c + 1) + ": not finite");
                }
            }
            rows.put(name, values);
        }
        int dims = declaredDims.orElseThrow(
                () -> new IllegalArgumentException(source + ": no '# dims: N' line in the header"));
        List<String> classes = declaredClasses.orElseThrow(
                () -> new IllegalArgumentException(source + ": no '# classes: A,B,…' line in the header"));
        Optional<String> problem = checkClasses(classes);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(
                    source + ": the header declares the classes " + classes + ": " + problem.get());
        }
        Set<String> missing = new TreeSet<>(classes);
        missing.removeAll(rows.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": no row for " + missing);
        }
        Set<String> undeclared = new TreeSet<>(rows.keySet());
        undeclared.removeAll(classes);
        if (!undeclared.isEmpty()) {
            throw new IllegalArgumentException(
                    source + ": rows for " + undeclared + ", which the header's classes " + classes + " do not name");
        }
        List<String> order = new ArrayList<>();
        double[][] weights = new double[rows.size()][];
        double[] bias = new double[rows.size()];
        int k = 0;
        for (Map.Entry<String, double[]> row : rows.entrySet()) {
            double[] values = row.getValue();
            if (values.length - 1 != dims) {
                throw new IllegalArgumentException(source + ": " + row.getKey() + " has " + (values.length - 1)
                        + " weights, the header declares " + dims + " dims");
            }
            order.add(row.getKey());
            bias[k] = values[0];
            weights[k] = Arrays.copyOfRange(values, 1, values.length);
            k++;
        }
        return new CrisisModel(order, weights, bias, header);
    }

    private static String after(String comment) {
        return comment.substring(comment.indexOf(':') + 1).strip();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.7g", v);
    }
}
