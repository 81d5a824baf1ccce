package org.sanshe.bot.signal.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.port.ContentScanner.Urgency;
import org.sanshe.bot.signal.train.ThresholdSearch.Figures;
import org.sanshe.bot.signal.train.ThresholdSearch.Item;
import org.sanshe.bot.signal.train.ThresholdSearch.Thresholds;

class ThresholdSearchTest {
    private static final Thresholds ANY = new Thresholds(0.9, 0.6, 0);

    @Test
    void theGridHoldsEveryOrderedPointAndNoOther() {
        List<Thresholds> grid = ThresholdSearch.grid();

        assertThat(grid).doesNotHaveDuplicates();
        assertThat(grid)
                .allSatisfy(t -> assertThat(t.lowerBelow()).isLessThanOrEqualTo(t.watchAbove()))
                .allSatisfy(t -> assertThat(t.watchAbove()).isLessThanOrEqualTo(t.urgentAbove()));
        assertThat(grid)
                .extracting(Thresholds::urgentAbove)
                .contains(0.5, 0.8, 0.9, 0.99)
                .doesNotContain(1.0, 0.49);
        assertThat(grid).extracting(Thresholds::watchAbove).contains(0.5, 0.95).doesNotContain(0.45);
        assertThat(grid).extracting(Thresholds::lowerBelow).containsOnly(0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5);
        assertThat(grid).contains(new Thresholds(0.9, 0.6, 0), new Thresholds(0.95, 0.95, 0.2));
        // urgent 0.50–0.99 (50 values); under each, the watch values 0.50, 0.55, … up to it: 1 for 0.50–0.54, 2 for
        // 0.55–0.59, …, 10 for 0.95–0.99, so 5 × (1 + … + 10) = 275 pairs; 8 lowers, all at or under every watch value
        assertThat(grid).hasSize(275 * 8);
    }

    /** A stand-in for the detector: a decision that depends on the probability only through the three comparisons. */
    private static Urgency decide(Item item, boolean rulesUrgent, Thresholds t) {
        if (item.probability().isEmpty()) {
            return rulesUrgent ? Urgency.URGENT : null;
        }
        double p = item.probability().getAsDouble();
        if (rulesUrgent) {
            return p < t.lowerBelow() ? Urgency.WATCH : Urgency.URGENT;
        }
        return p >= t.urgentAbove() ? Urgency.URGENT : p >= t.watchAbove() ? Urgency.WATCH : null;
    }

    @Test
    void readingEachPatternOnceGivesWhatReadingEveryPointGives() {
        Random random = new Random(7);
        List<Item> items = new ArrayList<>();
        List<Boolean> rulesUrgent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(new Item(
                    random.nextBoolean(),
                    random.nextInt(10) == 0 ? OptionalDouble.empty() : OptionalDouble.of(random.nextDouble())));
            rulesUrgent.add(random.nextInt(3) == 0);
        }
        List<Thresholds> grid = ThresholdSearch.grid();
        int[] asked = new int[items.size()];

        List<Figures> memoised = ThresholdSearch.evaluate(items, grid, (i, t) -> {
            asked[i]++;
            return decide(items.get(i), rulesUrgent.get(i), t);
        });
        List<Figures> plain = new ArrayList<>();
        for (Thresholds t : grid) {
            plain.add(ThresholdSearch.evaluate(items, List.of(t), (i, u) -> decide(items.get(i), rulesUrgent.get(i), u))
                    .get(0));
        }

        assertThat(memoised).isEqualTo(plain);
        assertThat(java.util.Arrays.stream(asked).boxed().toList())
                .allSatisfy(n -> assertThat(n).isBetween(1, 4));
    }

    @Test
    void countsCrisesAtEachUrgencyAndFalseAlarmsApart() {
        List<Item> items = List.of(
                new Item(true, OptionalDouble.of(0.95)),
                new Item(true, OptionalDouble.of(0.7)),
                new Item(true, OptionalDouble.of(0.1)),
                new Item(false, OptionalDouble.of(0.92)),
                new Item(false, OptionalDouble.of(0.65)),
                new Item(false, OptionalDouble.empty()));

        Figures f = ThresholdSearch.evaluate(items, List.of(ANY), (i, t) -> decide(items.get(i), false, t))
                .get(0);

        assertThat(f).isEqualTo(new Figures(ANY, 3, 1, 2, 3, 1, 1));
        assertThat(f.urgentRecall()).isEqualTo(1 / 3.0);
        assertThat(f.anyRecall()).isEqualTo(2 / 3.0);
    }

    private static Figures figures(double u, double w, double l, int crisisUrgent, int harmlessUrgent, int watch) {
        return new Figures(new Thresholds(u, w, l), 100, crisisUrgent, crisisUrgent, 100, harmlessUrgent, watch);
    }

    @Test
    void theMostCrisesAtUrgentWithinTheLimitsWinsAndTiesGoToFewerFalseAlarms() {
        Figures overUrgentLimit = figures(0.8, 0.6, 0, 95, 4, 10);
        Figures overWatchLimit = figures(0.85, 0.5, 0, 94, 2, 16);
        Figures best = figures(0.9, 0.6, 0, 92, 2, 12);
        Figures sameRecallMoreAlarms = figures(0.91, 0.6, 0, 92, 3, 10);
        Figures sameRecallMoreWatch = figures(0.92, 0.6, 0, 92, 2, 13);
        Figures fewerCrises = figures(0.99, 0.95, 0, 80, 0, 5);

        List<Figures> ranked = ThresholdSearch.ranked(
                List.of(overUrgentLimit, fewerCrises, sameRecallMoreWatch, overWatchLimit, sameRecallMoreAlarms, best),
                0.03,
                0.15);

        assertThat(ranked)
                .containsExactly(
                        best, sameRecallMoreWatch, sameRecallMoreAlarms, fewerCrises, overWatchLimit, overUrgentLimit);
        assertThat(best.within(0.03, 0.15)).isTrue();
        assertThat(overWatchLimit.within(0.03, 0.15)).isFalse();
    }

    @Test
    void aTieOnEveryFigureGoesToTheHigherThresholdsAndTheLowerLowerBelow() {
        Figures low = figures(0.85, 0.6, 0, 90, 1, 10);
        Figures high = figures(0.95, 0.6, 0, 90, 1, 10);
        Figures highWatch = figures(0.95, 0.7, 0, 90, 1, 10);
        Figures doubting = figures(0.95, 0.7, 0.05, 90, 1, 10);

        assertThat(ThresholdSearch.ranked(List.of(low, doubting, high, highWatch), 0.03, 0.15))
                .containsExactly(highWatch, doubting, high, low);
    }

    @Test
    void aLimitNoPointMeetsIsHeldAsTightlyAsTheGridAllows() {
        // the rules alone already raise 留意 on 20% of harmless messages: no point is within 15%
        Figures moreRecall = figures(0.8, 0.5, 0, 95, 1, 25);
        Figures leastOver = figures(0.95, 0.95, 0, 93, 1, 21);
        Figures leastOverLessRecall = figures(0.99, 0.95, 0, 90, 1, 21);

        List<Figures> ranked = ThresholdSearch.ranked(List.of(moreRecall, leastOverLessRecall, leastOver), 0.03, 0.15);

        assertThat(ranked).containsExactly(leastOver, leastOverLessRecall, moreRecall);
        assertThat(ranked.get(0).within(0.03, 0.15)).isFalse();
    }

    @Test
    void theDetectorsComparisonsMakeThePattern() {
        Thresholds t = new Thresholds(0.9, 0.6, 0.1);

        assertThat(ThresholdSearch.pattern(OptionalDouble.empty(), t)).isZero();
        assertThat(ThresholdSearch.pattern(OptionalDouble.of(0.9), t)).isEqualTo(3);
        assertThat(ThresholdSearch.pattern(OptionalDouble.of(0.6), t)).isEqualTo(2);
        assertThat(ThresholdSearch.pattern(OptionalDouble.of(0.3), t)).isEqualTo(0);
        assertThat(ThresholdSearch.pattern(OptionalDouble.of(0.05), t)).isEqualTo(4);
    }
}
