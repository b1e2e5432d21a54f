package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.trainers.Budget;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The three splits of a comparison: disjoint, seeded, the validation share stated. */
class SplitsTest {
    static CompareConfig config(String data, int trainLimit) {
        return new CompareConfig(data, List.of("dcgan"), Budget.epochs(1), trainLimit, List.of(1L), 100, 50, 0,
                "default", 64, "default", List.of(), null);
    }

    static Set<String> names(ImageDataset d) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            out.add(d.name(i));
        }
        assertThat(out).as("names identify images").hasSize(d.size());
        return out;
    }

    @Test
    void fashionMnistGivesFiftyThousandToTrainTenThousandToValidationAndItsOwnTestSplit() {
        CompareConfig c = config("fashion-mnist", 0);
        ImageDataset[] s = Workspace.splits(c, Datasets.open("fashion-mnist", c.datasetOptions()), m -> { });
        assertThat(s[0].size()).isEqualTo(50_000);
        assertThat(s[1].size()).isEqualTo(10_000);
        assertThat(s[2].size()).isEqualTo(10_000);
        assertThat(s[2].description()).contains("test");
        Set<String> train = names(s[0]);
        train.retainAll(names(s[1]));
        assertThat(train).as("training images in the validation split").isEmpty();
        // The training subset of a limited comparison comes from the 50,000, so it never meets validation either.
        CompareConfig limited = config("fashion-mnist", 10_000);
        ImageDataset[] l = Workspace.splits(limited, Datasets.open("fashion-mnist", limited.datasetOptions()), m -> { });
        Set<String> subset = names(l[0]);
        subset.retainAll(names(l[1]));
        assertThat(subset).isEmpty();
        assertThat(names(l[1])).isEqualTo(names(s[1]));
    }

    @Test
    void aSourceWithoutATestSplitHoldsOutTestThenValidationFromOneSet() {
        String spec = "synthetic:shapes?size=16&n=1200&seed=3";
        CompareConfig c = config(spec, 0);
        ImageDataset[] s = Workspace.splits(c, Datasets.open(spec, c.datasetOptions()), m -> { });
        assertThat(s[2].size()).isEqualTo(120);
        assertThat(s[1].size()).isEqualTo(180);
        assertThat(s[0].size()).isEqualTo(900);
        Set<String> all = new HashSet<>();
        for (ImageDataset d : s) {
            Set<String> n = names(d);
            assertThat(all).doesNotContainAnyElementsOf(n);
            all.addAll(n);
        }
        assertThat(all).hasSize(1200);
    }
}
