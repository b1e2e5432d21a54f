package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubsetDatasetTest {
    static ArrayDataset numbered(int n) {
        byte[] pixels = new byte[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = (byte) i;
            labels[i] = i % 2;
        }
        return new ArrayDataset("numbers", new ImageShape(1, 1, 1), pixels, labels, List.of("even", "odd"), null,
                List.of());
    }

    @Test
    void sampleIsSeededSortedAndWithoutRepeats() {
        ArrayDataset all = numbered(100);
        SubsetDataset a = (SubsetDataset) SubsetDataset.sample(all, 30, 5);
        SubsetDataset b = (SubsetDataset) SubsetDataset.sample(all, 30, 5);
        SubsetDataset c = (SubsetDataset) SubsetDataset.sample(all, 30, 6);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.parentIndex(i)).isEqualTo(b.parentIndex(i));
            assertThat(a.image(i)[0] & 0xFF).isEqualTo(a.parentIndex(i));
            assertThat(a.label(i)).isEqualTo(a.parentIndex(i) % 2);
            assertThat(seen.add(a.parentIndex(i))).isTrue();
            if (i > 0) {
                assertThat(a.parentIndex(i)).isGreaterThan(a.parentIndex(i - 1));
            }
        }
        boolean differs = false;
        for (int i = 0; i < a.size(); i++) {
            differs |= a.parentIndex(i) != c.parentIndex(i);
        }
        assertThat(differs).isTrue();
        assertThat(SubsetDataset.sample(all, 0, 5)).isSameAs(all);
        assertThat(SubsetDataset.sample(all, 100, 5)).isSameAs(all);
    }

    @Test
    void holdOutPartitionsTheImages() {
        ImageDataset[] parts = SubsetDataset.holdOut(numbered(50), 0.1, 3);
        assertThat(parts[1].size()).isEqualTo(5);
        assertThat(parts[0].size()).isEqualTo(45);
        Set<Integer> values = new HashSet<>();
        for (ImageDataset part : parts) {
            for (int i = 0; i < part.size(); i++) {
                values.add(part.image(i)[0] & 0xFF);
            }
        }
        assertThat(values).hasSize(50);
        assertThatThrownBy(() -> SubsetDataset.holdOut(numbered(50), 1.0, 3)).hasMessageContaining("(0, 1)");
    }
}
