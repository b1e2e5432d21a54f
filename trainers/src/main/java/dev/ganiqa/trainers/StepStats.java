package dev.ganiqa.trainers;

/**
 * One critic (discriminator) step, as logged to log.jsonl. Values that a variant does not have are NaN
 * ({@code generatorLoss} on critic-only steps, {@code wasserstein} and {@code gradientPenalty} for DCGANs).
 *
 * @param epoch          0-based epoch of this step
 * @param batch          0-based batch within the epoch
 * @param batchesPerEpoch full batches per epoch (the last partial batch is dropped)
 * @param criticLoss     D's adversarial loss (without the penalty)
 * @param wasserstein    E[D(x)] - E[D(G(z))] for Wasserstein critics
 * @param gradientPenalty lambda * E[(||grad D(x_hat)|| - 1)^2] for WGAN-GP
 * @param stepMillis     wall time of this critic step plus the generator step that followed it, if any
 * @param elapsedSeconds training wall time so far, across resumes
 */
public record StepStats(int epoch, int batch, int batchesPerEpoch, long criticSteps, long generatorSteps,
                        long imagesSeen, double criticLoss, double generatorLoss, double wasserstein,
                        double gradientPenalty, double stepMillis, double elapsedSeconds) {
    String toJson() {
        return "{\"epoch\":" + epoch + ",\"batch\":" + batch + ",\"critic_steps\":" + criticSteps
                + ",\"generator_steps\":" + generatorSteps + ",\"images_seen\":" + imagesSeen
                + ",\"critic_loss\":" + num(criticLoss) + ",\"generator_loss\":" + num(generatorLoss)
                + ",\"wasserstein\":" + num(wasserstein) + ",\"gradient_penalty\":" + num(gradientPenalty)
                + ",\"step_ms\":" + num(stepMillis) + ",\"elapsed_s\":" + num(elapsedSeconds) + "}";
    }

    /** JSON has no NaN: absent or non-finite values are null (a non-finite loss also ends the run as diverged). */
    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
