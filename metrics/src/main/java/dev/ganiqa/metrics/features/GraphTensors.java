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
    /**
     * The out-of-distribution score (shape [n]): the rejection class's probability, with a rotation head the larger of
     * it and the scaled rotation surprise; only in graphs trained with either.
     */
    public static final String REJECTION_OUTPUT = "rejection";

    private GraphTensors() {
    }
}
