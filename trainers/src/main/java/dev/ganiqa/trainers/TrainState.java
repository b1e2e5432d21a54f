package dev.ganiqa.trainers;

/**
 * Counters saved with each checkpoint (state.json): with the deterministic noise keyed by step they are the
 * whole RNG position, so a resumed run continues exactly where the checkpoint was written.
 *
 * @param epoch    completed epochs
 * @param batch    batches already trained in epoch {@code epoch} (non-zero only after a time or generator-step budget stopped inside an epoch)
 * @param logBytes length of log.jsonl at the checkpoint; resume truncates the log there (no duplicate lines)
 */
public record TrainState(int epoch, int batch, long criticSteps, long generatorSteps, long imagesSeen, double wallSeconds,
                  long logBytes, double criticLoss, double generatorLoss) {
    public static TrainState start() {
        return new TrainState(0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);
    }
}
