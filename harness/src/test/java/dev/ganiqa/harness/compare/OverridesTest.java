package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --set overrides, and how a recorded recipe is compared with the current defaults when a comparison continues. */
class OverridesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recorded(Hyperparameters h) {
        // As results.json holds it: through JSON text, numbers read back as doubles, plus the batch size.
        Map<String, Object> map = new LinkedHashMap<>(JSON.convertValue(h, Map.class));
        map.put("batchSize", 64);
        try {
            return JSON.readValue(JSON.writeValueAsString(map), Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSameRecipeHasNoDifferencesAfterARoundTripThroughJson() {
        for (var v : GanVariants.all()) {
            assertThat(Overrides.differences(recorded(v.defaults()), v.defaults())).as(v.name()).isEmpty();
        }
    }

    @Test
    void aRecipeRecordedBeforeTheArchitectureOptionsIsTheOriginalOne() {
        Map<String, Object> old = recorded(GanVariants.CDCGAN.defaults());
        for (String field : List.of("conditionG", "conditionD", "spectralNorm", "minibatchStd", "modeSeeking")) {
            old.remove(field);
        }
        assertThat(Overrides.differences(old, GanVariants.CDCGAN.defaults())).containsExactly("modeSeeking 0.0 -> 0.5");
        Hyperparameters original = Overrides.apply(GanVariants.CDCGAN, List.of("cdcgan.modeSeeking=0"));
        assertThat(Overrides.differences(old, original)).isEmpty();
        assertThat(Overrides.differences(recorded(GanVariants.CWGAN.defaults()),
                Overrides.apply(GanVariants.CWGAN, List.of("*.learningRateG=1e-4", "cwgan.conditionD=channels"))))
                .containsExactly("learningRateG 4.0E-4 -> 1.0E-4", "conditionD projection-flat -> channels");
    }

    @Test
    void settingsNameAVariantOrAll() {
        assertThat(Overrides.apply(GanVariants.WGAN, List.of("cwgan.nCritic=2")).nCritic()).isEqualTo(5);
        assertThat(Overrides.apply(GanVariants.WGAN, List.of("*.nCritic=2")).nCritic()).isEqualTo(2);
        assertThat(Overrides.apply(GanVariants.WGAN, List.of("nCritic=3")).nCritic()).isEqualTo(3);
        assertThatThrownBy(() -> Overrides.apply(GanVariants.WGAN, List.of("=3"))).hasMessageContaining("FIELD=VALUE");
        assertThatThrownBy(() -> Overrides.apply(GanVariants.WGAN, List.of("wgan.modeSeeking=-1")))
                .hasMessageContaining("expected a mode-seeking weight >= 0, found -1.0");
    }
}
