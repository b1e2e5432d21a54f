package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.eval.Degradations;
import dev.ganiqa.metrics.features.EmbeddedExtractor;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Features;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;

/**
 * The merged graph of two shipped classifiers (v8's outputs, v6's gate added): its features, logits and
 * probabilities are the first graph's, and its rejection is max(r_a, min(1, r_b / (2 tau))) of the two graphs run
 * apart, on real images and on images one of them rejects.
 */
class RejectionUnionTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheFirstGraphsOutputsAndUnitesTheGates() throws Exception {
        byte[] a = EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V8);
        byte[] b = EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V6);
        float tau = 0.8f;
        Path merged = dir.resolve("union.pb");
        Files.write(merged, RejectionUnion.merge(GraphDef.parseFrom(a), GraphDef.parseFrom(b), tau));
        ImageDataset test = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 60, 4);
        // Half real, half heavily noisy (which both gates reject, at different strengths).
        int n = 2 * test.size();
        byte[] images = realAndNoisy(test, 64, 3);
        Features fa;
        Features fb;
        Features fu;
        try (FeatureExtractor ea = Extractors.open("ganiqa-fmnist-v8", Map.of(), 1);
             FeatureExtractor eb = Extractors.open("ganiqa-fmnist-v6", Map.of(), 1);
             FeatureExtractor eu = Extractors.open("frozen:" + merged, Map.of(), 1)) {
            fa = ea.extract(images, n, test.shape());
            fb = eb.extract(images, n, test.shape());
            fu = eu.extract(images, n, test.shape());
            assertThat(eu.info().classes()).isEqualTo(10);
        }
        for (int k = 0; k < fa.features().length; k++) {
            assertThat((double) fu.features()[k]).isCloseTo(fa.features()[k], org.assertj.core.data.Offset.offset(1e-4 + 1e-5 * Math.abs(fa.features()[k])));
        }
        for (int k = 0; k < fa.probabilities().length; k++) {
            assertThat((double) fu.probabilities()[k]).isCloseTo(fa.probabilities()[k], org.assertj.core.data.Offset.offset(1e-5));
        }
        int fromSecond = 0;
        for (int i = 0; i < n; i++) {
            double expected = Math.max(fa.rejection()[i], Math.min(1.0, fb.rejection()[i] * 0.5 / tau));
            assertThat(RejectionUnion.score(fa.rejection()[i], fb.rejection()[i], tau)).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat((double) fu.rejection()[i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
            fromSecond += expected > fa.rejection()[i] + 1e-3 ? 1 : 0;
        }
        assertThat(fromSecond).as("images whose union score comes from the second gate").isPositive();
    }

    /**
     * An ensemble as the second gate: the merged rejection is max(r_a, min(1, mean(r_b1, r_b2) / (2 tau))) of the
     * three graphs run apart, which on some images differs from the union with either member alone.
     */
    @Test
    void averagesAnEnsembleOfGates() throws Exception {
        GraphDef a = GraphDef.parseFrom(EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V8));
        GraphDef b1 = GraphDef.parseFrom(EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V6));
        GraphDef b2 = GraphDef.parseFrom(EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V3));
        float tau = 0.7f;
        Path merged = dir.resolve("ensemble.pb");
        Files.write(merged, RejectionUnion.merge(a, java.util.List.of(b1, b2), tau));
        ImageDataset test = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 60, 5);
        int n = 2 * test.size();
        byte[] images = realAndNoisy(test, 48, 4);
        Features fa = extract("ganiqa-fmnist-v8", images, test);
        Features f1 = extract("ganiqa-fmnist-v6", images, test);
        Features f2 = extract("ganiqa-fmnist-v3", images, test);
        Features fu = extract("frozen:" + merged, images, test);
        for (int k = 0; k < fa.probabilities().length; k++) {
            assertThat((double) fu.probabilities()[k]).isCloseTo(fa.probabilities()[k], org.assertj.core.data.Offset.offset(1e-5));
        }
        int differs = 0;
        for (int i = 0; i < n; i++) {
            double mean = (f1.rejection()[i] + f2.rejection()[i]) / 2;
            double expected = Math.max(fa.rejection()[i], Math.min(1.0, mean * 0.5 / tau));
            assertThat(RejectionUnion.score(fa.rejection()[i], new double[] {f1.rejection()[i], f2.rejection()[i]}, tau))
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
            assertThat((double) fu.rejection()[i]).as("image %d", i).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-5));
            double alone1 = RejectionUnion.score(fa.rejection()[i], f1.rejection()[i], tau);
            double alone2 = RejectionUnion.score(fa.rejection()[i], f2.rejection()[i], tau);
            differs += Math.abs(expected - alone1) > 1e-3 && Math.abs(expected - alone2) > 1e-3 ? 1 : 0;
        }
        assertThat(differs).as("images whose score is the members' mean, not either member's").isPositive();
    }

    /**
     * One threshold per predicted class: each image's rejection is max(r_a, min(1, r_b / (2 tau_c))) with c the first
     * graph's most probable class, so the same gate score counts for more in one class than another; equal thresholds
     * give exactly the one-threshold graph, and a threshold count that is not the class count is refused.
     */
    @Test
    void scoresEachImageWithItsPredictedClassThreshold() throws Exception {
        GraphDef a = GraphDef.parseFrom(EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V8));
        GraphDef b = GraphDef.parseFrom(EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V6));
        float[] taus = {0.5f, 0.999f, 0.7f, 0.999f, 0.5f, 0.999f, 0.5f, 0.999f, 0.9f, 0.999f};
        Path merged = dir.resolve("per-class.pb");
        Files.write(merged, RejectionUnion.merge(a, java.util.List.of(b), taus));
        ImageDataset test = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 80, 6);
        int n = 2 * test.size();
        byte[] images = realAndNoisy(test, 40, 5);
        Features fa = extract("ganiqa-fmnist-v8", images, test);
        Features fb = extract("ganiqa-fmnist-v6", images, test);
        Features fu = extract("frozen:" + merged, images, test);
        int classes = fa.probabilities().length / n;
        java.util.Set<Float> used = new java.util.HashSet<>();
        int decided = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                best = fa.probabilities()[i * classes + k] > fa.probabilities()[i * classes + best] ? k : best;
            }
            double expected = RejectionUnion.score(fa.rejection()[i], fb.rejection()[i], taus[best]);
            assertThat((double) fu.rejection()[i]).as("image %d", i).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-5));
            used.add(taus[best]);
            // The class's threshold set the score: another candidate would give this image another one.
            double other = RejectionUnion.score(fa.rejection()[i], fb.rejection()[i], taus[best] == 0.999f ? 0.5 : 0.999);
            decided += Math.abs(expected - other) > 1e-3 ? 1 : 0;
        }
        assertThat(used).as("thresholds the images fell under").hasSizeGreaterThan(2);
        assertThat(decided).as("images whose score the class threshold sets").isPositive();
        float[] same = new float[10];
        java.util.Arrays.fill(same, 0.7f);
        assertThat(RejectionUnion.merge(a, java.util.List.of(b), same))
                .isEqualTo(RejectionUnion.merge(a, java.util.List.of(b), 0.7f));
        assertThatThrownBy(() -> RejectionUnion.merge(a, java.util.List.of(b), new float[] {0.5f, 0.7f}))
                .hasMessageContaining("one gate threshold per class of the first graph (10), found 2");
    }

    /** {@code spec}'s outputs for {@code images}: {@code test}'s images, then as many noisy copies. */
    private static Features extract(String spec, byte[] images, ImageDataset test) {
        try (FeatureExtractor e = Extractors.open(spec, Map.of(), 1)) {
            return e.extract(images, 2 * test.size(), test.shape());
        }
    }

    /** The images of {@code test}, then each with Gaussian noise of {@code sigma} (seeded), as one 28x28 batch. */
    private static byte[] realAndNoisy(ImageDataset test, double sigma, long seed) {
        ImageDataset noisy = Degradations.noise(test, sigma, seed);
        byte[] images = new byte[2 * test.size() * 784];
        for (int i = 0; i < test.size(); i++) {
            System.arraycopy(test.image(i), 0, images, i * 784, 784);
            System.arraycopy(noisy.image(i), 0, images, (test.size() + i) * 784, 784);
        }
        return images;
    }

    @Test
    void refusesAGraphWithoutAGateAndAThresholdOutOfRange() throws Exception {
        GraphDef v8 = GraphDef.parseFrom(EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V8));
        GraphDef v1 = GraphDef.parseFrom(EmbeddedExtractor.verifiedBytes(EmbeddedExtractor.V1));
        assertThatThrownBy(() -> RejectionUnion.merge(v8, v1, 0.9f)).hasMessageContaining("the second graph")
                .hasMessageContaining("no rejection output");
        assertThatThrownBy(() -> RejectionUnion.merge(v8, v8, 0.3f)).hasMessageContaining("[0.5, 1)");
        assertThatThrownBy(() -> RejectionUnion.merge(v8, java.util.List.of(v8, v1), 0.9f))
                .hasMessageContaining("gate graph 2").hasMessageContaining("no rejection output");
    }
}
