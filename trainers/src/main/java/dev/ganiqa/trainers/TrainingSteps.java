package dev.ganiqa.trainers;

import dev.ganiqa.datasets.Batch;
import dev.ganiqa.datasets.ImageShape;

/**
 * Single critic and generator updates of a freshly initialised variant, outside the {@link Trainer} loop:
 * for step benchmarks and for callers who drive their own schedule. Not thread-safe; close it.
 */
public final class TrainingSteps implements AutoCloseable {
    private final GanGraph graph;
    private final Steps steps;
    private long criticSteps;
    private long generatorSteps;

    public TrainingSteps(TrainConfig config, ImageShape shape, int classes) {
        if (config.variant().conditional() != (classes > 0)) {
            throw new IllegalArgumentException("expected " + (config.variant().conditional() ? "classes > 0" : "0 classes")
                    + " for " + config.variant().name() + ", found " + classes);
        }
        graph = new GanGraph(config.hyperparameters(), shape, classes, config.seed(), config.threads());
        steps = new Steps(graph, config.seed());
    }

    /** One critic update; returns {critic loss, Wasserstein estimate, gradient penalty}. */
    public float[] criticStep(Batch batch) {
        return steps.critic(batch, criticSteps++);
    }

    /** One generator update on {@code n} fakes with these labels (null when unconditional); returns its loss. */
    public float generatorStep(int[] labels, int n) {
        return steps.generator(labels, n, generatorSteps++);
    }

    @Override
    public void close() {
        graph.close();
    }
}
