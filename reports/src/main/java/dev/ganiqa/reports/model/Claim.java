package dev.ganiqa.reports.model;

/**
 * One claim of the study this project makes measurable ("Image Quality Assessment of Deepfakes produced by
 * Different Generative Adversarial Networks", 2022, which judged by eye after equal epochs), answered from this
 * run's units with tests across seeds.
 *
 * @param claim    the claim in words, e.g. "WGAN images are sharper and less noisy than DCGAN images"
 * @param answer   what this run says
 * @param evidence the numbers behind the answer, in words
 */
public record Claim(String claim, Answer answer, String evidence) {
    public Claim {
        Checks.text(claim, "claim");
        Checks.present(answer, "answer to '" + claim + "'");
        Checks.text(evidence, "evidence for '" + claim + "'");
    }

    /**
     * SUPPORTED / CONTRADICTED: every comparison significant in the claim's direction / one significant in the
     * opposite direction; NOT_DECIDED: neither (with the smallest difference the seeds could detect); NOT_TESTED: the
     * run lacks the variants or the seeds. NOT_SUPPORTED_AT_THIS_BUDGET is how files written before NOT_DECIDED
     * said it.
     */
    public enum Answer {
        SUPPORTED("supported"), CONTRADICTED("contradicted"), NOT_DECIDED("not decided"),
        NOT_SUPPORTED_AT_THIS_BUDGET("not supported at this budget"), NOT_TESTED("not tested");

        public final String words;

        Answer(String words) {
            this.words = words;
        }
    }
}
