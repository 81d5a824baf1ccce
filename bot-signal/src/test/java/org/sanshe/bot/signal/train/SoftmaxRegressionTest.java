package org.sanshe.bot.signal.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
    /** Three clusters around (±3, 0) and (0, 3) with noise, and a constant column (zero variance). */
    private static final double[][] X = new double[150][];

    private static final int[] Y = new int[150];

    static {
        Random random = new Random(7);
        double[][] centres = {{3, 0}, {-3, 0}, {0, 3}};
        for (int i = 0; i < X.length; i++) {
            int k = i % 3;
            Y[i] = k;
            X[i] = new double[] {centres[k][0] + random.nextGaussian(), centres[k][1] + random.nextGaussian(), 1.5};
        }
    }

    @Test
    void learnsSeparableClassesOnRawFeatures() {
        SoftmaxRegression.Fit fit = SoftmaxRegression.fit(X, Y, 3, 0.001, 300);

        double[][] p = SoftmaxRegression.predict(fit, new double[][] {{3, 0, 1.5}, {-3, 0, 1.5}, {0, 3, 1.5}});

        for (int k = 0; k < 3; k++) {
            assertThat(p[k][k]).as("class %d at its centre", k).isGreaterThan(0.9);
        }
    }

    @Test
    void theSameDataAndSettingsGiveTheSameWeights() {
        SoftmaxRegression.Fit a = SoftmaxRegression.fit(X, Y, 3, 0.01, 300);
        SoftmaxRegression.Fit b = SoftmaxRegression.fit(X, Y, 3, 0.01, 300);

        assertThat(a.weights()).isDeepEqualTo(b.weights());
        assertThat(a.bias()).isEqualTo(b.bias());
    }

    @Test
    void aStrongerPenaltyGivesSmallerWeights() {
        double weak = norm(SoftmaxRegression.fit(X, Y, 3, 0.001, 300));
        double strong = norm(SoftmaxRegression.fit(X, Y, 3, 1, 300));

        assertThat(strong).isLessThan(weak);
    }

    @Test
    void foldsAreStratifiedAndFixedBySeed() {
        int[] a = CrisisModelTrainer.Folds.stratified(Y, 3, 5, 42);
        int[] b = CrisisModelTrainer.Folds.stratified(Y, 3, 5, 42);

        assertThat(a).isEqualTo(b);
        int[][] perFoldAndClass = new int[5][3];
        for (int i = 0; i < Y.length; i++) {
            perFoldAndClass[a[i]][Y[i]]++;
        }
        for (int[] fold : perFoldAndClass) {
            assertThat(fold).containsOnly(10);
        }
    }

    private static double norm(SoftmaxRegression.Fit fit) {
        double s = 0;
        for (double[] row : fit.weights()) {
            for (double w : row) {
                s += w * w;
            }
        }
        return s;
    }
}
