package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.features.GraphTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * The rotation head: the turn fed while training is the turn the frozen graph scores with, each class's threshold
 * is the 95th percentile of the calibration images assigned to it, and a tiny trained head finds garments turned on
 * their side surprising.
 */
class RotationPretextTest {
    @TempDir
    Path dir;

    @Test
    void oneTurnIsCounterClockwiseAsNumpysRot90() {
        // [[1, 2], [3, 4]] turned once counter-clockwise is [[2, 4], [1, 3]] (numpy.rot90).
        float[] out = new float[4];
        RotationPretext.rotate(new byte[] {1, 2, 3, 4}, 2, 1, 1, out, 0);
        assertThat(out).containsExactly(2, 4, 1, 3);
        RotationPretext.rotate(new byte[] {1, 2, 3, 4}, 2, 1, 4, out, 0);
        assertThat(out).containsExactly(1, 2, 3, 4);
    }

    @Test
    void theTurnFedWhileTrainingIsTheTurnOfTheGraph() {
        int side = 5;
        int channels = 3;
        byte[] image = new byte[side * side * channels];
        new SplittableRandom(4).nextBytes(image);
        float[] pixels = new float[image.length];
        RotationPretext.rotate(image, side, channels, 0, pixels, 0);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.constant(Shape.of(1, side, side, channels), DataBuffers.of(pixels, true, false));
            Operand<TFloat32> turned = x;
            for (int k = 1; k < RotationPretext.TURNS; k++) {
                turned = RotationPretext.quarterTurn(tf, turned);
                float[] expected = new float[image.length];
                RotationPretext.rotate(image, side, channels, k, expected, 0);
                float[] actual = new float[image.length];
                try (Result r = s.runner().fetch(turned).run()) {
                    ((TFloat32) r.get(0)).copyTo(DataBuffers.of(actual, false, false));
                }
                assertThat(actual).as("turn " + k).containsExactly(expected);
            }
        }
    }

    @Test
    void theThresholdIsTheNearestRankPercentile() {
        float[] values = new float[100];
        for (int i = 0; i < values.length; i++) {
            values[99 - i] = i + 1;
        }
        assertThat(RotationPretext.threshold(values)).isEqualTo(95f);
        assertThat(RotationPretext.threshold(new float[] {3f})).isEqualTo(3f);
    }

    @Test
    void aTrainedHeadFindsGarmentsOnTheirSideSurprising() throws Exception {
        DatasetSource fmnist = Datasets.open("fashion-mnist");
        ImageDataset train = SubsetDataset.sample(fmnist.open(Split.TRAIN), 1200, 1);
        ImageDataset test = SubsetDataset.sample(fmnist.open(Split.TEST), 200, 2);
        List<String> log = new ArrayList<>();
        // Seed 3 with the calibration images of seed 1, as an ensemble member is trained: the thresholds below must
        // come from seed 1's held-out images, which seed 3's own split would not give.
        TrainingConfig config = new TrainingConfig(3, 50, 1e-3f, 3L, 2, 100, Negatives.COMPOSED, RotationHead.PER_CLASS,
                0, 0, 1L);
        assertThat(ClassifierTrainer.calibrationSplit(train, 1L)[1].image(0))
                .isNotEqualTo(ClassifierTrainer.calibrationSplit(train, 3L)[1].image(0));
        TrainingResult result = new ClassifierTrainer(config, log::add).train(train, test, "tiny-rotation", "subset", dir);
        assertThat(result.calibrationImages()).isEqualTo(100);
        assertThat(result.trainImages()).isEqualTo(1100);
        assertThat(log).anyMatch(l -> l.startsWith("rotation thresholds"));
        float[] thresholds = result.rotationThresholds();
        assertThat(thresholds).hasSize(10);
        ImageDataset calibration = ClassifierTrainer.calibrationSplit(train, config.calibrationSeed())[1];
        float[][] calibrated = run(Files.readAllBytes(result.frozenGraph()), calibration, 0);
        int above = 0;
        for (int i = 0; i < calibration.size(); i++) {
            double threshold = thresholds[(int) calibrated[2][i]];
            assertThat(threshold).isPositive();
            above += calibrated[0][i] > threshold ? 1 : 0;
            // The exported score is at least half the surprise over the assigned class's threshold: above 0.5 when
            // above it.
            assertThat((double) calibrated[1][i]).isGreaterThanOrEqualTo(Math.min(1, calibrated[0][i] / (2 * threshold))
                    - 1e-6);
        }
        // The thresholds are the rule applied to what the frozen graph computes for the calibration images (the
        // training session computed them; the frozen graph's kernels may round differently).
        int[] assigned = new int[calibration.size()];
        for (int i = 0; i < assigned.length; i++) {
            assigned[i] = (int) calibrated[2][i];
        }
        float[] again = RotationPretext.thresholds(calibrated[0], assigned, 10);
        for (int c = 0; c < 10; c++) {
            assertThat(thresholds[c]).as("class " + c).isCloseTo(again[c], org.assertj.core.data.Percentage.withPercentage(0.1));
        }
        assertThat(above).as("calibration images above their class's threshold").isBetween(0, 10);
        float[] upright = run(Files.readAllBytes(result.frozenGraph()), test, 0)[0];
        float[] onTheirSide = run(Files.readAllBytes(result.frozenGraph()), test, 1)[0];
        assertThat(mean(onTheirSide)).as("garments turned a quarter turn").isGreaterThan(2 * mean(upright));
    }

    @Test
    void eachClassGetsItsOwnPercentileOrTheOverallOneWhenItHasFewImages() {
        float[] surprises = new float[60];
        int[] assigned = new int[60];
        for (int i = 0; i < 40; i++) {
            surprises[i] = i + 1;
        }
        for (int i = 40; i < 60; i++) {
            surprises[i] = 100 + i;
            assigned[i] = 1;
        }
        float[] t = RotationPretext.thresholds(surprises, assigned, 3);
        assertThat(t[0]).isEqualTo(38f);
        assertThat(t[1]).isEqualTo(158f);
        assertThat(t[2]).as("no images: the overall 95th percentile").isEqualTo(RotationPretext.threshold(surprises));
    }

    /** Surprise, out-of-distribution score and assigned class of every image turned {@code k} times, by the frozen graph. */
    private static float[][] run(byte[] pb, ImageDataset images, int k) throws Exception {
        int n = images.size();
        int per = images.shape().values();
        float[] pixels = new float[n * per];
        for (int i = 0; i < n; i++) {
            RotationPretext.rotate(images.image(i), images.shape().width(), images.shape().channels(), k, pixels, i * per);
        }
        float[][] out = new float[3][n];
        try (Graph g = new Graph()) {
            g.importGraphDef(GraphDef.parseFrom(pb));
            try (Session s = new Session(g);
                 TFloat32 x = TFloat32.tensorOf(Shape.of(n, images.shape().height(), images.shape().width(),
                         images.shape().channels()), DataBuffers.of(pixels, true, false));
                 Result r = s.runner().feed(GraphTensors.INPUT, x).fetch(RotationPretext.SURPRISE_OUTPUT)
                         .fetch(GraphTensors.REJECTION_OUTPUT).fetch(GraphTensors.PROBABILITIES_OUTPUT).run()) {
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out[0], false, false));
                ((TFloat32) r.get(1)).copyTo(DataBuffers.of(out[1], false, false));
                float[] p = new float[n * 10];
                ((TFloat32) r.get(2)).copyTo(DataBuffers.of(p, false, false));
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int c = 1; c < 10; c++) {
                        best = p[i * 10 + c] > p[i * 10 + best] ? c : best;
                    }
                    out[2][i] = best;
                }
            }
        }
        return out;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s / v.length;
    }
}
