package dev.ganiqa.trainers;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did: counters that make equal epochs comparable in compute (critic and generator steps, images
 * seen, wall time), the last losses, whether it diverged and why, whether its generator collapsed, and where its files are. Written as
 * run.json in the run folder.
 *
 * @param epochsDone       completed epochs (a time-budget stop inside an epoch does not count it)
 * @param divergedReason   null unless {@code diverged}
 * @param savedModel       null when the weights are non-finite and nothing was exported
 * @param collapse         the collapse check of the final generator and the epochs before (null when the weights
 *                         are non-finite); a collapsed run is not diverged: it is exported and flagged
 */
public record TrainingRun(String variant, TrainConfig config, String data, int epochsDone, long generatorSteps,
                          long criticSteps, long imagesSeen, double wallSeconds, double finalCriticLoss,
                          double finalGeneratorLoss, boolean diverged, String divergedReason, Path runDir,
                          Path checkpoint, List<Path> grids, Path log, Path savedModel, Collapse collapse) {
}
