package org.sanshe.bot.signal.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.sanshe.bot.core.port.ContentScanner.Urgency;

/**
 * The learned signal's three thresholds chosen on development readings: a grid over {@code urgentAbove},
 * {@code watchAbove} and {@code lowerBelow}, each point scored by what the detector decides with it, and the point that
 * finds the most crises at 紧急 while false alarms on harmless messages stay within limits.
 *
 * <p>The detector uses a reading's probability only through three comparisons ({@code p >= urgentAbove},
 * {@code p >= watchAbove}, {@code p < lowerBelow}), so a message's decision is read once per pattern of those
 * comparisons (at most four) and reused for every other point of the grid with the same pattern.
 */
final class ThresholdSearch {
    /** urgentAbove 0.50–0.99 by 0.01, in hundredths. */
    static final int[] URGENT = range(50, 99, 1);
    /** watchAbove 0.50–0.95 by 0.05, in hundredths; never above urgentAbove. */
    static final int[] WATCH = range(50, 95, 5);
    /** lowerBelow, in hundredths; never above watchAbove. */
    static final int[] LOWER = {0, 2, 5, 10, 20, 30, 40, 50};

    private ThresholdSearch() {}

    /** One point: the arguments of {@code CrisisDetector.withLearned}. */
    record Thresholds(double urgentAbove, double watchAbove, double lowerBelow) {
        Thresholds {
            if (!(0 <= lowerBelow && lowerBelow <= watchAbove && watchAbove <= urgentAbove && urgentAbove <= 1)) {
                throw new IllegalArgumentException("need 0 <= lower <= watch <= urgent <= 1: " + urgentAbove + "/"
                        + watchAbove + "/" + lowerBelow);
            }
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "urgentAbove %.2f, watchAbove %.2f, lowerBelow %.2f",
                    urgentAbove,
                    watchAbove,
                    lowerBelow);
        }
    }

    /**
     * One labelled message.
     *
     * @param probability the learned P(crisis) the detector is given for it; empty when the detector never asks
     */
    record Item(boolean crisis, OptionalDouble probability) {}

    /** What the detector decides for item {@code item} at {@code t}: 紧急, 留意, or null for nothing. */
    @FunctionalInterface
    interface Decider {
        Urgency decide(int item, Thresholds t);
    }

    /** The counts at one point. */
    record Figures(
            Thresholds thresholds,
            int crisis,
            int crisisUrgent,
            int crisisAny,
            int harmless,
            int harmlessUrgent,
            int harmlessWatch) {
        double urgentRecall() {
            return rate(crisisUrgent, crisis);
        }

        double anyRecall() {
            return rate(crisisAny, crisis);
        }

        double urgentOnHarmless() {
            return rate(harmlessUrgent, harmless);
        }

        double watchOnHarmless() {
            return rate(harmlessWatch, harmless);
        }

        boolean within(double maxUrgentOnHarmless, double maxWatchOnHarmless) {
            return excess(urgentOnHarmless(), maxUrgentOnHarmless) == 0
                    && excess(watchOnHarmless(), maxWatchOnHarmless) == 0;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %.2f | %.2f | %.2f | %.1f%% | %.1f%% | %.1f%% | %.1f%% |",
                    thresholds.urgentAbove(),
                    thresholds.watchAbove(),
                    thresholds.lowerBelow(),
                    100 * urgentRecall(),
                    100 * anyRecall(),
                    100 * urgentOnHarmless(),
                    100 * watchOnHarmless());
        }

        private static double rate(int n, int of) {
            return of == 0 ? 0 : (double) n / of;
        }
    }

    static final String HEADER = "| urgentAbove | watchAbove | lowerBelow | 紧急 recall | 紧急 or 留意 | 紧急 on harmless |"
            + " 留意 on harmless |\n|---:|---:|---:|---:|---:|---:|---:|";

    /**
     * Best first: more crises at 紧急; then fewer 紧急 on harmless messages; then fewer 留意 on them; then more crises
     * at 紧急 or 留意; then, where nothing on the set tells them apart, the point at which the model changes least (the
     * higher urgentAbove and watchAbove, the lower lowerBelow).
     */
    static final Comparator<Figures> BEST_FIRST = Comparator.comparingInt(Figures::crisisUrgent)
            .reversed()
            .thenComparingInt(Figures::harmlessUrgent)
            .thenComparingInt(Figures::harmlessWatch)
            .thenComparing(Comparator.comparingInt(Figures::crisisAny).reversed())
            .thenComparing(
                    Comparator.comparingDouble((Figures f) -> f.thresholds().urgentAbove())
                            .reversed())
            .thenComparing(
                    Comparator.comparingDouble((Figures f) -> f.thresholds().watchAbove())
                            .reversed())
            .thenComparingDouble(f -> f.thresholds().lowerBelow());

    /** Every point: urgentAbove × watchAbove (≤ urgentAbove) × lowerBelow (≤ watchAbove). */
    static List<Thresholds> grid() {
        List<Thresholds> grid = new ArrayList<>();
        for (int u : URGENT) {
            for (int w : WATCH) {
                if (w > u) {
                    continue;
                }
                for (int l : LOWER) {
                    if (l <= w) {
                        grid.add(new Thresholds(u / 100.0, w / 100.0, l / 100.0));
                    }
                }
            }
        }
        return grid;
    }

    /** The figures at each point of {@code grid}, in its order; {@code decider} is asked at most four times an item. */
    static List<Figures> evaluate(List<Item> items, List<Thresholds> grid, Decider decider) {
        List<Map<Integer, Urgency>> memo = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            memo.add(new HashMap<>(4));
        }
        List<Figures> out = new ArrayList<>(grid.size());
        for (Thresholds t : grid) {
            int crisis = 0;
            int crisisUrgent = 0;
            int crisisAny = 0;
            int harmless = 0;
            int harmlessUrgent = 0;
            int harmlessWatch = 0;
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                int pattern = pattern(item.probability(), t);
                Map<Integer, Urgency> known = memo.get(i);
                Urgency u;
                if (known.containsKey(pattern)) {
                    u = known.get(pattern);
                } else {
                    u = decider.decide(i, t);
                    known.put(pattern, u);
                }
                if (item.crisis()) {
                    crisis++;
                    if (u == Urgency.URGENT) {
                        crisisUrgent++;
                    }
                    if (u != null) {
                        crisisAny++;
                    }
                } else {
                    harmless++;
                    if (u == Urgency.URGENT) {
                        harmlessUrgent++;
                    } else if (u == Urgency.WATCH) {
                        harmlessWatch++;
                    }
                }
            }
            out.add(new Figures(t, crisis, crisisUrgent, crisisAny, harmless, harmlessUrgent, harmlessWatch));
        }
        return out;
    }

    /**
     * Every point, the chosen one first: those within both limits by {@link #BEST_FIRST}, then the others. When no point
     * is within a limit (the rules alone may already pass it, and the learned signal can only add to 留意), the points
     * that pass the 紧急 limit by least come first, then those that pass the 留意 limit by least, each group by
     * {@link #BEST_FIRST}: the limit is then held as tightly as the grid allows, never dropped.
     */
    static List<Figures> ranked(List<Figures> all, double maxUrgentOnHarmless, double maxWatchOnHarmless) {
        return all.stream()
                .sorted(Comparator.comparingDouble((Figures f) -> excess(f.urgentOnHarmless(), maxUrgentOnHarmless))
                        .thenComparingDouble(f -> excess(f.watchOnHarmless(), maxWatchOnHarmless))
                        .thenComparing(BEST_FIRST))
                .toList();
    }

    /** How far a rate is above its limit (0 within it), to the nearest millionth so that equal counts tie. */
    static double excess(double rate, double limit) {
        return Math.max(0, Math.round((rate - limit) * 1e6) / 1e6);
    }

    /** The outcomes of the detector's three comparisons; 0 for a message it never asks about. */
    static int pattern(OptionalDouble probability, Thresholds t) {
        if (probability.isEmpty()) {
            return 0;
        }
        double p = probability.getAsDouble();
        return (p >= t.urgentAbove() ? 1 : 0) | (p >= t.watchAbove() ? 2 : 0) | (p < t.lowerBelow() ? 4 : 0);
    }

    private static int[] range(int from, int to, int step) {
        int[] out = new int[(to - from) / step + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i * step;
        }
        return out;
    }
}
