package org.sanshe.bot.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model file is validated at load: a model that does not fit the detector or the embedder stops the start. */
class CrisisModelTest {
    private static final int DIMS = 4;

    /** Each crisis class looks at its own dimension … HARMLESS at none: a tiny model with known answers. */
    static CrisisModel tiny() {
        List<String> classes = CrisisModel.CLASSES;
        double[][] w = new double[classes.size()][DIMS];
        double[] b = new double[classes.size()];
        w[classes.indexOf("SELF_HARM")][0] = 10;
        w[classes.indexOf("POISONING")][1] = 10;
        b[classes.indexOf(CrisisModel.HARMLESS)] = 3;
        return new CrisisModel(classes, w, b, List.of("a test model"));
    }

    @Test
    void readsTheMostProbableCrisisClassAndOneMinusHarmless() {
        CrisisModel model = tiny();

        double[] p = model.probabilities(new float[] {1, 0, 0, 0});
        var reading = model.read(new float[] {1, 0, 0, 0});

        assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-9));
        assertThat(reading.category()).isEqualTo("SELF_HARM");
        assertThat(reading.probability())
                .isCloseTo(1 - p[CrisisModel.CLASSES.indexOf(CrisisModel.HARMLESS)], within(1e-12))
                .isGreaterThan(0.99);
        assertThat(model.read(new float[] {0, 0, 0, 0}).probability()).isLessThan(0.5);
        assertThat(model.read(new float[] {0, 1, 0, 0}).category()).isEqualTo("POISONING");
    }

    @Test
    void theTextFormReadsBackTheSameModel() {
        CrisisModel model = tiny();

        CrisisModel back = CrisisModel.parse(model.format(), "model.tsv");

        assertThat(back.dimensions()).isEqualTo(DIMS);
        assertThat(back.header()).containsExactly("a test model");
        assertThat(back.probabilities(new float[] {0.3f, -0.2f, 0.1f, 0}))
                .containsExactly(model.probabilities(new float[] {0.3f, -0.2f, 0.1f, 0}), within(1e-6));
    }

    @Test
    void refusesAModelWhoseDimensionsDifferFromTheEmbedders() {
        assertThatThrownBy(() -> tiny().requireDimensions(512, "config/crisis/model.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("config/crisis/model.tsv")
                .hasMessageContaining("4 dimensions")
                .hasMessageContaining("512");
    }

    @Test
    void refusesARowWhoseLengthDiffersFromTheDeclaredDims() {
        String text = tiny().format().replace("# dims: 4", "# dims: 5");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv"))
                .hasMessageContaining("model.tsv")
                .hasMessageContaining("4 weights, the header declares 5 dims");
    }

    @Test
    void refusesAMissingClass() {
        String text = withoutLineStartingWith(tiny().format(), "CHILD_PROTECTION\t");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv"))
                .hasMessageContaining("no row for [CHILD_PROTECTION]");
    }

    @Test
    void refusesAnUnknownClass() {
        String text = tiny().format().replace("\nRUMOUR", "").replace("\nHARM_TO_OTHERS\t", "\nRUMOUR\t");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv"))
                .hasMessageContaining("model.tsv:")
                .hasMessageContaining("unknown class RUMOUR");
    }

    @Test
    void refusesAHeaderWhoseClassesAreNotTheDetectors() {
        String text = tiny().format().replace(",HARMLESS\n", ",BENIGN\n");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv"))
                .hasMessageContaining("the header declares the classes")
                .hasMessageContaining("BENIGN");
    }

    @Test
    void refusesAFileWithoutDims() {
        String text = withoutLineStartingWith(tiny().format(), "# dims");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv")).hasMessageContaining("no '# dims: N' line");
    }

    @Test
    void refusesAWeightThatIsNotANumber() {
        String text = tiny().format().replaceFirst("\nSELF_HARM\t([^\t]+)\t", "\nSELF_HARM\t$1\tx\t");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv"))
                .hasMessageContaining("SELF_HARM, column 3: not a number: x");
    }

    /** The tiny model with its harmless class split in two by frame: negation looks at dimension 2. */
    static CrisisModel byFrame() {
        List<String> classes = new ArrayList<>(CrisisModel.CATEGORIES);
        classes.add("HARMLESS/negation");
        classes.add("HARMLESS/media");
        double[][] w = new double[classes.size()][DIMS];
        double[] b = new double[classes.size()];
        w[classes.indexOf("SELF_HARM")][0] = 10;
        w[classes.indexOf("HARMLESS/negation")][2] = 10;
        b[classes.indexOf("HARMLESS/media")] = 3;
        return new CrisisModel(classes, w, b, List.of("a test model, harmless by frame"));
    }

    @Test
    void withHarmlessSplitByFrameTheCrisisProbabilityIsOneMinusAllHarmlessClasses() {
        CrisisModel model = byFrame();
        List<String> classes = model.classes();

        double[] p = model.probabilities(new float[] {1, 0, 1, 0});
        var reading = model.read(new float[] {1, 0, 1, 0});

        double harmless = p[classes.indexOf("HARMLESS/negation")] + p[classes.indexOf("HARMLESS/media")];
        assertThat(reading.probability()).isCloseTo(1 - harmless, within(1e-12));
        assertThat(reading.probability()).isBetween(0.3, 0.7); // SELF_HARM and the negation pull equally
        assertThat(reading.category()).isEqualTo("SELF_HARM");
        assertThat(model.read(new float[] {0, 0, 1, 0}).probability()).isLessThan(0.01);
        assertThat(model.read(new float[] {1, 0, 0, 0}).probability()).isGreaterThan(0.99);
    }

    @Test
    void aModelWithHarmlessSplitByFrameReadsBack() {
        CrisisModel model = byFrame();

        CrisisModel back = CrisisModel.parse(model.format(), "model.tsv");

        assertThat(back.classes()).isEqualTo(model.classes());
        assertThat(back.read(new float[] {1, 0, 0.5f, 0}).probability())
                .isCloseTo(model.read(new float[] {1, 0, 0.5f, 0}).probability(), within(1e-6));
    }

    @Test
    void harmlessClassesAreHarmlessOrHarmlessSlashAFrame() {
        assertThat(CrisisModel.isHarmless("HARMLESS")).isTrue();
        assertThat(CrisisModel.isHarmless("HARMLESS/negation")).isTrue();
        assertThat(CrisisModel.isHarmless("HARMLESS/")).isFalse();
        assertThat(CrisisModel.isHarmless("HARMLESS/Negation")).isFalse();
        assertThat(CrisisModel.isHarmless("SELF_HARM")).isFalse();
    }

    @Test
    void refusesAModelWithoutAHarmlessClass() {
        List<String> classes = new ArrayList<>(CrisisModel.CATEGORIES);
        classes.add("SELF_HARM");

        assertThatThrownBy(() -> new CrisisModel(classes, new double[9][DIMS], new double[9], List.of()))
                .hasMessageContaining("a class named twice");
        assertThatThrownBy(() -> new CrisisModel(CrisisModel.CATEGORIES, new double[8][DIMS], new double[8], List.of()))
                .hasMessageContaining("no harmless class");
    }

    @Test
    void refusesAHarmlessFrameClassWithABadName() {
        String text = byFrame().format().replace("HARMLESS/media", "HARMLESS/Media");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv"))
                .hasMessageContaining("model.tsv:")
                .hasMessageContaining("unknown class HARMLESS/Media");
    }

    @Test
    void refusesARowTheHeaderDoesNotDeclare() {
        String text = byFrame().format().replace(",HARMLESS/media\n", "\n");

        assertThatThrownBy(() -> CrisisModel.parse(text, "model.tsv"))
                .hasMessageContaining("rows for [HARMLESS/media]");
    }

    private static String withoutLineStartingWith(String text, String prefix) {
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith(prefix)) {
                kept.add(line);
            }
        }
        return String.join("\n", kept) + "\n";
    }
}
