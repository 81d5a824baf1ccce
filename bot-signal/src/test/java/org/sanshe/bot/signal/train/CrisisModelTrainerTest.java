package org.sanshe.bot.signal.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanshe.bot.signal.CrisisModel;
import org.sanshe.bot.signal.train.CrisisModelTrainer.Labels;
import org.sanshe.bot.signal.train.CrisisModelTrainer.Metrics;
import org.sanshe.bot.signal.train.DevSet.Example;

class CrisisModelTrainerTest {
    private static Example crisis(String id, String category) {
        return new Example(id, true, category, "present", "…", CrisisModel.CLASSES.indexOf(category));
    }

    private static Example harmless(String id, String frame) {
        return new Example(id, false, "SELF_HARM", frame, "…", CrisisModel.CLASSES.indexOf(CrisisModel.HARMLESS));
    }

    private static List<Example> lines() {
        List<Example> lines = new ArrayList<>();
        lines.add(crisis("C1", "POISONING"));
        lines.add(crisis("C2", "SELF_HARM"));
        for (int i = 0; i < 3; i++) {
            lines.add(harmless("N" + i, "negation"));
            lines.add(harmless("M" + i, "media"));
        }
        lines.add(harmless("R1", "resolved")); // a frame too rare for a class of its own
        lines.add(harmless("B1", "")); // no frame
        return lines;
    }

    @Test
    void harmlessLinesAreSplitByFrameAndRareOrMissingFramesArePlainHarmless() {
        Labels labels = Labels.of(lines(), true, 3);

        assertThat(labels.classes())
                .startsWith(CrisisModel.CATEGORIES.toArray(String[]::new))
                .endsWith("HARMLESS/media", "HARMLESS/negation", "HARMLESS");
        List<String> byLine = new ArrayList<>();
        for (int k : labels.y()) {
            byLine.add(labels.classes().get(k));
        }
        assertThat(byLine)
                .containsExactly(
                        "POISONING",
                        "SELF_HARM",
                        "HARMLESS/negation",
                        "HARMLESS/media",
                        "HARMLESS/negation",
                        "HARMLESS/media",
                        "HARMLESS/negation",
                        "HARMLESS/media",
                        "HARMLESS",
                        "HARMLESS");
        assertThat(new CrisisModel(
                                labels.classes(),
                                new double[labels.classes().size()][2],
                                new double[labels.classes().size()],
                                List.of())
                        .classes())
                .isEqualTo(labels.classes());
    }

    @Test
    void withoutTheSplitHarmlessIsOneClass() {
        Labels labels = Labels.of(lines(), false, 3);

        assertThat(labels.classes()).isEqualTo(CrisisModel.CLASSES);
        for (int i = 0; i < lines().size(); i++) {
            assertThat(labels.y()[i]).isEqualTo(lines().get(i).cls());
        }
    }

    @Test
    void recallWhereAGivenShareOfHarmlessLinesIsReadAsCrisis() {
        List<Double> harmless = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            harmless.add(i / 100.0); // 0.00 … 0.99
        }
        List<Double> crisis = List.of(0.995, 0.985, 0.975, 0.965, 0.5);

        // 3% of 100 harmless lines: 0.97, 0.98 and 0.99 may be read as crisis, so the threshold is above 0.96
        assertThat(Metrics.recallAtFalseAlarm(crisis, harmless, 0.03)).isCloseTo(0.8, within(1e-12));
        assertThat(Metrics.recallAtFalseAlarm(crisis, harmless, 0.01)).isCloseTo(0.4, within(1e-12));
        assertThat(Metrics.recallAtFalseAlarm(crisis, harmless, 0)).isCloseTo(0.2, within(1e-12));
    }
}
