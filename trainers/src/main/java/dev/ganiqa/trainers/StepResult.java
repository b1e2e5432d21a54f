package dev.ganiqa.trainers;

/**
 * One step as the loop's listeners see it: the logged statistics, plus what the divergence rule needs beyond them,
 * the raw float losses (the log keeps a penalty only for WGAN-GP) and whether a generator step ran.
 */
record StepResult(StepStats stats, float criticLoss, float penalty, boolean generatorStep) {
}
