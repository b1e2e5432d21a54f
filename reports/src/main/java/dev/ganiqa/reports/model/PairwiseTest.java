package dev.ganiqa.reports.model;

/**
 * One two-sided test of "variant A and variant B differ on this metric".
 *
 * @param metric      metric id
 * @param variantA    first variant
 * @param variantB    second variant
 * @param test        test name, e.g. {@code Welch t} or {@code Mann-Whitney U}
 * @param nA          seeds of A
 * @param nB          seeds of B
 * @param pValue      raw p-value (NaN is never stored: untestable pairs have {@code pValue} 1 and a note)
 * @param pAdjusted   Holm-adjusted p-value over all tests of the same metric
 * @param significant {@code pAdjusted < 0.05}
 * @param note        e.g. "2 seeds per variant: no power" (null when none)
 */
public record PairwiseTest(String metric, String variantA, String variantB, String test, int nA, int nB,
                           double pValue, double pAdjusted, boolean significant, String note) {
    public PairwiseTest {
        Checks.text(metric, "test metric");
        Checks.text(variantA, "variantA");
        Checks.text(variantB, "variantB");
        Checks.finite(pValue, "pValue");
        Checks.finite(pAdjusted, "pAdjusted");
    }
}
