package dev.ganiqa.metrics.stats;

/**
 * Inception Score from class probabilities (Salimans et al., "Improved Techniques for Training GANs", 2016):
 * the rows are cut into {@code splits} consecutive parts [i N / s, (i+1) N / s) and each part scores
 * exp(mean_x KL(p(y|x) || p(y))) with p(y) the part's mean; the result is the mean and population std over
 * parts, as torch-fidelity's {@code isc_featuresdict_to_metric} (10 splits by default). torch-fidelity
 * shuffles rows first (seeded) and works from logits; pass rows in the order wanted. 0 log 0 counts as 0.
 */
public final class InceptionScore {
    public static final int DEFAULT_SPLITS = 10;

    private InceptionScore() {
    }

    public record Result(double mean, double std, int splits) {
    }

    public static Result compute(FeatureMatrix probabilities, int splits) {
        int n = probabilities.rows();
        int c = probabilities.cols();
        if (splits < 1 || n < splits) {
            throw new IllegalArgumentException("expected 1 <= splits <= " + n + " rows, found " + splits + " splits");
        }
        double[] p = probabilities.data();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < c; j++) {
                double v = p[i * c + j];
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("expected probabilities in [0, 1], found " + v + " at row " + i);
                }
                s += v;
            }
            if (Math.abs(s - 1) > 1e-3) {
                throw new IllegalArgumentException("expected rows summing to 1, found " + s + " at row " + i);
            }
        }
        double[] scores = new double[splits];
        for (int k = 0; k < splits; k++) {
            int from = (int) ((long) k * n / splits);
            int to = (int) ((long) (k + 1) * n / splits);
            double[] q = new double[c];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < c; j++) {
                    q[j] += p[i * c + j];
                }
            }
            for (int j = 0; j < c; j++) {
                q[j] /= to - from;
            }
            double kl = 0;
            for (int i = from; i < to; i++) {
                double row = 0;
                for (int j = 0; j < c; j++) {
                    double v = p[i * c + j];
                    if (v > 0) {
                        row += v * (Math.log(v) - Math.log(q[j]));
                    }
                }
                kl += row;
            }
            scores[k] = Math.exp(kl / (to - from));
        }
        double mean = 0;
        for (double s : scores) {
            mean += s;
        }
        mean /= splits;
        double var = 0;
        for (double s : scores) {
            var += (s - mean) * (s - mean);
        }
        return new Result(mean, Math.sqrt(var / splits), splits);
    }
}
