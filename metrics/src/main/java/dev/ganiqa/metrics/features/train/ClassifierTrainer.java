package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.Batches;
import dev.ganiqa.datasets.Folders;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Sha256;
import dev.ganiqa.metrics.features.GraphTensors;
import dev.ganiqa.metrics.features.TfConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains a {@link ClassifierNet} on a labelled dataset, freezes it (weights as constants in an
 * inference-only GraphDef) and exports a SavedModel. The reported accuracy is measured by the frozen
 * graph itself over the whole test split, so it is the accuracy of the artefact that ships.
 */
public final class ClassifierTrainer {
    private final TrainingConfig config;
    private final Consumer<String> log;

    public ClassifierTrainer(TrainingConfig config, Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    public TrainingResult train(ImageDataset trainSet, ImageDataset testSet, String name, String data, Path outDir)
            throws IOException {
        if (!trainSet.hasLabels() || !testSet.hasLabels()) {
            throw new IllegalArgumentException(trainSet.description() + ": expected a labelled dataset, found no labels");
        }
        if (!trainSet.shape().equals(testSet.shape())) {
            throw new IllegalArgumentException(testSet.description() + ": expected test images of shape "
                    + trainSet.shape() + ", found " + testSet.shape());
        }
        long start = System.nanoTime();
        ClassifierNet net = new ClassifierNet(trainSet.shape(), trainSet.classNames().size(), config.reject() > 0,
                config.rotation() != RotationHead.NONE);
        Files.createDirectories(outDir);
        Path savedModel = outDir.resolve("savedmodel");
        ImageDataset fitSet = trainSet;
        ImageDataset calibration = null;
        if (net.rotation()) {
            ImageDataset[] parts = calibrationSplit(trainSet, config.calibrationSeed());
            fitSet = parts[0];
            calibration = parts[1];
        }
        ImageDataset realSet = fitSet;
        if (config.reject() > 0) {
            fitSet = RejectionImages.withRejectionClass(realSet, config.reject(), config.seed() * 31 + 7,
                    config.negatives());
            log.accept(String.format("rejection class: %d synthetic non-object images (%s) as class %d (%s)",
                    config.reject(), config.negatives().id(),
                    trainSet.classNames().size(), RejectionImages.CLASS_NAME));
        }
        ClassifierCheckpoints checkpoints = new ClassifierCheckpoints(outDir, ClassifierCheckpoints.identity(config, fitSet));
        if (checkpoints.any()) {
            // A run stopped after its export began: the SavedModel there is this run's, and its checkpoint can
            // export it again.
            Folders.deleteTree(savedModel);
        } else {
            deleteIfEmpty(savedModel);
        }
        Map<String, float[]> weights = fit(net, fitSet, calibration, savedModel, checkpoints);
        byte[] frozen = freeze(net, weights);
        Path pb = outDir.resolve(name + ".pb");
        writeAtomically(pb, frozen);
        double accuracy = FrozenAccuracy.measure(frozen, testSet, config.batchSize(), config.threads());
        double seconds = (System.nanoTime() - start) / 1e9;
        log.accept(String.format("test accuracy %.4f on %d images (frozen graph)", accuracy, testSet.size()));
        // Only now: a stop at any moment before leaves a checkpoint to finish from.
        checkpoints.clear();
        float[] thresholds = net.rotation() ? weights.get(RotationPretext.THRESHOLD).clone() : new float[0];
        return new TrainingResult(name, pb, savedModel, Sha256.hex(frozen), accuracy, testSet.size(), realSet.size(),
                net.classes(), ClassifierNet.FEATURES, config, data, seconds, thresholds,
                calibration == null ? 0 : calibration.size());
    }

    /**
     * [fit, calibration]: the images a rotation-head classifier trains on and the ones its thresholds are calibrated
     * on, which it never trains on (one in twelve: 5,000 of 60,000), chosen by {@code seed}; also where a union's
     * gate threshold is chosen ({@code ganiqa extractor union}).
     */
    public static ImageDataset[] calibrationSplit(ImageDataset trainSet, long seed) {
        return dev.ganiqa.datasets.SubsetDataset.holdOut(trainSet, 1.0 / 12, seed * 13 + 5);
    }

    private Map<String, float[]> fit(ClassifierNet net, ImageDataset trainSet, ImageDataset calibration,
            Path savedModel, ClassifierCheckpoints checkpoints) throws IOException {
        ImageShape shape = trainSet.shape();
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName(GraphTensors.INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
            Placeholder<TFloat32> y = tf.withName("labels").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, net.outputs())));
            Map<String, Variable<TFloat32>> vars = new LinkedHashMap<>();
            SplittableRandom random = new SplittableRandom(config.seed());
            for (ClassifierNet.Param p : net.params()) {
                vars.put(p.name(), tf.withName(p.name()).variable(
                        tf.constant(Shape.of(p.shape()), DataBuffers.of(initial(p, random), true, false))));
            }
            Rotation rotation = null;
            if (net.rotation()) {
                rotation = new Rotation(
                        tf.withName("turned").placeholder(TFloat32.class,
                                Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels()))),
                        tf.withName("turns").placeholder(TFloat32.class,
                                Placeholder.shape(Shape.of(-1, RotationPretext.TURNS))),
                        tf.withName("turn_mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1))),
                        tf.withName("threshold_in").placeholder(TFloat32.class,
                                Placeholder.shape(Shape.of(net.classes()))));
            }
            ClassifierNet.Weights w = (ops, n, dims) -> vars.get(n);
            ClassifierNet.Outputs trainOut = net.build(tf, x, w, config.seed() * 7919 + 17);
            Operand<TFloat32> loss = tf.math.mean(
                    tf.nn.softmaxCrossEntropyWithLogits(trainOut.allLogits(), y).loss(), tf.constant(0));
            Op assignThreshold = null;
            if (rotation != null) {
                // The rotation loss over the real images of the batch only (turn_mask 0 for rejection images).
                Operand<TFloat32> perImage = tf.nn.softmaxCrossEntropyWithLogits(
                        net.rotationLogits(tf, rotation.turned(), w), rotation.turns()).loss();
                Operand<TFloat32> masked = tf.math.div(tf.reduceSum(tf.math.mul(perImage, rotation.mask()),
                        tf.constant(0)), tf.math.maximum(tf.reduceSum(rotation.mask(), tf.constant(0)), tf.constant(1f)));
                loss = tf.math.add(loss, tf.math.mul(masked, tf.constant(RotationPretext.WEIGHT)));
            }
            Stability stability = null;
            if (config.noiseStability() > 0) {
                stability = new Stability(
                        tf.withName("noisy").placeholder(TFloat32.class,
                                Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels()))),
                        tf.withName("noisy_mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1))));
                loss = tf.math.add(loss, StabilityTerm.loss(tf, net, trainOut.features(), stability.noisy(),
                        stability.mask(), w));
            }
            Op step = new Adam(g, config.learningRate()).minimize(loss, "train");
            if (rotation != null) {
                // Made after the optimiser, which would otherwise look for its gradient; off (a huge threshold)
                // until calibrated after training.
                float[] off = new float[net.classes()];
                java.util.Arrays.fill(off, 1e30f);
                vars.put(RotationPretext.THRESHOLD, tf.withName(RotationPretext.THRESHOLD).variable(
                        tf.constant(Shape.of(net.classes()), DataBuffers.of(off, true, false))));
                assignThreshold = tf.assign(vars.get(RotationPretext.THRESHOLD), rotation.thresholdIn());
            }
            ClassifierNet.Outputs evalOut = net.build(tf, x, w, null);
            Operand<TFloat32> probabilities = net.heads(tf, x, evalOut, w);
            try (Session s = new Session(g, TfConfig.threads(config.threads()))) {
                s.initialize();
                int done = checkpoints.restore(s, config.epochs());
                if (done > 0) {
                    log.accept(String.format("continuing from the checkpoint of epoch %d/%d", done, config.epochs()));
                }
                for (int epoch = done; epoch < config.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    double sum = epoch(s, x, y, rotation, stability, step, loss, trainSet, epoch);
                    checkpoints.save(s, epoch + 1);
                    log.accept(String.format("epoch %d/%d: loss %.4f (%.0f s)", epoch + 1, config.epochs(), sum,
                            (System.nanoTime() - t0) / 1e9));
                }
                if (rotation != null) {
                    int[] assigned = new int[calibration.size()];
                    float[] surprises = surprises(s, x, g, calibration, tf.math.argMax(evalOut.logits(), tf.constant(1)),
                            assigned);
                    float[] thresholds = new float[net.classes()];
                    if (config.rotation() == RotationHead.PER_CLASS) {
                        thresholds = RotationPretext.thresholds(surprises, assigned, net.classes());
                    } else {
                        java.util.Arrays.fill(thresholds, RotationPretext.threshold(surprises));
                    }
                    try (TFloat32 t = TFloat32.tensorOf(Shape.of(net.classes()), DataBuffers.of(thresholds, true, false))) {
                        s.runner().feed(rotation.thresholdIn(), t).addTarget(assignThreshold).run();
                    }
                    log.accept(String.format(java.util.Locale.ROOT, "rotation thresholds %s (%s): the %.0fth "
                            + "percentile of the rotation surprise of %d calibration images held out of training",
                            java.util.Arrays.toString(thresholds), config.rotation().id(), 100 * RotationPretext.ACCEPTED, calibration.size()));
                }
                Map<String, float[]> values = new LinkedHashMap<>();
                for (Map.Entry<String, Variable<TFloat32>> e : vars.entrySet()) {
                    try (Result r = s.runner().fetch(e.getValue()).run()) {
                        TFloat32 t = (TFloat32) r.get(0);
                        float[] v = new float[Math.toIntExact(t.size())];
                        t.copyTo(DataBuffers.of(v, false, false));
                        values.put(e.getKey(), v);
                    }
                }
                Signature.Builder signature = Signature.builder()
                        .key(Signature.DEFAULT_KEY).input(GraphTensors.INPUT, x)
                        .output(GraphTensors.FEATURES_OUTPUT, evalOut.features())
                        .output(GraphTensors.LOGITS_OUTPUT, evalOut.logits())
                        .output(GraphTensors.PROBABILITIES_OUTPUT, probabilities);
                if (net.outOfDistributionScore()) {
                    signature.output(GraphTensors.REJECTION_OUTPUT,
                            g.operation(GraphTensors.REJECTION_OUTPUT).output(0));
                }
                if (net.rotation()) {
                    signature.output(RotationPretext.SURPRISE_OUTPUT,
                            g.operation(RotationPretext.SURPRISE_OUTPUT).output(0));
                }
                SavedModelBundle.exporter(savedModel.toString()).withSession(s).withSignature(signature.build()).export();
                return values;
            }
        }
    }

    /** The placeholders of the stability term: the batch's noisy copies and which of them are real images. */
    private record Stability(Placeholder<TFloat32> noisy, Placeholder<TFloat32> mask) {
    }

    /** The placeholders of the rotation head's training batch and of its threshold's assignment. */
    private record Rotation(Placeholder<TFloat32> turned, Placeholder<TFloat32> turns, Placeholder<TFloat32> mask,
                            Placeholder<TFloat32> thresholdIn) {
    }

    /**
     * The rotation surprise of every image of {@code images}, by the graph's own output, in batches; the class each
     * is assigned ({@code classOf}, the graph's argmax of the logits, as its threshold is chosen) goes to
     * {@code assigned}.
     */
    private float[] surprises(Session s, Placeholder<TFloat32> x, Graph g, ImageDataset images,
            Operand<TInt64> classOf, int[] assigned) {
        ImageShape shape = images.shape();
        int per = shape.values();
        float[] out = new float[images.size()];
        Operand<?> surprise = g.operation(RotationPretext.SURPRISE_OUTPUT).output(0);
        for (int from = 0; from < images.size(); from += config.batchSize()) {
            int n = Math.min(config.batchSize(), images.size() - from);
            float[] pixels = new float[n * per];
            for (int i = 0; i < n; i++) {
                copyPixels(images.image(from + i), pixels, i * per);
            }
            try (TFloat32 xt = TFloat32.tensorOf(Shape.of(n, shape.height(), shape.width(), shape.channels()),
                    DataBuffers.of(pixels, true, false));
                 Result r = s.runner().feed(x, xt).fetch(surprise).fetch(classOf).run()) {
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false).offset(from));
                TInt64 classes = (TInt64) r.get(1);
                for (int i = 0; i < n; i++) {
                    assigned[from + i] = (int) classes.getLong(i);
                }
            }
        }
        return out;
    }

    /** Pixel bytes (0..255) as the floats the graph takes, into {@code out} from {@code offset}. */
    private static void copyPixels(byte[] raw, float[] out, int offset) {
        for (int k = 0; k < raw.length; k++) {
            out[offset + k] = raw[k] & 0xFF;
        }
    }

    /** One pass over the training set in a seeded order; returns the mean batch loss. */
    /* The sparse cross-entropy op has no C++ gradient in TF 2.16, so labels are fed one-hot. */
    private double epoch(Session s, Operand<TFloat32> x, Operand<TFloat32> y, Rotation rotation, Stability stability,
            Op step, Operand<TFloat32> loss, ImageDataset data, int epoch) {
        ImageShape shape = data.shape();
        int[] order = Batches.permutation(data.size(), dev.ganiqa.datasets.Seeds.derive(config.seed(), epoch));
        int per = shape.values();
        int batches = data.size() / config.batchSize();
        float[] pixels = new float[config.batchSize() * per];
        int classes = data.classNames().size();
        float[] labels = new float[config.batchSize() * classes];
        int turns = RotationPretext.TURNS;
        float[] turned = rotation == null ? null : new float[pixels.length];
        float[] turnLabels = rotation == null ? null : new float[config.batchSize() * turns];
        float[] mask = rotation == null ? null : new float[config.batchSize()];
        // A seeded quarter turn per image; the real classes come first, so a label below classes - 1 is real with
        // a rejection class (the last label), and every label is real without one.
        SplittableRandom turnRandom = new SplittableRandom(dev.ganiqa.datasets.Seeds.derive(config.seed() * 101 + 3, epoch));
        int realClasses = config.reject() > 0 ? classes - 1 : classes;
        // Its own stream, so that recipes without the augmentation train exactly as before it existed.
        SplittableRandom noiseRandom = new SplittableRandom(dev.ganiqa.datasets.Seeds.derive(config.seed() * 211 + 13, epoch));
        // The stability term's copies come from a stream of their own too.
        SplittableRandom stableRandom = new SplittableRandom(dev.ganiqa.datasets.Seeds.derive(config.seed() * 307 + 29, epoch));
        float[] noisy = stability == null ? null : new float[pixels.length];
        float[] noisyMask = stability == null ? null : new float[config.batchSize()];
        double sum = 0;
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < config.batchSize(); i++) {
                int index = order[b * config.batchSize() + i];
                byte[] raw = data.image(index);
                if (data.label(index) < realClasses) {
                    raw = GaussianNoise.augment(raw, config.noiseAugment(), noiseRandom);
                }
                copyPixels(raw, pixels, i * per);
                if (stability != null) {
                    boolean real = data.label(index) < realClasses;
                    copyPixels(real ? GaussianNoise.upTo(raw, config.noiseStability(), stableRandom) : raw, noisy, i * per);
                    noisyMask[i] = real ? 1f : 0f;
                }
                java.util.Arrays.fill(labels, i * classes, (i + 1) * classes, 0f);
                labels[i * classes + data.label(index)] = 1f;
                if (rotation != null) {
                    int k = turnRandom.nextInt(turns);
                    RotationPretext.rotate(raw, shape.width(), shape.channels(), k, turned, i * per);
                    java.util.Arrays.fill(turnLabels, i * turns, (i + 1) * turns, 0f);
                    turnLabels[i * turns + k] = 1f;
                    mask[i] = data.label(index) < realClasses ? 1f : 0f;
                }
            }
            Shape batchShape = Shape.of(config.batchSize(), shape.height(), shape.width(), shape.channels());
            // The rotation tensors are null without the head (try-with-resources skips null resources).
            try (TFloat32 xt = TFloat32.tensorOf(batchShape, DataBuffers.of(pixels, true, false));
                 TFloat32 yt = TFloat32.tensorOf(Shape.of(config.batchSize(), classes), DataBuffers.of(labels, true, false));
                 TFloat32 rt = rotation == null ? null : TFloat32.tensorOf(batchShape, DataBuffers.of(turned, true, false));
                 TFloat32 kt = rotation == null ? null
                         : TFloat32.tensorOf(Shape.of(config.batchSize(), turns), DataBuffers.of(turnLabels, true, false));
                 TFloat32 mt = rotation == null ? null
                         : TFloat32.tensorOf(Shape.of(config.batchSize()), DataBuffers.of(mask, true, false));
                 TFloat32 nt = stability == null ? null : TFloat32.tensorOf(batchShape, DataBuffers.of(noisy, true, false));
                 TFloat32 nm = stability == null ? null
                         : TFloat32.tensorOf(Shape.of(config.batchSize()), DataBuffers.of(noisyMask, true, false))) {
                Session.Runner runner = s.runner().feed(x, xt).feed(y, yt).addTarget(step).fetch(loss);
                if (rotation != null) {
                    runner.feed(rotation.turned(), rt).feed(rotation.turns(), kt).feed(rotation.mask(), mt);
                }
                if (stability != null) {
                    runner.feed(stability.noisy(), nt).feed(stability.mask(), nm);
                }
                try (Result r = runner.run()) {
                    sum += ((TFloat32) r.get(0)).getFloat();
                }
            }
        }
        return sum / batches;
    }

    /** He-normal weights (He et al. 2015) from the seeded generator, zero biases. */
    private static float[] initial(ClassifierNet.Param p, SplittableRandom random) {
        float[] v = new float[p.size()];
        if (p.fanIn() > 0) {
            double std = Math.sqrt(2.0 / p.fanIn());
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * std);
            }
        }
        return v;
    }

    /** The inference graph with the trained weights as constants, serialised as a GraphDef. */
    public static byte[] freeze(ClassifierNet net, Map<String, float[]> weights) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            ImageShape shape = net.input();
            Placeholder<TFloat32> x = tf.withName(GraphTensors.INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
            // One constant per weight, however often the graph reads it (the rotation score reads the trunk again).
            Map<String, Operand<TFloat32>> constants = new java.util.HashMap<>();
            ClassifierNet.Weights frozen = (ops, n, dims) -> constants.computeIfAbsent(n,
                    key -> ops.withName(key).constant(Shape.of(dims), DataBuffers.of(weights.get(key), true, false)));
            ClassifierNet.Outputs out = net.build(tf, x, frozen, null);
            net.heads(tf, x, out, frozen);
            return canonical(g.toGraphDef());
        }
    }

    /**
     * Serialises with protobuf's deterministic mode (map entries such as node attributes sorted by key):
     * the C library hands the GraphDef over with attributes in hash order, so the plain bytes, and the
     * sha256 that identifies the weights, would change from run to run for the same graph.
     */
    public static byte[] canonical(GraphDef def) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(def.getSerializedSize());
            com.google.protobuf.CodedOutputStream out = com.google.protobuf.CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            def.writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dir + ": expected an empty or missing SavedModel folder, found files");
                }
            }
            Files.delete(dir);
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        dev.ganiqa.datasets.AtomicFiles.write(target, bytes);
    }
}
