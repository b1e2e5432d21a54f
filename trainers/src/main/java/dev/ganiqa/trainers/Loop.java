package dev.ganiqa.trainers;

import dev.ganiqa.datasets.Batch;
import dev.ganiqa.datasets.ImageDataset;
import java.util.Iterator;
import java.util.Optional;

/**
 * The training loop: per batch one critic step (a fresh real batch each, as in WGAN algorithm 1) and, after every
 * n_critic-th critic step, one generator step. Each epoch visits the data in the order
 * {@code data.batches(batch, Trainer.epochSeed(seed, epoch), dropLast=true)}, identical for every variant of a seed.
 * The loop only steps and checks the budget it counts (epochs, generator steps); everything else, the time budget
 * and divergence included, is a {@link LoopListener}.
 */
final class Loop {
    private final TrainConfig config;
    private final ImageDataset data;
    private final Steps steps;
    private final int perEpoch;
    private final LoopListener listeners;
    private final Stopwatch clock;
    private EpochState state;
    private Stop stop;

    /** Where the loop stopped and why. */
    record End(EpochState last, Stop stop) {
    }

    Loop(TrainConfig config, ImageDataset data, Steps steps, int perEpoch, LoopListener listeners, Stopwatch clock) {
        this.config = config;
        this.data = data;
        this.steps = steps;
        this.perEpoch = perEpoch;
        this.listeners = listeners;
        this.clock = clock;
    }

    End run(TrainState from) {
        state = EpochState.of(from);
        listeners.onStart(from);
        stop = stopReason(state.epoch(), state.generatorSteps());
        while (stop == null) {
            trainEpoch();
        }
        listeners.onLoopEnd(state, stop);
        return new End(state, stop);
    }

    /** The rest of epoch {@code state.epoch()}, or as much of it as the budget and the listeners allow. */
    private void trainEpoch() {
        int epoch = state.epoch();
        Iterator<Batch> batches = data.batches(config.batchSize(), Trainer.epochSeed(config.seed(), epoch), true)
                .iterator();
        for (int skip = 0; skip < state.batch(); skip++) {
            batches.next();
        }
        int nCritic = config.hyperparameters().nCritic();
        boolean wasserstein = config.hyperparameters().loss() == Loss.WASSERSTEIN;
        boolean penalty = config.hyperparameters().lipschitz() == Lipschitz.GRADIENT_PENALTY;
        long critic = state.criticSteps();
        long gen = state.generatorSteps();
        long seen = state.imagesSeen();
        double criticLoss = state.criticLoss();
        double generatorLoss = state.generatorLoss();
        int b = state.batch();
        while (b < perEpoch && stop == null) {
            Batch batch = batches.next();
            long t0 = System.nanoTime();
            float[] c = steps.critic(batch, critic);
            critic++;
            seen += batch.size();
            criticLoss = c[0];
            boolean generatorStep = critic % nCritic == 0;
            double g = Double.NaN;
            if (generatorStep) {
                g = steps.generator(batch.labels(), batch.size(), gen);
                gen++;
                generatorLoss = g;
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            StepStats stats = new StepStats(epoch, b, perEpoch, critic, gen, seen, c[0], g,
                    wasserstein ? c[1] : Double.NaN, penalty ? c[2] : Double.NaN, ms, clock.seconds());
            listeners.onStep(new StepResult(stats, c[0], c[2], generatorStep));
            b++;
            stop = stopReason(epoch, gen);
        }
        boolean epochDone = b == perEpoch;
        state = new EpochState(epochDone ? epoch + 1 : epoch, epochDone ? 0 : b, critic, gen, seen, clock.seconds(),
                criticLoss, generatorLoss);
        if (stop != null && !stop.weightsFinite()) {
            return; // nothing is drawn from or saved of unusable weights
        }
        if (epochDone) {
            listeners.onEpochEnd(state);
            if (stop == null) {
                stop = stopReason(state.epoch(), gen);
            }
        } else {
            listeners.onStopInsideEpoch(state, stop);
        }
    }

    /**
     * A listener's reason first (so a loss that explodes on the budget's last step counts as diverged), else the
     * budget on the axes the loop counts; null to go on. Time budgets end through {@link TimeBudgetListener}.
     */
    private Stop stopReason(int epochsDone, long generatorSteps) {
        Optional<Stop> listener = listeners.stop();
        if (listener.isPresent()) {
            return listener.get();
        }
        Budget budget = config.budget();
        boolean reached = !budget.timed() && budget.reached(epochsDone, generatorSteps, 0);
        return reached ? Stop.budget("budget " + budget + " reached") : null;
    }
}
