package dev.ganiqa.trainers;

import java.nio.file.Path;

/** The end of one epoch: counters, the last losses and the fixed-noise grid written for it. */
public record EpochSummary(int epoch, int epochs, long criticSteps, long generatorSteps, long imagesSeen,
                           double criticLoss, double generatorLoss, double elapsedSeconds, Path grid,
                           Path checkpoint) {
}
