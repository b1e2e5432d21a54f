package dev.ganiqa.metrics.features;

/**
 * Names of the ops in every graph ganiqa exports for an extractor (written by {@code features.train}, read by
 * {@link FrozenGraphs}): kept here, beside the reader, so the loaders never depend on the training code.
 */
public final class GraphTensors {
    public static final String INPUT = "images";
    public static final String FEATURES_OUTPUT = "features";
    public static final String LOGITS_OUTPUT = "logits";
    public static final String PROBABILITIES_OUTPUT = "probabilities";
    /** Probability of the rejection class (shape [n]), only in graphs trained with one. */
    public static final String REJECTION_OUTPUT = "rejection";

    private GraphTensors() {
    }
}
