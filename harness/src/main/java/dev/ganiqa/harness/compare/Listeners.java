package dev.ganiqa.harness.compare;

import dev.ganiqa.trainers.EpochSummary;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.StepStats;
import dev.ganiqa.trainers.TrainConfig;
import dev.ganiqa.trainers.TrainState;
import dev.ganiqa.trainers.TrainingListener;
import dev.ganiqa.trainers.TrainingRun;

/** Combines training listeners; each callback goes to both, in order. */
final class Listeners {
    private Listeners() {
    }

    static TrainingListener both(TrainingListener a, TrainingListener b) {
        return new TrainingListener() {
            @Override
            public void onStart(TrainConfig config, int batchesPerEpoch, int totalEpochs, TrainState from) {
                a.onStart(config, batchesPerEpoch, totalEpochs, from);
                b.onStart(config, batchesPerEpoch, totalEpochs, from);
            }

            @Override
            public void onStep(StepStats stats) {
                a.onStep(stats);
                b.onStep(stats);
            }

            @Override
            public void onEpochEnd(EpochSummary summary, Generator generator) {
                a.onEpochEnd(summary, generator);
                b.onEpochEnd(summary, generator);
            }

            @Override
            public void onBudgetEnd(EpochSummary summary, Generator generator) {
                a.onBudgetEnd(summary, generator);
                b.onBudgetEnd(summary, generator);
            }

            @Override
            public void onEnd(TrainingRun run) {
                a.onEnd(run);
                b.onEnd(run);
            }
        };
    }
}
