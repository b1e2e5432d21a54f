package dev.ganiqa.reports.model;

/**
 * The one-sentence answer at the top of the report.
 *
 * @param sentence   e.g. "cwgan has the lowest FID (12.3 +- 0.4 over 3 seeds); the difference to wgan is
 *                   significant (p=0.01)."
 * @param confidence how sure the statistics allow us to be
 * @param metric     the metric the verdict is about
 * @param winner     the best variant on that metric (null when nothing ran OK)
 * @param provisional true when ranked units were still improving (or could not be told) at the end of the
 *                    budget: the ranking is then one of early training speed, and the sentence says so
 */
public record Verdict(String sentence, Confidence confidence, String metric, String winner, boolean provisional) {
    public Verdict {
        Checks.text(sentence, "verdict sentence");
        Checks.present(confidence, "verdict confidence");
    }

    public Verdict(String sentence, Confidence confidence, String metric, String winner) {
        this(sentence, confidence, metric, winner, false);
    }

    /** HIGH: the winner beats every other variant significantly; MODERATE: some; LOW: none; NONE: untestable. */
    public enum Confidence { HIGH, MODERATE, LOW, NONE }
}
