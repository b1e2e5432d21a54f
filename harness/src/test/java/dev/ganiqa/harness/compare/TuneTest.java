package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.Tuning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ganiqa tune} on a small grid (2 settings x 2 variants, 320 images, real training), then {@code compare
 * --tuned} with its output: the same settings for every variant, validation only, the choice recorded and shown.
 */
class TuneTest {
    @TempDir
    Path temp;

    /**
     * A matched variant is not searched beside its conditional partner: it takes the partner's choice, so the pair
     * still differs in the label alone (searched independently, dcgan-matched's trials equalled dcgan's).
     */
    @Test
    void aMatchedVariantTakesItsPartnersChoice() throws Exception {
        Path space = temp.resolve("space-matched.json");
        Files.writeString(space, "{\"learningRate\": [\"1e-4\", \"4e-4\"]}");
        Path dir = temp.resolve("tune-matched");
        CliRun r = CliRun.of("tune", "--variants", "cdcgan,dcgan-matched", "--search", "grid", "--trials", "2",
                "--space", space.toString(), "--train-limit", "320", "--batch", "32", "--epochs", "1",
                "--curve-samples", "100", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("dcgan-matched takes cdcgan's choice");
        Tuning t = Tuner.read(dir.resolve(Tuner.FILE));
        assertThat(t.trials()).hasSize(2).allSatisfy(trial -> assertThat(trial.variant()).isEqualTo("cdcgan"));
        assertThat(t.chosen().get("dcgan-matched")).isEqualTo(t.chosen().get("cdcgan").stream()
                .map(x -> x.replace("cdcgan.", "dcgan-matched.")).toList());
    }

    @Test
    void aSmallGridRunsEndToEndAndCompareTakesItsChoice() throws Exception {
        Path space = temp.resolve("space.json");
        Files.writeString(space, "{\"learningRate\": [\"1e-4\", \"4e-4\"]}");
        Path dir = temp.resolve("tune");
        String[] tune = {"tune", "--variants", "dcgan,wgan", "--search", "grid", "--trials", "2", "--space",
            space.toString(), "--train-limit", "320", "--batch", "32", "--epochs", "3", "--curve-samples", "100",
            "--out", dir.toString()};
        CliRun r = CliRun.of(tune);
        assertThat(r.code()).as(r.err()).isZero();
        Tuning t = Tuner.read(dir.resolve(Tuner.FILE));
        assertThat(t.trials()).hasSize(4).allSatisfy(trial -> {
            assertThat(trial.status()).isEqualTo("OK");
            assertThat(trial.validationFid()).isPositive();
            assertThat(trial.fidError()).isPositive();
        });
        // The same two settings for both variants.
        for (int k = 1; k <= 2; k++) {
            int trial = k;
            List<String> settings = t.trials().stream().filter(x -> x.trial() == trial)
                    .map(x -> String.join(" ", x.settings()).replace("dcgan.", "").replace("wgan.", "")).distinct()
                    .toList();
            assertThat(settings).hasSize(1);
        }
        // The lowest validation FID of each variant is its choice.
        for (String v : List.of("dcgan", "wgan")) {
            Tuning.Trial best = t.trials().stream().filter(x -> x.variant().equals(v))
                    .min(Comparator.comparingDouble(Tuning.Trial::validationFid)).orElseThrow();
            assertThat(t.chosen()).containsEntry(v, best.settings());
        }
        // The test split was never evaluated: no shared test reference, no samples, validation FIDs only.
        assertThat(dir.resolve("shared").resolve("reference")).doesNotExist();
        try (var units = Files.list(dir.resolve("units"))) {
            assertThat(units.toList()).hasSize(4).allSatisfy(u -> assertThat(u.resolve("samples")).doesNotExist());
        }
        assertThat(r.out()).contains("<- chosen").contains("tuning.json");
        // Rerunning continues: nothing left to train, the same choice.
        CliRun again = CliRun.of(tune);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("0 trial(s) left");
        assertThat(Tuner.read(dir).chosen()).isEqualTo(t.chosen());
        // Another search in the same folder is refused.
        tune[6] = "random";
        assertThat(CliRun.of(tune).code()).isEqualTo(2);

        Path run = temp.resolve("compare");
        CliRun c = CliRun.of("compare", "--tuned", dir.resolve(Tuner.FILE).toString(), "--variants", "dcgan,wgan",
                "--seeds", "1", "--train-limit", "320", "--batch", "32", "--epochs", "1", "--samples", "60",
                "--curve-samples", "0", "--out", run.toString());
        assertThat(c.code()).as(c.err()).isZero();
        RunResults results = ResultsJson.read(run.resolve("results.json"));
        assertThat(results.provenance().tuning().chosen()).isEqualTo(t.chosen());
        for (String v : List.of("dcgan", "wgan")) {
            String rate = t.chosen().get(v).get(0).split("=")[1];
            Map<String, Object> config = results.provenance().variantConfigs().get(v);
            assertThat(((Number) config.get("learningRateG")).doubleValue()).isEqualTo(Double.parseDouble(rate));
        }
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<h3>Tuning</h3>").contains("against the validation split").contains("tuned");
        // The chart of the search: a row per searched variant with a dot per trial.
        int chart = html.indexOf("validation FID of every tuning trial");
        assertThat(chart).isPositive();
        String svg = html.substring(chart, html.indexOf("</svg>", chart));
        assertThat(svg.split("<circle", -1)).hasSize(t.trials().size() + 1);
        // A tuned comparison's results.json carries the search: it reads back as the same choice (a published
        // bundle reproduces its settings without its tune folder), and one made without --tuned is refused by name.
        assertThat(Tuner.read(run.resolve("results.json")).chosen()).isEqualTo(t.chosen());
        assertThat(Tuner.read(run.resolve("results.json")).trials()).isEqualTo(t.trials());
        Path untuned = temp.resolve("untuned-results.json");
        Files.writeString(untuned, "{\"schemaVersion\": 1, \"provenance\": {\"seeds\": [1]}}");
        CliRun refused = CliRun.of("compare", "--tuned", untuned.toString(), "--variants", "dcgan,wgan",
                "--out", temp.resolve("untuned").toString());
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains(untuned.toString()).contains("without provenance.tuning");
        // A variant the search did not tune is refused before anything runs.
        CliRun missing = CliRun.of("compare", "--tuned", dir.resolve(Tuner.FILE).toString(), "--variants",
                "dcgan,cwgan", "--out", temp.resolve("other").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("expected chosen settings for cwgan");
    }

    @Test
    void theSearchSpaceIsCheckedAndDrawnOnceForEveryVariant() throws Exception {
        SearchSpace d = SearchSpace.defaults();
        assertThat(d.grid()).hasSize(18);
        var drawn = d.draw("random", 8, 1);
        assertThat(drawn).hasSize(8).doesNotHaveDuplicates().isEqualTo(d.draw("random", 8, 1));
        assertThat(d.draw("random", 8, 2)).isNotEqualTo(drawn);
        assertThat(SearchSpace.overrides("wgan", Map.of("learningRate", "2e-4")))
                .containsExactly("wgan.learningRateG=2e-4", "wgan.learningRateD=2e-4");
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, "{\"nosuchField\": [\"1\"]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchSpace.read(bad))
                .hasMessageContaining(bad.toString()).hasMessageContaining("nosuchField");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.draw("grid", 4, 1)).hasMessageContaining("18");
    }
}
