package dev.ganiqa.reports.html;

import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.html.ReportView.Cell;
import dev.ganiqa.reports.html.ReportView.KeyValue;
import dev.ganiqa.reports.html.ReportView.Row;
import dev.ganiqa.reports.html.ReportView.Table;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.PerClassFid;
import dev.ganiqa.reports.model.Provenance;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The per-class FID table and the provenance block. */
final class Details {
    private final RunResults results;
    private final boolean ranked;

    /** @param ranked false: no best cell (an incomplete run ranks nothing) */
    Details(RunResults results, boolean ranked) {
        this.results = results;
        this.ranked = ranked;
    }

    /** Rows are classes, columns real data then variants (mean over OK seeds); the lowest variant cell is best. */
    Table perClass() {
        Map<String, List<PerClassFid>> byVariant = new LinkedHashMap<>();
        for (UnitResult u : results.units()) {
            if (u.ok() && u.perClass() != null) {
                byVariant.computeIfAbsent(u.variant(), v -> new ArrayList<>()).add(u.perClass());
            }
        }
        PerClassFid real = results.reference() == null ? null : results.reference().perClass();
        if (byVariant.isEmpty()) {
            return new Table(List.of(), List.of());
        }
        Set<String> classes = new LinkedHashSet<>(results.provenance().dataset().classNames());
        byVariant.values().forEach(list -> list.forEach(p -> classes.addAll(p.fid().keySet())));
        List<String> headings = new ArrayList<>(List.of("class"));
        if (real != null) {
            headings.add("real data");
        }
        headings.addAll(byVariant.keySet());
        List<Row> rows = new ArrayList<>();
        for (String c : classes) {
            List<Double> means = new ArrayList<>();
            for (List<PerClassFid> list : byVariant.values()) {
                double[] values = list.stream().filter(p -> p.fid().containsKey(c)).mapToDouble(p -> p.fid().get(c))
                        .toArray();
                means.add(values.length == 0 ? null : java.util.Arrays.stream(values).average().orElseThrow());
            }
            double best = means.stream().filter(m -> m != null).mapToDouble(Double::doubleValue).min()
                    .orElse(Double.NaN);
            List<Cell> cells = new ArrayList<>();
            if (real != null) {
                Double r = real.fid().get(c);
                cells.add(Cell.of(r == null ? "\u2013" : Numbers.format(r)));
            }
            for (Double m : means) {
                cells.add(m == null ? Cell.of("\u2013")
                        : new Cell(Numbers.format(m), null, ranked && m == best && means.size() > 1));
            }
            rows.add(new Row(c, null, cells));
        }
        return new Table(headings, rows);
    }

    /** Says how each variant's samples were grouped into classes. */
    String perClassNote() {
        Map<String, String> grouping = new LinkedHashMap<>();
        results.units().stream().filter(u -> u.ok() && u.perClass() != null)
                .forEach(u -> grouping.putIfAbsent(u.variant(), u.perClass().groupedBy()));
        Map<String, List<String>> byGrouping = new LinkedHashMap<>();
        grouping.forEach((v, g) -> byGrouping.computeIfAbsent(g, k -> new ArrayList<>()).add(v));
        return byGrouping.entrySet().stream().map(e -> "grouped by " + ("label".equals(e.getKey())
                        ? "the requested label" : "predicted".equals(e.getKey()) ? "the extractor's predicted class"
                        : e.getKey()) + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    List<KeyValue> provenance() {
        Provenance p = results.provenance();
        List<KeyValue> lines = new ArrayList<>();
        lines.add(new KeyValue("run", results.runId()));
        lines.add(new KeyValue("ganiqa", p.ganiqaVersion()));
        lines.add(new KeyValue("dataset", p.dataset().spec() + (p.dataset().sha256() == null ? ""
                : " (sha256 " + p.dataset().sha256() + ")")));
        lines.add(new KeyValue("splits", p.dataset().splitSizes().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + (p.dataset().splitSizes().containsKey("validation") ? " (learning curves, best epochs and "
                + "convergence on validation; the reported numbers on test, used once)" : "")));
        lines.add(new KeyValue("images", p.dataset().width() + "\u00d7" + p.dataset().height() + "\u00d7"
                + p.dataset().channels() + ", " + p.dataset().classNames().size() + " classes"));
        lines.add(new KeyValue("extractor", p.extractor().name() + " " + nullToEmpty(p.extractor().version())
                + (p.extractor().sha256() == null ? "" : " (sha256 " + p.extractor().sha256() + ")")
                + (p.extractor().featureDim() > 0 ? ", " + p.extractor().featureDim() + " features" : "")));
        lines.add(new KeyValue("budget", p.budget().describe() + " per unit (every unit records epochs, generator "
                + "and critic steps, images seen and wall time), "
                + p.budget().samples() + " samples per unit, " + p.budget().curveSamples() + " per curve point"
                + (p.budget().preset() == null ? "" : ", preset " + p.budget().preset())));
        if (!p.earlierBudgets().isEmpty()) {
            lines.add(new KeyValue("extended from", String.join(", then ", p.earlierBudgets().stream()
                    .map(Budget::describe).toList()) + " to " + p.budget().describe() + " (every unit continued from "
                    + "its checkpoint; the learning curves show the earlier budgets' points)"));
        }
        lines.add(new KeyValue("seeds", p.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        lines.add(new KeyValue("time", p.startedAt() + " \u2192 " + (p.finishedAt() == null ? "running" : p.finishedAt())
                + String.format(java.util.Locale.ROOT, " (%.0f s)", p.wallSeconds())));
        if (p.environment() != null) {
            lines.add(new KeyValue("runtime", "Java " + p.environment().javaVersion() + ", TensorFlow "
                    + p.environment().tensorflowVersion() + (p.environment().oneDnn() == null ? ""
                    : ", oneDNN " + p.environment().oneDnn())));
            lines.add(new KeyValue("machine", p.environment().os() + ", " + p.environment().cpu() + ", "
                    + p.environment().cores() + " cores"));
        }
        if (p.execution() != null && (p.execution().jobs() > 0 || !p.execution().unitThreads().isEmpty())) {
            lines.add(new KeyValue("execution", execution(p.execution())));
        }
        return lines;
    }

    /** "local, 2 units at a time; TF threads per unit: 1 (12 units)". */
    static String execution(dev.ganiqa.reports.model.Execution e) {
        StringBuilder b = new StringBuilder(e.executor());
        if (e.jobs() > 0) {
            b.append(", ").append(e.jobs()).append(e.jobs() == 1 ? " unit at a time" : " units at a time");
        }
        if (!e.unitThreads().isEmpty()) {
            Map<Integer, Long> counts = new java.util.TreeMap<>(e.unitThreads().values().stream().collect(
                    Collectors.groupingBy(t -> t, Collectors.counting())));
            b.append("; TF threads per unit: ").append(counts.entrySet().stream().map(c -> c.getKey() + " ("
                    + c.getValue() + (c.getValue() == 1 ? " unit)" : " units)")).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    /**
     * Variant hyper-parameters: rows are variants, columns the union of their keys; a value chosen by the tuning
     * search is marked "tuned" (the others are the variants' defaults, whose sources the code cites, or --set).
     */
    Table configs() {
        Map<String, Map<String, Object>> configs = results.provenance().variantConfigs();
        Set<String> keys = new LinkedHashSet<>();
        configs.values().forEach(c -> keys.addAll(c.keySet()));
        List<String> headings = new ArrayList<>(List.of("variant"));
        headings.addAll(keys);
        List<Row> rows = new ArrayList<>();
        configs.forEach((variant, config) -> {
            Set<String> tuned = tunedFields(variant);
            rows.add(new Row(variant, null, keys.stream().map(k -> config.containsKey(k)
                    ? new Cell(String.valueOf(config.get(k)), tuned.contains(k) ? "tuned" : null, false)
                    : Cell.of("\u2013")).toList()));
        });
        return new Table(headings, rows);
    }

    /** The fields of {@code variant} set by the tuning search's choice ("wgan.beta1=0" gives beta1). */
    private Set<String> tunedFields(String variant) {
        dev.ganiqa.reports.model.Tuning t = results.provenance().tuning();
        Set<String> out = new LinkedHashSet<>();
        if (t != null) {
            for (String s : t.chosen().getOrDefault(variant, List.of())) {
                String field = s.substring(0, s.indexOf('='));
                out.add(field.substring(field.indexOf('.') + 1));
            }
        }
        return out;
    }

    /** The tuning search per variant: its trials' validation FIDs and the chosen setting (empty without a search). */
    Table tuning() {
        dev.ganiqa.reports.model.Tuning t = results.provenance().tuning();
        List<String> headings = List.of("variant", "trials", "validation FID: best", "median", "worst",
                "chosen setting");
        List<Row> rows = new ArrayList<>();
        if (t == null) {
            return new Table(headings, rows);
        }
        for (String variant : t.variants()) {
            List<dev.ganiqa.reports.model.Tuning.Trial> mine = t.trials().stream()
                    .filter(x -> x.variant().equals(variant)).toList();
            double[] fids = mine.stream().filter(x -> x.validationFid() != null)
                    .mapToDouble(dev.ganiqa.reports.model.Tuning.Trial::validationFid).sorted().toArray();
            long failed = mine.size() - fids.length;
            List<String> chosen = t.chosen().getOrDefault(variant, List.of());
            if (mine.isEmpty() && !chosen.isEmpty()) {
                // A matched variant: not searched, it takes its conditional partner's choice (the pair then differs
                // in the label alone).
                rows.add(new Row(variant, null, List.of(Cell.of("none: takes its conditional partner's choice"),
                        Cell.of("\u2013"), Cell.of("\u2013"), Cell.of("\u2013"), Cell.of(String.join(", ", chosen.stream()
                                .map(x -> x.substring(x.indexOf('.') + 1)).toList())))));
                continue;
            }
            rows.add(new Row(variant, null, List.of(
                    Cell.of(mine.size() + (failed > 0 ? " (" + failed + " diverged or failed)" : "")),
                    Cell.of(fids.length == 0 ? "\u2013" : Numbers.format(fids[0])),
                    Cell.of(fids.length == 0 ? "\u2013" : Numbers.format(fids.length % 2 == 1 ? fids[fids.length / 2]
                            : (fids[fids.length / 2 - 1] + fids[fids.length / 2]) / 2)),
                    Cell.of(fids.length == 0 ? "\u2013" : Numbers.format(fids[fids.length - 1])),
                    Cell.of(chosen.isEmpty() ? "none (search unfinished)" : String.join(", ", chosen.stream()
                            .map(x -> x.substring(x.indexOf('.') + 1)).toList())))));
        }
        return new Table(headings, rows);
    }

    String tuningNote() {
        dev.ganiqa.reports.model.Tuning t = results.provenance().tuning();
        if (t == null) {
            return "";
        }
        return "every searched variant tried the same " + t.trials().stream().mapToInt(dev.ganiqa.reports.model.Tuning.Trial::trial)
                .max().orElse(0) + " settings (" + t.search() + " search, seed " + t.searchSeed() + ", space "
                + t.space().entrySet().stream().map(e -> e.getKey() + " " + String.join("/", e.getValue()))
                .collect(Collectors.joining(", ")) + "), each trained for " + t.budget() + " with seed " + t.seed()
                + " and scored by the FID of its last learning-curve point against the validation split ("
                + t.extractor() + "); the test split was not used; the lowest was chosen"
                + (t.variants().stream().anyMatch(v -> t.trials().stream().noneMatch(x -> x.variant().equals(v))
                        && t.chosen().containsKey(v)) ? "; a matched variant took its conditional partner's choice" : "");
    }

    /** The recorded arguments after the program name; files written before had {@code ganiqa} as the first one. */
    String commandLine() {
        List<String> args = new ArrayList<>(results.provenance().commandLine());
        if (!args.isEmpty() && args.get(0).equals("ganiqa")) {
            args.remove(0);
        }
        args.add(0, "ganiqa");
        return dev.ganiqa.reports.RunCommands.shell(args);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
