package dev.ganiqa.metrics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeatureRunnerTest {
    private static FeatureExtractor embedded;

    @BeforeAll
    static void open() {
        embedded = Extractors.open(Extractors.DEFAULT, Map.of(), 2);
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    /** Seeded random RGB images; {@code failAt} >= 0 makes that image unreadable. */
    private record RandomImages(int n, ImageShape shape, int failAt) implements ImageDataset {
        @Override
        public String description() {
            return "random " + shape;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public List<String> classNames() {
            return List.of();
        }

        @Override
        public int label(int index) {
            return -1;
        }

        @Override
        public byte[] image(int index) {
            if (index == failAt) {
                throw new IllegalStateException("image " + index + ": unreadable");
            }
            byte[] b = new byte[shape.values()];
            new SplittableRandom(index).nextBytes(b);
            return b;
        }
    }

    @Test
    void deliversEveryImageOnceInOrderWithProgress() {
        RandomImages data = new RandomImages(150, new ImageShape(28, 28, 1), -1);
        List<int[]> indices = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        RunSummary s = new FeatureRunner(RunnerOptions.withBatch(64)).run(data, embedded,
                b -> indices.add(b.indices()), (d, total, rate) -> {
                    done.add(d);
                    assertThat(total).isEqualTo(150);
                    assertThat(rate).isPositive();
                });
        assertThat(indices).extracting(a -> a.length).containsExactly(64, 64, 22);
        int next = 0;
        for (int[] batch : indices) {
            for (int i : batch) {
                assertThat(i).isEqualTo(next++);
            }
        }
        assertThat(done).containsExactly(64L, 128L, 150L);
        assertThat(s.images()).isEqualTo(150);
        assertThat(s.sessionSeconds()).isPositive().isLessThanOrEqualTo(s.seconds());
        assertThat(s.adaptation()).startsWith("fed as is");
    }

    @Test
    void adaptsOtherShapesAndSaysHow() {
        ImageShape rgb = new ImageShape(32, 32, 3);
        RandomImages data = new RandomImages(10, rgb, -1);
        List<Features> got = new ArrayList<>();
        RunSummary s = new FeatureRunner(RunnerOptions.withBatch(4)).run(data, embedded, b -> got.add(b.features()));
        assertThat(s.adaptation()).isEqualTo("adapted 32x32x3 -> 28x28x1: area resize, BT.601 luma");
        ImageAdapter adapter = ImageAdapter.of(rgb, new ImageShape(28, 28, 1));
        float[] adapted = new float[28 * 28];
        adapter.apply(data.image(5), 0, adapted, 0);
        Features direct = embedded.extract(adapted, 1, new ImageShape(28, 28, 1));
        for (int k = 0; k < direct.dim(); k++) {
            assertThat(got.get(1).feature(1, k)).isCloseTo(direct.feature(0, k), org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aFailingImageStopsTheRunWithItsMessage() {
        RandomImages data = new RandomImages(300, new ImageShape(28, 28, 1), 170);
        assertThatThrownBy(() -> new FeatureRunner(RunnerOptions.withBatch(50)).run(data, embedded, b -> { }))
                .hasMessageContaining("image 170: unreadable");
    }

    @Test
    void wrongShapesAreRefusedByTheExtractor() {
        assertThatThrownBy(() -> embedded.extract(new byte[32 * 32 * 3], 1, new ImageShape(32, 32, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected images of shape 28x28x1").hasMessageContaining("found 32x32x3");
    }
}
