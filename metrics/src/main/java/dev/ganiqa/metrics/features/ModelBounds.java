package dev.ganiqa.metrics.features;

/**
 * The bounds every size a model file declares is checked against, in long arithmetic, before anything is sized
 * from it. A model's shapes are data read from a file, as untrusted as an image header: the batch's pixels, its
 * floats and the buffer handed to the runtime are all allocated from them, and a declared 10^10-pixel input or a
 * batch of 10^9 once overflowed {@code int} casts into negative sizes and out-of-bounds indices. A dimension below
 * 0 is dynamic (ONNX Runtime and TensorFlow report -1 for a symbolic or unknown one): it is bounded where a value
 * is chosen for it ({@code ?size=}, the runner's batch). A model outside these bounds is refused when it is opened,
 * in one line naming its file, as a fault of the model, not of the command line.
 */
final class ModelBounds {
    /**
     * Largest declared image height or width, the bound {@code ?size=HxW} has: 36 times the 224 of CLIP and DINOv2,
     * 27 times Inception's 299; one 8192x8192 RGB image is already 805 MB of float32.
     */
    static final long MAX_SIDE = 8192;
    /**
     * Largest declared static batch. Exported extractors declare 1 (the TTUR graph) or a few dozen; every run is
     * padded up to the static batch, so this bounds what one image can cost.
     */
    static final long MAX_STATIC_BATCH = 4096;
    /**
     * Widest feature vector: the statistics hold a d x d covariance in double and FID takes its square root, so
     * 16384 features are 2 GiB per matrix; the extractors in use have 2048 (Inception) or fewer (CLIP, DINOv2).
     */
    static final long MAX_FEATURES = 16384;
    /** Most classes: ImageNet-21k's 21,843 fit; probabilities are kept per image (images x classes floats). */
    static final long MAX_CLASSES = 65536;
    /**
     * Most input values in one run (batch x height x width x channels): the buffer ONNX Runtime reads is a direct
     * buffer sized in int bytes ({@code ByteBuffer.allocateDirect}) and Java arrays are int-indexed, so one run
     * holds at most 2^31 - 1 bytes of float32.
     */
    static final long MAX_RUN_VALUES = Integer.MAX_VALUE / Float.BYTES;

    private ModelBounds() {
    }

    /**
     * Why a declared image input is out of bounds, as the {@code with ...} of an "expected" message, or null when
     * it is within them: {@code batch}, {@code height}, {@code width} as declared, each below 0 when dynamic.
     */
    static String imageInput(long batch, long height, long width) {
        if (batch == 0 || batch > MAX_STATIC_BATCH) {
            return "a static batch in 1.." + MAX_STATIC_BATCH + " (or a dynamic one)";
        }
        if (height == 0 || width == 0 || height > MAX_SIDE || width > MAX_SIDE) {
            return "height and width in 1.." + MAX_SIDE + " (the bound of ?size=) or dynamic";
        }
        return null;
    }

    /**
     * Why one run of {@code batch} images of {@code height x width x channels} is too large, or null; each factor
     * positive and already within its own bound, so the product cannot overflow a long.
     */
    static String runValues(long batch, long height, long width, long channels) {
        long values = batch * height * width * channels;
        return values <= MAX_RUN_VALUES ? null
                : "at most " + MAX_RUN_VALUES + " values in one run (batch x height x width x channels), "
                        + batch + " x " + height + " x " + width + " x " + channels + " = " + values;
    }

    /** How many images of {@code valuesPerImage} fit in one run of at most {@code wanted}: at least 1. */
    static int imagesPerRun(int wanted, long valuesPerImage) {
        return (int) Math.max(1, Math.min(wanted, MAX_RUN_VALUES / Math.max(1, valuesPerImage)));
    }
}
