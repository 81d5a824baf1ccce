package org.sanshe.bot.signal.train;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Multinomial logistic regression with an L2 penalty on the weights (not the biases), fitted by full-batch L-BFGS from
 * zero: the loss is convex, so the result depends only on the data and the settings. Features are standardised for the
 * fit (sentence embeddings are far from isotropic, and plain gradient steps crawl on them) and the standardisation is
 * folded back into the weights, so a model reads raw embeddings.
 */
final class SoftmaxRegression {
    private static final int HISTORY = 10;

    /** Weights and biases over raw features; {@code iterations} taken and the final penalised loss. */
    record Fit(double[][] weights, double[] bias, int iterations, double loss) {}

    private SoftmaxRegression() {}

    /**
     * @param x one row per example
     * @param y each example's class, 0 … classes − 1
     * @param l2 the penalty λ in {@code mean log-loss + λ/2 · |W|²} (on standardised features)
     */
    static Fit fit(double[][] x, int[] y, int classes, double l2, int maxIterations) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.max(Math.sqrt(scale[j]), 1e-6);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        Objective objective = new Objective(z, y, classes, l2);
        double[] theta = new double[classes * (d + 1)];
        int iterations = minimise(objective, theta, maxIterations);

        double[][] weights = new double[classes][d];
        double[] bias = new double[classes];
        for (int k = 0; k < classes; k++) {
            int base = k * (d + 1);
            bias[k] = theta[base];
            for (int j = 0; j < d; j++) {
                weights[k][j] = theta[base + 1 + j] / scale[j];
                bias[k] -= theta[base + 1 + j] * mean[j] / scale[j];
            }
        }
        return new Fit(weights, bias, iterations, objective.value(theta, new double[theta.length]));
    }

    /** P(class | x) for each row, with weights over raw features. */
    static double[][] predict(Fit fit, double[][] x) {
        int classes = fit.bias().length;
        double[][] p = new double[x.length][classes];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double s = fit.bias()[k];
                double[] w = fit.weights()[k];
                for (int j = 0; j < w.length; j++) {
                    s += w[j] * x[i][j];
                }
                p[i][k] = s;
                max = Math.max(max, s);
            }
            softmaxInPlace(p[i], max);
        }
        return p;
    }

    private static void softmaxInPlace(double[] logits, double max) {
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= sum;
        }
    }

    /** L-BFGS with a backtracking (Armijo) line search; returns the iterations taken. */
    private static int minimise(Objective f, double[] x, int maxIterations) {
        int size = x.length;
        double[] g = new double[size];
        double fx = f.value(x, g);
        Deque<double[]> ss = new ArrayDeque<>();
        Deque<double[]> ys = new ArrayDeque<>();
        double[] xNew = new double[size];
        double[] gNew = new double[size];
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            double[] dir = direction(g, ss, ys);
            double slope = dot(g, dir);
            if (slope >= 0) { // not a descent direction: forget the history and go down the gradient
                ss.clear();
                ys.clear();
                dir = scaled(g, -1);
                slope = dot(g, dir);
            }
            double step = ss.isEmpty() ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
            double fNew = Double.NaN;
            for (int tries = 0; tries < 50; tries++) {
                for (int i = 0; i < size; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.value(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope) {
                    break;
                }
                step /= 2;
            }
            if (!(fNew <= fx)) {
                break; // no progress possible at this precision
            }
            double[] s = new double[size];
            double[] yv = new double[size];
            for (int i = 0; i < size; i++) {
                s[i] = xNew[i] - x[i];
                yv[i] = gNew[i] - g[i];
            }
            if (dot(s, yv) > 1e-12) {
                ss.addLast(s);
                ys.addLast(yv);
                if (ss.size() > HISTORY) {
                    ss.removeFirst();
                    ys.removeFirst();
                }
            }
            double change = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, size);
            System.arraycopy(gNew, 0, g, 0, size);
            fx = fNew;
            if (maxAbs(g) < 1e-6 || change < 1e-12 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return iteration;
    }

    /** The two-loop recursion: −H·g with H the L-BFGS inverse Hessian estimate. */
    private static double[] direction(double[] g, Deque<double[]> ss, Deque<double[]> ys) {
        double[] q = g.clone();
        int m = ss.size();
        double[][] s = ss.toArray(new double[0][]);
        double[][] y = ys.toArray(new double[0][]);
        double[] alpha = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            alpha[i] = dot(s[i], q) / dot(y[i], s[i]);
            axpy(-alpha[i], y[i], q);
        }
        if (m > 0) {
            double gamma = dot(s[m - 1], y[m - 1]) / dot(y[m - 1], y[m - 1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double beta = dot(y[i], q) / dot(y[i], s[i]);
            axpy(alpha[i] - beta, s[i], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scaled(double[] v, double a) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = a * v[i];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    /** Mean cross-entropy plus λ/2·|W|² over the flattened parameters (per class: bias, then d weights). */
    private record Objective(double[][] z, int[] y, int classes, double l2) {
        double value(double[] theta, double[] grad) {
            int n = z.length;
            int d = z[0].length;
            Arrays.fill(grad, 0);
            double loss = 0;
            double[] p = new double[classes];
            for (int i = 0; i < n; i++) {
                double[] row = z[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    int base = k * (d + 1);
                    double s = theta[base];
                    for (int j = 0; j < d; j++) {
                        s += theta[base + 1 + j] * row[j];
                    }
                    p[k] = s;
                    max = Math.max(max, s);
                }
                softmaxInPlace(p, max);
                loss -= Math.log(Math.max(p[y[i]], 1e-300));
                for (int k = 0; k < classes; k++) {
                    double e = (p[k] - (k == y[i] ? 1 : 0)) / n;
                    int base = k * (d + 1);
                    grad[base] += e;
                    for (int j = 0; j < d; j++) {
                        grad[base + 1 + j] += e * row[j];
                    }
                }
            }
            loss /= n;
            for (int k = 0; k < classes; k++) {
                int base = k * (d + 1);
                for (int j = 0; j < d; j++) {
                    double w = theta[base + 1 + j];
                    loss += l2 / 2 * w * w;
                    grad[base + 1 + j] += l2 * w;
                }
            }
            return loss;
        }
    }
}
