package dev.ganiqa.trainers;

import java.nio.file.Path;

/**
 * The end of one epoch (or of the budget inside an epoch): counters on every budget axis, the last losses and the
 * fixed-noise grid written for it.
 *
 * @param epoch  completed epochs
 * @param epochs the epoch budget, 0 for generator-step and time budgets
 * @param grid   null at a budget end inside an epoch (grids are drawn per epoch)
 */
public record EpochSummary(int epoch, int epochs, long criticSteps, long generatorSteps, long imagesSeen,
                           double criticLoss, double generatorLoss, double elapsedSeconds, Path grid) {
}
