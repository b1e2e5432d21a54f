package dev.ganiqa.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.reports.Fixtures;
import dev.ganiqa.reports.PlainOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing units and units behind the run's budget: recorded in results.json, inferred for older files. */
class CompletenessTest {
    @TempDir
    Path dir;

    @Test
    void missingAndBehindUnitsAreNamedWithTheBudgetEachReached() {
        RunResults complete = Fixtures.run("run-1", "fashion-mnist", "x");
        assertThat(complete.incomplete()).isFalse();
        assertThat(Completeness.of(complete).describe()).isEmpty();

        RunResults run = Fixtures.incomplete(complete);
        assertThat(run.incomplete()).isTrue();
        Completeness c = Completeness.of(run);
        assertThat(c.planned()).isEqualTo(9);
        assertThat(c.missing()).extracting(UnitId::name).containsExactly("cwgan-seed3");
        assertThat(c.behind()).extracting(b -> b.unit().name()).containsExactly("dcgan-seed1");
        assertThat(c.describe()).isEqualTo("1 of 9 planned units has no result (cwgan-seed3); 1 unit is behind the "
                + "run's budget of 3 epochs (dcgan-seed1 at 1 epoch)");
        // A unit with a result is no longer missing.
        UnitResult late = complete.unit("cwgan", 3).orElseThrow();
        assertThat(run.withUnit(late).missing()).isEmpty();
    }

    @Test
    void aUnitRecordedWithoutItsBudgetIsPlacedByItsTraining() {
        RunResults run = Fixtures.incomplete(Fixtures.run("run-1", "fashion-mnist", "x"));
        UnitResult dcgan = run.unit("dcgan", 1).orElseThrow();
        UnitResult unrecorded = new UnitResult(dcgan.variant(), dcgan.seed(), dcgan.status(), null, dcgan.training(),
                null, List.of(), null, dcgan.metrics(), java.util.Map.of(), null, null, List.of());
        RunResults older = run.withUnit(unrecorded);
        assertThat(older.budgetOf(unrecorded).epochs()).isEqualTo(1);
        assertThat(older.behind()).extracting(UnitResult::variant).containsExactly("dcgan");
        // Three epochs of training reached the run's own budget; a diverged unit's budget does not matter.
        assertThat(older.budgetOf(run.unit("wgan", 1).orElseThrow()).epochs()).isEqualTo(3);
        UnitResult diverged = run.unit("wgan", 3).orElseThrow();
        assertThat(older.budgetOf(diverged).epochs()).isEqualTo(1);
        assertThat(older.behind()).doesNotContain(diverged);
    }

    @Test
    void missingUnitsAndBudgetsRoundTripAndOlderFilesReadWithout() throws IOException {
        RunResults run = Fixtures.incomplete(Fixtures.run("run-1", "fashion-mnist", "x"));
        ResultsJson.write(run, dir.resolve("results.json"), PlainOutput.PLAIN);
        assertThat(ResultsJson.read(dir)).isEqualTo(run);
        String text = Files.readString(dir.resolve("results.json"));
        assertThat(text).contains("\"missing\" : [ {\n    \"variant\" : \"cwgan\",\n    \"seed\" : 3\n  } ]");
        String old = text.replaceAll("(?s),\\s*\"missing\" : \\[[^]]*\\]", "");
        Files.writeString(dir.resolve("results.json"), old);
        assertThat(ResultsJson.read(dir).missing()).isEmpty();
    }
}
