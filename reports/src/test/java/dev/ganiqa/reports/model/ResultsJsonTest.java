package dev.ganiqa.reports.model;

import dev.ganiqa.reports.PlainOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.reports.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryValueAndOrder() throws IOException {
        RunResults original = Fixtures.run("run-1", Fixtures.EVIL_SPEC, "ganiqa-fmnist-v1");
        Path file = dir.resolve("results.json");
        ResultsJson.write(original, file, PlainOutput.PLAIN);
        RunResults back = ResultsJson.read(dir);
        assertThat(back).isEqualTo(original);
        assertThat(back.units().get(0).metrics().keySet()).containsExactly("fid", "kid", "is", "precision");
        assertThat(back.provenance().dataset().classNames()).contains(Fixtures.EVIL_CLASS);
        // Times as ISO strings, nulls omitted.
        String text = Files.readString(file);
        assertThat(text).contains("\"startedAt\" : \"2026-11-22T10:00:00Z\"").doesNotContain("null");
        assertThat(ResultsJson.toBytes(back)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void collapseFlagsRoundTripAndOlderFilesReadWithoutThem() throws IOException {
        RunResults collapsed = Fixtures.collapsed(Fixtures.run("run-1", "fashion-mnist", "x"));
        ResultsJson.write(collapsed, dir.resolve("results.json"), PlainOutput.PLAIN);
        RunResults back = ResultsJson.read(dir);
        assertThat(back).isEqualTo(collapsed);
        assertThat(back.units().stream().filter(u -> u.training() != null && u.training().collapsed()).count())
                .isEqualTo(2);
        // A results.json written before the flag existed has no "collapse" in its training stats.
        String text = Files.readString(dir.resolve("results.json"));
        assertThat(text).contains("\"collapse\"");
        String old = text.replaceAll("(?s),\\s*\"collapse\" : \\{[^}]*\\}", "");
        assertThat(old).doesNotContain("\"collapse\"");
        Files.writeString(dir.resolve("results.json"), old);
        assertThat(ResultsJson.read(dir).units()).allSatisfy(u -> assertThat(u.training().collapse()).isNull());
    }

    @Test
    void executionRoundTripsAndOlderFilesReadWithoutIt() throws IOException {
        RunResults base = Fixtures.run("run-1", "fashion-mnist", "x");
        assertThat(base.provenance().execution()).isNull();
        ResultsJson.write(base, dir.resolve("results.json"), PlainOutput.PLAIN);
        String old = Files.readString(dir.resolve("results.json"));
        assertThat(old).doesNotContain("\"execution\"");
        assertThat(ResultsJson.read(dir).provenance().execution()).isNull();
        RunResults slurm = base.withProvenance(base.provenance().withExecution(new Execution("slurm",
                java.util.List.of("array:100", "collect:101"), java.util.Map.of("dcgan-seed1", "node-3"))));
        ResultsJson.write(slurm, dir.resolve("results.json"), PlainOutput.PLAIN);
        RunResults back = ResultsJson.read(dir);
        assertThat(back).isEqualTo(slurm);
        assertThat(back.provenance().execution().unitNodes()).containsEntry("dcgan-seed1", "node-3");
    }

    @Test
    void writeLeavesNoTemporaryFiles() throws IOException {
        ResultsJson.write(Fixtures.run("run-1", "fashion-mnist", "x"), dir.resolve("results.json"), PlainOutput.PLAIN);
        ResultsJson.write(Fixtures.run("run-2", "fashion-mnist", "x"), dir.resolve("results.json"), PlainOutput.PLAIN);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("results.json");
        }
        assertThat(ResultsJson.read(dir).runId()).isEqualTo("run-2");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Readable by a web server serving a published site, not owner-only like the temp file was.
            assertThat(Files.getPosixFilePermissions(dir.resolve("results.json")))
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void newerSchemaIsRefusedWithFileName() throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{\"schemaVersion\": 7, \"runId\": \"x\"}");
        assertThatThrownBy(() -> ResultsJson.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("expected schemaVersion <= 1, found 7");
    }

    @Test
    void brokenFilesGiveOneLineReasons() throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("expected an object with a schemaVersion, found array");
        Files.writeString(file, "{\"schemaVersion\": 1, \"runId\": \"r\"}");
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("provenance: expected a value, found null");
        Files.writeString(file, "{\"schemaVersion\": 1,");
        assertThatThrownBy(() -> ResultsJson.read(file)).hasMessageContaining("expected JSON, found a syntax error");
        assertThatThrownBy(() -> ResultsJson.read(dir.resolve("nope"))).hasMessageContaining("found no such file");
    }

    @Test
    void distributionMatchesNumpyPercentiles() {
        // np.percentile([1,2,3,4,10], [5,50,95]) -> [1.2, 3.0, 8.8]; np.std(ddof=1) -> 3.5355339059327378
        Distribution d = Distribution.of(new double[] {4, 1, 10, 3, 2});
        assertThat(d.p5()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.median()).isEqualTo(3.0);
        assertThat(d.p95()).isCloseTo(8.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.std()).isCloseTo(3.5355339059327378, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.values()).containsExactly(1.0, 2.0, 3.0, 4.0, 10.0);
        Distribution big = Distribution.of(new java.util.Random(1).doubles(5000).toArray());
        assertThat(big.values()).hasSize(Distribution.MAX_VALUES);
        assertThat(big.values().get(0)).isEqualTo(big.min());
        assertThat(big.values().get(Distribution.MAX_VALUES - 1)).isEqualTo(big.max());
    }

    @Test
    void divergedUnitKeepsNanLossesThroughJsonAndTheReport() throws IOException {
        RunResults base = Fixtures.run("run-nan", "fashion-mnist", "x");
        UnitResult nan = new UnitResult("dcgan", 9, UnitStatus.DIVERGED, "NaN generator loss at step 12", null, null,
                List.of(new EpochPoint(1, 80.0, java.util.Map.of("generator", 1.0)),
                        new EpochPoint(2, null, java.util.Map.of("generator", Double.NaN,
                                "critic", Double.POSITIVE_INFINITY))),
                null, null, null, null, null, null);
        List<UnitResult> units = new java.util.ArrayList<>(base.units());
        units.add(nan);
        RunResults withNan = new RunResults(1, base.runId(), base.provenance(), base.metrics(), units,
                base.reference(), base.variants(), base.tests(), base.verdict());
        ResultsJson.write(withNan, dir.resolve("results.json"), PlainOutput.PLAIN);
        RunResults back = ResultsJson.read(dir);
        assertThat(back.units().get(units.size() - 1).curve().get(1).losses().get("generator")).isNaN();
        assertThat(back.units().get(units.size() - 1).curve().get(1).losses().get("critic")).isInfinite();
        String html = new dev.ganiqa.reports.html.HtmlReport().render(back, dir);
        assertThat(html).doesNotContain("NaN,").doesNotContain("Infinity").contains("NaN generator loss at step 12");
        assertThatThrownBy(() -> Distribution.of(new double[] {1, Double.NaN}))
                .hasMessageContaining("expected finite values, found NaN at index 1");
    }

    @Test
    void withUnitReplacesTheSameVariantAndSeedInPlace() {
        RunResults base = Fixtures.run("r", "fashion-mnist", "x");
        UnitResult first = base.units().get(0);
        UnitResult failed = new UnitResult(first.variant(), first.seed(), UnitStatus.FAILED, "disk full", null, null,
                List.of(), null, null, null, null, null, null);
        RunResults replaced = base.withUnit(failed);
        assertThat(replaced.units()).hasSameSizeAs(base.units());
        assertThat(replaced.units().get(0)).isEqualTo(failed);
        assertThat(replaced.unit(first.variant(), first.seed())).contains(failed);
        UnitResult added = new UnitResult("new", 1, UnitStatus.FAILED, "x", null, null, List.of(), null, null, null,
                null, null, null);
        assertThat(base.withUnit(added).units()).hasSize(base.units().size() + 1).endsWith(added);
        assertThat(base.unit("new", 1)).isEmpty();
    }

    @Test
    void failedUnitNeedsReason() {
        assertThatThrownBy(() -> new UnitResult("dcgan", 1, UnitStatus.DIVERGED, null, null, null, List.of(), null,
                null, null, null, null, null)).hasMessageContaining("expected a reason for status DIVERGED");
    }
}
