package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.Split;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Conditional samples are asked for in the class proportions of the training data. */
class ClassMixTest {
    private static int[] histogram(int[] labels, int k) {
        int[] h = new int[k];
        for (int l : labels) {
            h[l]++;
        }
        return h;
    }

    @Test
    void equalClassesGiveTheRoundRobinOfBefore() {
        int[] labels = ClassMix.labels(2000, new int[] {5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000});
        assertThat(labels).isEqualTo(IntStream.range(0, 2000).map(i -> i % 10).toArray());
    }

    @Test
    void unbalancedClassesGetTheirShareRoundedByLargestRemainder() {
        assertThat(histogram(ClassMix.labels(10, new int[] {6, 3, 1}), 3)).containsExactly(6, 3, 1);
        // 7 x (0.6, 0.3, 0.1) = 4.2, 2.1, 0.7: the largest remainder (0.7) gets the seventh label.
        assertThat(histogram(ClassMix.labels(7, new int[] {6, 3, 1}), 3)).containsExactly(4, 2, 1);
        assertThat(ClassMix.labels(7, new int[] {6, 3, 1})).isEqualTo(ClassMix.labels(7, new int[] {6, 3, 1}));
        assertThat(histogram(ClassMix.labels(5, new int[] {0, 4, 4}), 3)).containsExactly(0, 3, 2);
        assertThatThrownBy(() -> ClassMix.labels(5, new int[] {0, 0})).hasMessageContaining("labelled");
    }

    /** The emoji's training split: 60% People & Body, so about 60% of the conditional samples are too. */
    @Test
    void theEmojiMixIsTheTrainingSplits() {
        var train = Datasets.open("emoji").open(Split.TRAIN);
        int[] counts = ClassMix.counts(train);
        assertThat(IntStream.of(counts).sum()).isEqualTo(train.size());
        int[] h = histogram(ClassMix.labels(2000, counts), counts.length);
        for (int c = 0; c < counts.length; c++) {
            assertThat((double) h[c]).as(train.classNames().get(c))
                    .isCloseTo(2000.0 * counts[c] / train.size(), org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(h[1]).as("People & Body").isGreaterThan(1100);
    }
}
