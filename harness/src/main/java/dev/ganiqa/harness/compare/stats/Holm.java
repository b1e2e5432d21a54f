package dev.ganiqa.harness.compare.stats;

/**
 * Holm's step-down correction (Holm 1979, "A simple sequentially rejective multiple test procedure"): with the
 * m p-values sorted ascending, {@code p_adj(i) = max over j <= i of min(1, (m - j + 1) * p(j))}. Controls the
 * family-wise error rate like Bonferroni, with more power. Same result as
 * {@code statsmodels.stats.multitest.multipletests(p, method="holm")}.
 */
public final class Holm {
    private Holm() {
    }

    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
